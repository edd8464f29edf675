/// One entry of a legend: a name and the swatch that stands for it.
struct LegendEntry {
    enum Swatch {
        /// A short line, optionally with the series' marker on it.
        case line(dash: String?, marker: MarkerShape?)
        /// A marker alone (a scatter class, a path's start or end).
        case marker(MarkerShape)
        /// A hollow ring (where a path starts).
        case ring
        /// A filled box (a bar series, a region).
        case box
    }

    var name: String
    /// The palette index, or nil for the text colour.
    var color: Int?
    var swatch: Swatch
}

/// Legends sit above the plot, under the title, in rows that wrap at the chart's width, so
/// they never cover data.
enum Legend {
    static let rowHeight = 20.0
    private static let swatchWidth = 22.0
    private static let gap = 16.0

    /// The left offset of every entry, row by row, within `width`.
    static func rows(_ entries: [LegendEntry], width: Double) -> [[(entry: LegendEntry, x: Double)]] {
        var rows: [[(entry: LegendEntry, x: Double)]] = []
        var row: [(entry: LegendEntry, x: Double)] = []
        var x = 0.0
        for entry in entries {
            let w = swatchWidth + 6 + TextMetrics.width(entry.name, fontSize: AxisGuide.labelFont)
            if x > 0 && x + w > width {
                rows.append(row)
                (row, x) = ([], 0)
            }
            row.append((entry, x))
            x += w + gap
        }
        if !row.isEmpty { rows.append(row) }
        return rows
    }

    /// Draws the rows with their first entry at `origin` (the top-left of the legend).
    static func draw(_ rows: [[(entry: LegendEntry, x: Double)]], at origin: Point, into svg: inout SVGWriter) {
        for (r, row) in rows.enumerated() {
            let y = origin.y + Double(r) * rowHeight + rowHeight / 2
            for (entry, x) in row {
                let left = origin.x + x
                svg.group(entry.color.map { [("class", Palette.className($0))] } ?? []) { svg in
                    swatch(entry.swatch, from: left, y: y, into: &svg)
                }
                svg.text(entry.name, at: Point(x: left + swatchWidth + 6, y: y + 4.5), class: "label")
            }
        }
    }

    private static func swatch(_ swatch: LegendEntry.Swatch, from left: Double, y: Double, into svg: inout SVGWriter) {
        let centre = Point(x: left + swatchWidth / 2, y: y)
        switch swatch {
        case .line(let dash, let marker):
            svg.line(
                Point(x: left, y: y), Point(x: left + swatchWidth, y: y), class: "line" + (dash.map { " " + $0 } ?? ""))
            if let marker { svg.path(marker.path(at: centre, radius: 3.5), class: "mark") }
        case .marker(let shape):
            svg.path(shape.path(at: centre, radius: 4), class: "mark")
        case .ring:
            svg.element(
                "circle",
                [
                    ("class", "ring"), ("cx", Format.coordinate(centre.x)), ("cy", Format.coordinate(centre.y)),
                    ("r", "5"),
                ])
        case .box:
            svg.rect(Rect(x: left + 4, y: y - 6, width: swatchWidth - 8, height: 12), class: "bar")
        }
    }
}
