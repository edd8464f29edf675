/// Several series against shared x and y axes, each linear or log.
///
/// ```swift
/// LineChart("Loss", x: "iteration", y: .log("loss"),
///           series: [Series("SGD", y: sgd), Series("Adam", y: adam)])
/// ```
public struct LineChart: Chart {
    public var title: String
    public var x: Axis
    public var y: Axis
    public var series: [Series]
    public var size: Size
    /// The figure's description in words; nil describes the axes and series automatically.
    public var description: String?
}

// MARK: - Making a line chart

public extension LineChart {
    init(
        _ title: String = "", x: Axis = "", y: Axis = "", size: Size = .standard, description: String? = nil,
        series: [Series]
    ) {
        self.init(title: title, x: x, y: y, series: series, size: size, description: description)
    }

    func svg() -> String { document() }
}

// MARK: - Drawing

extension LineChart: PanelChart {
    var heading: String { title.isEmpty ? "Line chart" : title }

    var summary: String {
        if let description { return description }
        let frame = self.frame(at: Point(x: 0, y: 0))
        return "Line chart. " + frame.x.described("x") + "; " + frame.y.described("y") + ". "
            + series.map(\.described).joined(separator: "; ") + "." + frame.notes.map { " " + $0 }.joined()
    }

    func draw(at origin: Point, into svg: inout SVGWriter) {
        let frame = self.frame(at: origin)
        frame.drawGrid(into: &svg)
        for (i, s) in series.enumerated() { s.draw(i, in: frame, into: &svg) }
        frame.drawGuides(into: &svg)
    }

    private func frame(at origin: Point) -> Frame {
        let xGuide = AxisGuide(x, data: series.flatMap(\.x))
        let yGuide = AxisGuide(y, data: series.flatMap(\.y))
        let skipped = series.map { $0.unplottable(x: x.scale, y: y.scale) }.reduce(0, +)
        let named = series.contains { !$0.name.isEmpty }
        return Frame(
            bounds: Rect(origin, size), title: title,
            x: xGuide, y: yGuide, legend: named ? series.enumerated().map { $1.legendEntry($0) } : [], skipped: skipped)
    }
}
