/// A grid of values as coloured cells (viridis), with a colour bar and, optionally, each
/// value written in its cell: final loss over batch size × learning rate.
///
/// ```swift
/// HeatMap("Final loss", x: "batch size", y: "learning rate",
///         columns: ["1", "8", "32"], rows: ["0.1", "0.01"], values: losses, color: .log("loss"))
/// ```
/// `values[r][c]` is the cell in row r (rows top to bottom) and column c. A non-finite
/// value (a run that diverged) gets an empty cell marked "–", and the figure says so.
public struct HeatMap: Chart {
    public var title: String
    public var x: String
    public var y: String
    public var columns: [String]
    public var rows: [String]
    public var values: [[Double]]
    /// The colour scale: its label, linear or log, and optionally fixed limits.
    public var color: Axis
    /// Whether each cell shows its value.
    public var annotate: Bool
    public var size: Size
    /// The figure's description in words; nil describes it automatically.
    public var description: String?
}

// MARK: - Making a heat map

public extension HeatMap {
    init(
        _ title: String = "", x: String = "", y: String = "", columns: [String], rows: [String], values: [[Double]],
        color: Axis = "", annotate: Bool = true, size: Size = .standard, description: String? = nil
    ) {
        precondition(
            values.count == rows.count, "heat map has \(values.count) rows of values for \(rows.count) row names")
        for (r, row) in values.enumerated() {
            precondition(
                row.count == columns.count, "heat map row \(r) has \(row.count) values for \(columns.count) columns")
        }
        self.init(
            title: title, x: x, y: y, columns: columns, rows: rows, values: values, color: color, annotate: annotate,
            size: size, description: description)
    }

    func svg() -> String { document() }
}

// MARK: - Drawing

extension HeatMap: PanelChart {
    var heading: String { title.isEmpty ? "Heat map" : title }

    var summary: String {
        if let description { return description }
        let (frame, bar) = layout(at: Point(x: 0, y: 0))
        var text = "Heat map. " + frame.x.described("columns") + "; " + frame.y.described("rows") + ". "
        text += "Colour: " + bar.guide.described("value") + "."
        let cells = rows.indices.flatMap { r in columns.indices.map { (r, $0) } }.filter { values[$0.0][$0.1].isFinite }
        if let low = cells.min(by: { values[$0.0][$0.1] < values[$1.0][$1.1] }),
            let high = cells.max(by: { values[$0.0][$0.1] < values[$1.0][$1.1] })
        {
            text +=
                " Lowest \(Format.significant(values[low.0][low.1])) at \(y) \(rows[low.0]), \(x) \(columns[low.1]);"
            text +=
                " highest \(Format.significant(values[high.0][high.1])) at \(y) \(rows[high.0]), \(x) \(columns[high.1])."
        }
        return text + frame.notes.map { " " + $0 }.joined()
    }

    func draw(at origin: Point, into svg: inout SVGWriter) {
        let (frame, bar) = layout(at: origin)
        let (w, h) = (frame.plot.width / Double(columns.count), frame.plot.height / Double(rows.count))
        for (r, row) in values.enumerated() {
            for (c, value) in row.enumerated() {
                let cell = Rect(
                    x: frame.plot.minX + Double(c) * w, y: frame.plot.minY + Double(r) * h, width: w, height: h)
                let t = bar.position(value)
                guard t.isFinite else {
                    svg.rect(cell, class: "empty")
                    svg.text("–", at: Point(x: cell.x + w / 2, y: cell.y + h / 2 + 4), anchor: "middle", class: "cell")
                    continue
                }
                svg.rect(cell, fill: ColorMap.hex(t))
                if annotate {
                    let ink = ColorMap.isDark(t) ? "cell on-dark" : "cell on-light"
                    svg.text(
                        .significant(value, digits: 2), at: Point(x: cell.x + w / 2, y: cell.y + h / 2 + 4),
                        anchor: "middle", class: ink)
                }
            }
        }
        frame.drawGuides(into: &svg)
        bar.draw(into: &svg)
    }

    private func layout(at origin: Point) -> (Frame, ColorBar) {
        let all = values.flatMap { $0 }
        let guide = AxisGuide(color, data: all)
        let bar = ColorBar(guide: guide, label: color.label)
        let nonFinite = all.filter { !$0.isFinite }.count
        let unplaced = color.scale == .log ? all.filter { $0.isFinite && $0 <= 0 }.count : 0
        var notes = [guide.clippingNote(axis: "Colour")].compactMap { $0 }
        if nonFinite + unplaced > 0 {
            let what = color.scale == .log ? "not finite or not positive on the log colour scale" : "not finite"
            notes.append(
                "\(nonFinite + unplaced) cell\(nonFinite + unplaced == 1 ? "" : "s") \(what): shown empty, marked –.")
        }
        let frame = Frame(
            bounds: Rect(origin, size), title: title,
            x: AxisGuide(categories: columns, label: x), y: AxisGuide(categories: rows, label: y), notes: notes,
            rightInset: bar.width)
        return (frame, bar.placed(beside: frame.plot))
    }
}
