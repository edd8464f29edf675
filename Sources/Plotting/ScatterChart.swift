/// Points in classes, each class with its own colour and marker shape.
///
/// ```swift
/// ScatterChart("XOR-easy", x: "x₁", y: "x₂", xs: px, ys: py, labels: truth)
/// ```
public struct ScatterChart: Chart {
    public var title: String
    public var x: Axis
    public var y: Axis
    /// One series per class; only their points are drawn.
    public var classes: [Series]
    public var size: Size
    /// The figure's description in words; nil describes it automatically.
    public var description: String?
}

// MARK: - Making a scatter chart

public extension ScatterChart {
    init(
        _ title: String = "", x: Axis = "x₁", y: Axis = "x₂", size: Size = .square, description: String? = nil,
        classes: [Series]
    ) {
        self.init(title: title, x: x, y: y, classes: classes, size: size, description: description)
    }

    /// Point k at (xs[k], ys[k]) in class labels[k] (0, 1, 2, …), named by `classNames` or by
    /// its number.
    init(
        _ title: String = "", x: Axis = "x₁", y: Axis = "x₂", xs: [Double], ys: [Double], labels: [Int],
        classNames: [String] = [], size: Size = .square, description: String? = nil
    ) {
        self.init(
            title, x: x, y: y, size: size, description: description,
            classes: groupedByLabel(xs: xs, ys: ys, labels: labels, names: classNames))
    }

    func svg() -> String { document() }
}

// MARK: - Drawing

extension ScatterChart: PanelChart {
    var heading: String { title.isEmpty ? "Scatter plot" : title }

    var summary: String {
        if let description { return description }
        let frame = self.frame(at: Point(x: 0, y: 0))
        return "Scatter plot. " + frame.x.described("x") + "; " + frame.y.described("y") + ". "
            + describeClasses(classes) + frame.notes.map { " " + $0 }.joined()
    }

    func draw(at origin: Point, into svg: inout SVGWriter) {
        let frame = self.frame(at: origin)
        frame.drawGrid(into: &svg)
        for (i, c) in classes.enumerated() { c.drawPoints(i, in: frame, into: &svg) }
        frame.drawGuides(into: &svg)
    }

    private func frame(at origin: Point) -> Frame {
        let xGuide = AxisGuide(x, data: classes.flatMap(\.x))
        let yGuide = AxisGuide(y, data: classes.flatMap(\.y))
        let skipped = classes.map { $0.unplottable(x: x.scale, y: y.scale) }.reduce(0, +)
        return Frame(
            bounds: Rect(origin, size), title: title,
            x: xGuide, y: yGuide, legend: classLegend(classes), skipped: skipped)
    }
}

/// Points split into one series per label 0…max, named by `names` or by the label.
func groupedByLabel(xs: [Double], ys: [Double], labels: [Int], names: [String]) -> [Series] {
    precondition(
        xs.count == ys.count && ys.count == labels.count,
        "xs has \(xs.count) values, ys \(ys.count) and labels \(labels.count); they must match")
    precondition(labels.allSatisfy { $0 >= 0 }, "class labels must be 0, 1, 2, …")
    let count = max((labels.max() ?? -1) + 1, names.count)
    return (0..<count).map { c in
        let members = labels.indices.filter { labels[$0] == c }
        return Series(c < names.count ? names[c] : "class \(c)", x: members.map { xs[$0] }, y: members.map { ys[$0] })
    }
}

/// A legend entry per class: its marker in its colour.
func classLegend(_ classes: [Series]) -> [LegendEntry] {
    classes.enumerated().map { LegendEntry(name: $1.name, color: $0, swatch: .marker(.at($0))) }
}

/// "Classes: class 0, 21 points; class 1, 21 points."
func describeClasses(_ classes: [Series]) -> String {
    "Classes: " + classes.map { "\($0.name), \($0.x.count) point\($0.x.count == 1 ? "" : "s")" }.joined(separator: "; ")
        + "."
}
