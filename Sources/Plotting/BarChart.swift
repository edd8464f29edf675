/// Grouped bars: one group per category, one bar per series in each group, on a linear
/// axis from zero or a log axis from its lower limit (per-layer gradient norms).
///
/// ```swift
/// BarChart("Gradient norm per layer", x: "layer", y: .log("‖∂L/∂W‖"),
///          categories: (1...10).map { "\($0)" },
///          series: [Series("sigmoid", y: sigmoidNorms), Series("ReLU", y: reluNorms)])
/// ```
/// Series give one value per category through their y values. A value the axis cannot
/// show (non-finite; ≤ 0 on a log axis) gets no bar, and the figure says so.
public struct BarChart: Chart {
    public var title: String
    /// The label under the categories.
    public var x: String
    public var y: Axis
    public var categories: [String]
    public var series: [Series]
    public var size: Size
    /// The figure's description in words; nil describes it automatically.
    public var description: String?
}

// MARK: - Making a bar chart

public extension BarChart {
    init(
        _ title: String = "", x: String = "", y: Axis = "", categories: [String], size: Size = .standard,
        description: String? = nil, series: [Series]
    ) {
        for s in series {
            precondition(
                s.y.count == categories.count,
                "bar series \"\(s.name)\" has \(s.y.count) values for \(categories.count) categories")
        }
        self.init(
            title: title, x: x, y: y, categories: categories, series: series, size: size, description: description)
    }

    func svg() -> String { document() }
}

// MARK: - Drawing

extension BarChart: PanelChart {
    var heading: String { title.isEmpty ? "Bar chart" : title }

    var summary: String {
        if let description { return description }
        let frame = self.frame(at: Point(x: 0, y: 0))
        var text = "Bar chart. " + frame.x.described("x") + "; " + frame.y.described("y") + "."
        for s in series {
            let values = zip(categories, s.y).map { "\($0) \(Format.significant($1))" }.joined(separator: ", ")
            text += " \(s.name.isEmpty ? "Values" : s.name): \(values)."
        }
        return text + frame.notes.map { " " + $0 }.joined()
    }

    func draw(at origin: Point, into svg: inout SVGWriter) {
        let frame = self.frame(at: origin)
        frame.drawGrid(into: &svg)
        let band = frame.plot.width / Double(max(categories.count, 1))
        let barWidth = band * 0.8 / Double(max(series.count, 1))
        let base = y.scale == .log ? frame.plot.maxY : min(max(frame.y.scale(0), frame.plot.minY), frame.plot.maxY)
        let f = Format.coordinate
        for (i, s) in series.enumerated() {
            var data = ""
            for (k, value) in s.y.enumerated() {
                let top = frame.y.scale(value)
                guard top.isFinite else { continue }
                let clamped = min(max(top, frame.plot.minY), frame.plot.maxY)
                let left = frame.plot.minX + band * (Double(k) + 0.1) + barWidth * Double(i)
                data += "M\(f(left)) \(f(base))V\(f(clamped))h\(f(barWidth))V\(f(base))z"
            }
            svg.group([("class", Palette.className(i))]) { svg in svg.path(data, class: "bar") }
        }
        frame.drawGuides(into: &svg)
    }

    private func frame(at origin: Point) -> Frame {
        let xGuide = AxisGuide(categories: categories, label: x)
        let yGuide = AxisGuide(y, data: series.flatMap(\.y), includeZero: true)
        let skipped = series.map { $0.y.filter { !($0.isFinite && (y.scale == .linear || $0 > 0)) }.count }.reduce(0, +)
        var notes: [String] = []
        if skipped > 0 {
            let what = y.scale == .log ? "not finite or not positive on a log axis" : "not finite"
            notes.append("\(skipped) value\(skipped == 1 ? "" : "s") \(what): no bar drawn.")
        }
        let named = series.contains { !$0.name.isEmpty }
        let legend = named ? series.enumerated().map { LegendEntry(name: $1.name, color: $0, swatch: .box) } : []
        return Frame(
            bounds: Rect(origin, size), title: title,
            x: xGuide, y: yGuide, legend: legend, notes: notes)
    }
}
