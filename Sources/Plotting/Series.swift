/// How a series' line is drawn.
public enum LineStyle: Sendable, Equatable {
    case solid, dashed, dotted
}

/// A named sequence of (x, y) points, drawn as a line (and markers, if asked).
///
/// Non-finite values, and values ≤ 0 on a log axis, are skipped: the line breaks there.
public struct Series: Sendable {
    public var name: String
    public var x: [Double]
    public var y: [Double]
    public var style: LineStyle
    /// Whether the points get markers (the series' shape); in a long series only points at
    /// least 4 px apart across do, so the markers stay legible and the file small.
    public var markers: Bool
}

// MARK: - Making series

public extension Series {
    /// Points (x[i], y[i]): `Series("train", x: epochs, y: losses)`.
    init(_ name: String, x: [Double], y: [Double], style: LineStyle = .solid, markers: Bool = false) {
        precondition(x.count == y.count, "series \"\(name)\": x has \(x.count) values but y has \(y.count)")
        self.init(name: name, x: x, y: y, style: style, markers: markers)
    }

    /// Points (i, y[i]) for i = 0, 1, 2, …: `Series("loss", y: losses)`.
    init(_ name: String, y: [Double], style: LineStyle = .solid, markers: Bool = false) {
        self.init(name, x: y.indices.map(Double.init), y: y, style: style, markers: markers)
    }

    /// A function sampled at `samples` evenly spaced points of `domain`:
    /// `Series("f", over: -5...15) { $0 * $0 - 10 * $0 + 1 }`.
    init(
        _ name: String, over domain: ClosedRange<Double>, samples: Int = 201, style: LineStyle = .solid,
        _ f: (Double) -> Double
    ) {
        precondition(samples >= 2, "series \"\(name)\": a function needs at least 2 samples, got \(samples)")
        let step = (domain.upperBound - domain.lowerBound) / Double(samples - 1)
        let x = (0..<samples).map { domain.lowerBound + Double($0) * step }
        self.init(name, x: x, y: x.map(f), style: style)
    }
}

// MARK: - Drawing

extension Series {
    /// The CSS class of the line's dash pattern, nil for a solid line.
    private var dashClass: String? {
        switch style {
        case .solid: nil
        case .dashed: "dashed"
        case .dotted: "dotted"
        }
    }

    /// The CSS classes of the line.
    var lineClass: String { "line" + (dashClass.map { " " + $0 } ?? "") }

    /// The legend entry of the i-th series.
    func legendEntry(_ index: Int) -> LegendEntry {
        LegendEntry(name: name, color: index, swatch: .line(dash: dashClass, marker: markers ? .at(index) : nil))
    }

    /// The pixel positions of the points in `frame`.
    func pixels(in frame: Frame) -> [Point] {
        zip(x, y).map { frame.point($0, $1) }
    }

    /// Draws the line (and markers) in the i-th palette colour, inside the frame's plot area.
    func draw(_ index: Int, in frame: Frame, into svg: inout SVGWriter) {
        let points = pixels(in: frame)
        svg.group([("class", Palette.className(index))]) { svg in
            svg.path(Polyline.pathData(points, clip: frame.plot), class: lineClass)
            if markers {
                let kept = Polyline.spaced(Polyline.pieces(points, clip: frame.plot).flatMap { $0 }, gap: 4)
                svg.path(Self.markerData(kept, shape: .at(index), radius: 3.5, inside: frame.plot), class: "mark")
            }
        }
    }

    /// Draws every point as the i-th marker shape in the i-th colour, with no line: a class
    /// of a scatter plot.
    func drawPoints(_ index: Int, in frame: Frame, into svg: inout SVGWriter) {
        let data = Self.markerData(pixels(in: frame), shape: .at(index), radius: 4, inside: frame.plot)
        svg.group([("class", Palette.className(index))]) { svg in svg.path(data, class: "mark") }
    }

    /// One path of markers at the finite points inside `rect`.
    private static func markerData(_ points: [Point], shape: MarkerShape, radius: Double, inside rect: Rect) -> String {
        points.filter { $0.x.isFinite && $0.y.isFinite && rect.contains($0) }
            .map { shape.path(at: $0, radius: radius) }.joined()
    }

    /// How many points the axes cannot show: non-finite, or ≤ 0 on a log axis.
    func unplottable(x xKind: ScaleKind, y yKind: ScaleKind) -> Int {
        zip(x, y).filter { !Self.plottable($0, xKind) || !Self.plottable($1, yKind) }.count
    }

    /// The series in words: "SGD: 1000 points, y from 0.012 to 2.3, last 0.012".
    var described: String {
        let finite = y.filter(\.isFinite)
        let label = name.isEmpty ? "series" : name
        guard let low = finite.min(), let high = finite.max(), let last = y.last else {
            return "\(label): no finite points"
        }
        return
            "\(label): \(y.count) points, y from \(Format.significant(low)) to \(Format.significant(high)), last \(Format.significant(last))"
    }

    private static func plottable(_ v: Double, _ kind: ScaleKind) -> Bool { v.isFinite && (kind == .linear || v > 0) }
}
