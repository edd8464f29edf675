/// Charts of this module set side by side in one figure, under one stylesheet and an
/// optional overall title: truth beside prediction, before beside after. Each panel keeps
/// its own size; with `columns`, panels wrap into rows (`columns: 1` stacks them, which
/// reads better on a phone than a wide row).
///
/// ```swift
/// Panels(ScatterChart("Truth", xs: px, ys: py, labels: truth),
///        DecisionRegions("Prediction", xRange: r, yRange: r, xs: px, ys: py, labels: truth) { predict($0, $1) },
///        title: "XOR-easy")
/// ```
public struct Panels: Chart {
    public var title: String
    public var charts: [any Chart]
    /// Panels per row; nil puts them all in one row.
    public var columns: Int?
    /// The figure's description in words; nil joins the panels' own descriptions.
    public var description: String?
}

// MARK: - Making panels

public extension Panels {
    /// The charts must come from this module (each draws itself into a part of the figure).
    init(_ charts: [any Chart], title: String = "", columns: Int? = nil, description: String? = nil) {
        for chart in charts {
            precondition(chart is any PanelChart, "Panels can only hold this module's charts, got \(type(of: chart))")
        }
        precondition(columns.map { $0 >= 1 } ?? true, "Panels need at least one column, got \(columns ?? 0)")
        self.init(title: title, charts: charts, columns: columns, description: description)
    }

    init(_ charts: any Chart..., title: String = "", columns: Int? = nil, description: String? = nil) {
        self.init(charts, title: title, columns: columns, description: description)
    }

    func svg() -> String { document() }
}

// MARK: - Drawing

extension Panels: PanelChart {
    private var panels: [any PanelChart] { charts.compactMap { $0 as? any PanelChart } }

    var size: Size {
        let cells = layout(at: Point(x: 0, y: 0))
        let width = cells.map { $0.origin.x + $0.panel.size.width }.max() ?? 0
        let height = cells.map { $0.origin.y + $0.panel.size.height }.max() ?? titleBlock.height
        return Size(max(width, 1), max(height, 1))
    }

    var heading: String { title.isEmpty ? panels.map(\.heading).joined(separator: " | ") : title }

    var summary: String {
        if let description { return description }
        return "\(panels.count) panels, left to right\(columns == nil ? "" : " in rows of \(columns ?? 0)"). "
            + panels.enumerated().map { "Panel \($0 + 1), \($1.heading): \($1.summary)" }.joined(separator: " ")
    }

    func draw(at origin: Point, into svg: inout SVGWriter) {
        titleBlock.draw(at: Point(x: origin.x + 10, y: origin.y + 10), into: &svg)
        for (panel, at) in layout(at: origin) { panel.draw(at: at, into: &svg) }
    }

    /// The panels in rows of `columns` (all in one row when nil).
    private var rows: [ArraySlice<any PanelChart>] {
        let perRow = columns ?? max(panels.count, 1)
        return stride(from: 0, to: panels.count, by: perRow).map { panels[$0..<min($0 + perRow, panels.count)] }
    }

    /// The overall title, wrapped to the width of the widest row.
    private var titleBlock: TextBlock {
        let width = rows.map { $0.map(\.size.width).reduce(0, +) }.max() ?? 0
        return TextBlock([title], kind: .title, width: max(width - 20, 100))
    }

    /// Each panel with its top-left corner: row by row under the title, left to right in a
    /// row, each row as tall as its tallest panel.
    private func layout(at origin: Point) -> [(panel: any PanelChart, origin: Point)] {
        var cells: [(panel: any PanelChart, origin: Point)] = []
        var y = origin.y + (title.isEmpty ? 0 : titleBlock.height + 10)
        for row in rows {
            var x = origin.x
            for panel in row {
                cells.append((panel, Point(x: x, y: y)))
                x += panel.size.width
            }
            y += row.map(\.size.height).max() ?? 0
        }
        return cells
    }
}
