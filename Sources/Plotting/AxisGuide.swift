/// An axis ready to draw: its scale, its labelled and minor ticks, and whether the data
/// runs past its limits.
struct AxisGuide {
  var label: String
  var scale: Scale
  var ticks: [(value: Double, label: NumberLabel)]
  var minor: [Double]
  /// Values of the data beyond the limits, below and above.
  var below = 0
  var above = 0
  /// Whether the axis shows categories (band centres at 0, 1, 2, …) rather than numbers.
  var categorical = false

  /// The tick size in pixels and the font sizes the stylesheet sets.
  static let tickLength = 5.0
  static let tickFont = 12.0
  static let labelFont = 13.0
}

extension AxisGuide {
  /// A numeric axis for `axis` showing `data`: fitted and niced, or the author's limits with
  /// the values outside them counted.
  init(_ axis: Axis, data: [Double], includeZero: Bool = false) {
    let domain = axis.limits ?? Scale.fit(data, kind: axis.scale, includeZero: includeZero)
    self.init(label: axis.label, scale: Scale(kind: axis.scale, domain: domain, range: (0, 1)), ticks: [], minor: [])
    if axis.limits != nil {
      for v in data where v.isFinite && (axis.scale == .linear || v > 0) {
        if v < domain.lowerBound { below += 1 } else if v > domain.upperBound { above += 1 }
      }
    }
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

  /// About `count` nice ticks over the domain of a linear axis; log and categorical axes
  /// keep theirs.
  mutating func fitTicks(count: Int) {
    guard scale.kind == .linear && !categorical else { return }
    let spec = Ticks.spec(scale.domain.lowerBound, scale.domain.upperBound, count: Double(count))
    ticks = Array(zip(spec.values, spec.labels))
  }

  /// As many ticks as fit `length` pixels at one per `spacing` pixels (at least two). When
  /// the axis begins and ends on a tick, it still does: a count whose step does not divide
  /// the domain (a step of 0.2 on 0…2.5) gives way to the next smaller count.
  mutating func fitTicks(toLength length: Double, spacing: Double) {
    let ends = [scale.domain.lowerBound, scale.domain.upperBound]
    let endsOnTicks = ends.allSatisfy { end in ticks.contains { $0.value == end } }
    for count in stride(from: max(2, min(10, Int(length / spacing))), through: 2, by: -1) {
      fitTicks(count: count)
      if !endsOnTicks || ends.allSatisfy({ end in ticks.contains { $0.value == end } }) { return }
    }
  }

  /// The note stating how the data was clipped, or nil when none was.
  func clippingNote(axis name: String) -> String? {
    guard below + above > 0 else { return nil }
    let limits = NumberLabel.significant(scale.domain.lowerBound).plain + " to "
      + NumberLabel.significant(scale.domain.upperBound).plain
    var outside: [String] = []
    if below > 0 { outside.append("\(below) below") }
    if above > 0 { outside.append("\(above) above") }
    return "\(name) axis limited to \(limits); values outside not shown (" + outside.joined(separator: ", ") + ")."
  }

  /// The widest tick label in pixels.
  var widestTickLabel: Double {
    ticks.map { TextMetrics.width($0.label, fontSize: Self.tickFont) }.max() ?? 0
  }

  /// The axis in words, for a figure's description: "x: iteration, linear, 0 to 1000".
  func described(_ name: String) -> String {
    let kind = categorical ? "categories" : scale.kind == .log ? "log scale" : "linear"
    let title = label.isEmpty ? name : "\(name): \(label)"
    if categorical { return "\(title) (\(ticks.map(\.label.plain).joined(separator: ", ")))" }
    return "\(title), \(kind), " + NumberLabel.significant(scale.domain.lowerBound).plain + " to "
      + NumberLabel.significant(scale.domain.upperBound).plain
  }
}

/// 10ᵏ as a Double, exact for the powers a log axis labels.
private func pow10(_ k: Int) -> Double {
  var value = 1.0
  for _ in 0..<k.magnitude { value *= 10 }
  return k < 0 ? 1 / value : value
}
