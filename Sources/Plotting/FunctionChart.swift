/// Where a tangent line touches a function plot, and its slope (nil: a central difference,
/// (f(a + h) − f(a − h))/2h with h = 10⁻⁶·max(1, |a|)).
public struct Tangent: Sendable, Equatable {
    public var at: Double
    public var slope: Double?

    public init(at: Double, slope: Double? = nil) {
        self.at = at
        self.slope = slope
    }
}

/// A named run of a one-dimensional descent: its iterates x⁽⁰⁾, x⁽¹⁾, ….
public struct Steps: Sendable {
    public var name: String
    public var iterates: [Double]

    public init(_ name: String, _ iterates: [Double]) {
        self.name = name
        self.iterates = iterates
    }
}

/// A function of one variable over a domain, with tangents and descent runs drawn on it:
/// each run's iterates are the points (x⁽ᵗ⁾, f(x⁽ᵗ⁾)) joined in order.
///
/// ```swift
/// FunctionChart("Steps on x² − 10x + 1", domain: -12...22,
///               steps: [Steps("γ = 0.1", xs01), Steps("γ = 1", xs1)]) { $0 * $0 - 10 * $0 + 1 }
/// ```
/// The y axis fits the curve; iterates that leave the domain or the curve's range (a run
/// that diverges) are clipped, and the figure says so.
public struct FunctionChart: Chart {
    public var title: String
    public var x: Axis
    public var y: Axis
    /// The function sampled over the domain.
    public var curve: Series
    /// Tangent lines, as three points each: the domain's ends and, between them, where the
    /// tangent touches the curve (marked).
    public var tangents: [Series]
    /// Descent runs, as points on the curve.
    public var steps: [Series]
    public var size: Size
    /// The figure's description in words; nil describes it automatically.
    public var description: String?
}

// MARK: - Making a function chart

public extension FunctionChart {
    init(
        _ title: String = "", x: Axis = "x", y: Axis = "f(x)", domain: ClosedRange<Double>, samples: Int = 401,
        steps: [Steps] = [], tangents: [Tangent] = [], size: Size = .standard, description: String? = nil,
        _ f: (Double) -> Double
    ) {
        precondition(
            domain.lowerBound < domain.upperBound, "a function chart needs a domain with low < high, got \(domain)")
        var xAxis = x
        xAxis.limits = x.limits ?? domain
        let lines = tangents.map { t -> Series in
            let h = 1e-6 * max(1, t.at.magnitude)
            let slope = t.slope ?? (f(t.at + h) - f(t.at - h)) / (2 * h)
            let xs = [domain.lowerBound, t.at, domain.upperBound]
            return Series(
                "tangent at x = " + Format.significant(t.at), x: xs, y: xs.map { f(t.at) + slope * ($0 - t.at) },
                style: .dashed)
        }
        self.init(
            title: title, x: xAxis, y: y, curve: Series("", over: domain, samples: samples, f),
            tangents: lines, steps: steps.map { Series($0.name, x: $0.iterates, y: $0.iterates.map(f)) }, size: size,
            description: description)
    }

    func svg() -> String { document() }
}

// MARK: - Drawing

extension FunctionChart: PanelChart {
    var heading: String { title.isEmpty ? "Function plot" : title }

    var summary: String {
        if let description { return description }
        let frame = self.frame(at: Point(x: 0, y: 0))
        var text = "Function plot. " + frame.x.described("x") + "; " + frame.y.described("y") + ". "
        text +=
            "The curve runs from \(Format.significant(curve.y.first ?? .nan)) to \(Format.significant(curve.y.last ?? .nan))"
        if let low = zip(curve.x, curve.y).filter({ $0.1.isFinite }).min(by: { $0.1 < $1.1 }) {
            text += ", lowest \(Format.significant(low.1)) at x = \(Format.significant(low.0))"
        }
        text += "."
        for t in tangents { text += " A dashed \(t.name)." }
        for run in steps {
            guard let first = run.x.first, let last = run.x.last else { continue }
            text += " \(run.name.isEmpty ? "A run" : run.name): \(run.x.count) iterates from x = "
            text += "\(Format.significant(first)) to x = \(Format.significant(last))."
        }
        return text + frame.notes.map { " " + $0 }.joined()
    }

    func draw(at origin: Point, into svg: inout SVGWriter) {
        let frame = self.frame(at: origin)
        frame.drawGrid(into: &svg)
        svg.path(Polyline.pathData(curve.pixels(in: frame), clip: frame.plot), class: "line")
        for (i, run) in steps.enumerated() { run.drawTrajectory(i, in: frame, into: &svg) }
        for (k, t) in tangents.enumerated() {
            let points = t.pixels(in: frame)
            svg.group([("class", Palette.className(steps.count + k))]) { svg in
                svg.path(Polyline.pathData(points, clip: frame.plot), class: "line thin dashed")
                if points.count == 3, frame.plot.contains(points[1]) {
                    svg.path(MarkerShape.square.path(at: points[1], radius: 3.5), class: "mark")
                }
            }
        }
        frame.drawGuides(into: &svg)
    }

    private func frame(at origin: Point) -> Frame {
        let xGuide = AxisGuide(x, data: curve.x + steps.flatMap(\.x))
        let yGuide = AxisGuide(y, data: curve.y + steps.flatMap(\.y), fitTo: curve.y)
        let skipped = ([curve] + steps).map { $0.unplottable(x: x.scale, y: y.scale) }.reduce(0, +)
        let legend =
            trajectoryLegend(steps)
            + tangents.enumerated().map { k, t in
                LegendEntry(name: t.name, color: steps.count + k, swatch: .line(dash: "thin dashed", marker: .square))
            }
        return Frame(
            bounds: Rect(origin, size), title: title,
            x: xGuide, y: yGuide, legend: legend, skipped: skipped)
    }
}
