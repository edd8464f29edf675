/// An axis ready to draw: its scale, its labelled and minor ticks, and how much of the
/// data runs past its limits.
struct AxisGuide {
    var label: String
    var scale: Scale
    var ticks: [(value: Double, label: NumberLabel)]
    var minor: [Double]
    /// The extent of the data the axis was fitted to; nil when its limits are fixed.
    var extent: ClosedRange<Double>?
    /// The values drawn against the axis, to count those beyond its domain.
    var values: [Double] = []
    /// Whether the axis shows categories (band centres at 0, 1, 2, …) rather than numbers.
    var categorical = false

    /// The tick size in pixels and the font sizes the stylesheet sets.
    static let tickLength = 5.0
    static let tickFont = 12.0
    static let labelFont = 13.0
}

extension AxisGuide {
    /// A numeric axis for `axis` showing `data`: with the author's limits, or fitted to
    /// `fitted` (by default all of `data`) and widened to nice ticks or whole decades. Values
    /// of `data` outside the domain are counted for the clipping note.
    init(_ axis: Axis, data: [Double], fitTo fitted: [Double]? = nil, includeZero: Bool = false) {
        let extent = axis.limits == nil ? Scale.extent(fitted ?? data, kind: axis.scale, includeZero: includeZero) : nil
        let domain = axis.limits ?? Scale.fit(fitted ?? data, kind: axis.scale, includeZero: includeZero)
        self.init(
            label: axis.label, scale: Scale(kind: axis.scale, domain: domain, range: (0, 1)), ticks: [], minor: [],
            extent: extent, values: data)
        switch axis.scale {
        case .linear:
            fitTicks(count: 5)
        case .log:
            let (major, minor) = Ticks.log(domain.lowerBound, domain.upperBound)
            ticks = major.map { (pow10($0), NumberLabel.power($0)) }
            self.minor = minor
            if ticks.isEmpty {
                ticks = [domain.lowerBound, domain.upperBound].map { ($0, NumberLabel.significant($0, digits: 2)) }
            }
        }
    }

    /// A categorical axis: one band per name, ticks at the band centres 0, 1, 2, ….
    init(categories: [String], label: String) {
        let n = Double(max(categories.count, 1))
        self.init(
            label: label, scale: Scale(kind: .linear, domain: -0.5...(n - 0.5), range: (0, 1)),
            ticks: categories.enumerated().map { (Double($0.offset), NumberLabel.plain($0.element)) },
            minor: [], categorical: true)
    }

    /// About `count` nice ticks on a linear axis; a fitted axis is widened anew to that
    /// count's step, so it still begins and ends on a tick. Log and categorical axes keep
    /// their ticks.
    mutating func fitTicks(count: Int) {
        guard scale.kind == .linear && !categorical else { return }
        if let extent { scale.domain = Ticks.nice(extent, count: count) }
        let spec = Ticks.spec(scale.domain.lowerBound, scale.domain.upperBound, count: Double(count))
        ticks = Array(zip(spec.values, spec.labels))
    }

    /// As many ticks as fit `length` pixels at one per `spacing` pixels (two to ten).
    mutating func fitTicks(toLength length: Double, spacing: Double) {
        fitTicks(count: max(2, min(10, Int(length / spacing))))
    }

    /// How many drawable values lie below and above the domain.
    var outside: (below: Int, above: Int) {
        var (below, above) = (0, 0)
        for v in values where v.isFinite && (scale.kind == .linear || v > 0) {
            if v < scale.domain.lowerBound { below += 1 } else if v > scale.domain.upperBound { above += 1 }
        }
        return (below, above)
    }

    /// The note stating how the data was clipped, or nil when none was.
    func clippingNote(axis name: String) -> String? {
        let (below, above) = outside
        guard below + above > 0 else { return nil }
        let limits =
            NumberLabel.significant(scale.domain.lowerBound).plain + " to "
            + NumberLabel.significant(scale.domain.upperBound).plain
        let counts = [(below, "below"), (above, "above")].filter { $0.0 > 0 }.map { "\($0.0) \($0.1)" }
        return "\(name) axis limited to \(limits); values outside not shown (" + counts.joined(separator: ", ") + ")."
    }

    /// The widest tick label in pixels.
    var widestTickLabel: Double {
        ticks.map { TextMetrics.width($0.label, fontSize: Self.tickFont) }.max() ?? 0
    }

    /// The axis in words, for a figure's description: "x: iteration, linear, 0 to 1000".
    func described(_ name: String) -> String {
        let title = label.isEmpty ? name : "\(name): \(label)"
        if categorical { return "\(title) (\(ticks.map(\.label.plain).joined(separator: ", ")))" }
        return "\(title), \(scale.kind == .log ? "log scale" : "linear"), "
            + NumberLabel.significant(scale.domain.lowerBound).plain + " to "
            + NumberLabel.significant(scale.domain.upperBound).plain
    }
}

/// 10ᵏ as a Double: exact up to 10²², and 10⁻ᵏ as the correctly rounded 1/10ᵏ.
private func pow10(_ k: Int) -> Double {
    var value = 1.0
    for _ in 0..<k.magnitude { value *= 10 }
    return k < 0 ? 1 / value : value
}
