/// The furniture around a chart's data, laid out inside the chart's box: the title at the
/// top, the legend under it, the plot area with its grid, axes, ticks and labels, and the
/// notes (what was clipped or skipped) at the bottom.
///
/// Charts build a frame from their axes, draw their data inside `plot`, and map data to
/// pixels through `x.scale` and `y.scale`.
struct Frame {
    var bounds: Rect
    var x: AxisGuide
    var y: AxisGuide
    private(set) var notes: [String]
    /// The title and the notes, broken into lines that fit the frame's width.
    private let heading: TextBlock
    private var footnotes: TextBlock
    private(set) var plot: Rect
    private let legend: [[(entry: LegendEntry, x: Double)]]
    private var rotateXLabels: Bool

    private static let padding = 10.0

    /// Lays out a frame in `bounds`; `rightInset` keeps room right of the plot (a colour bar);
    /// `aspect`, if given, is the plot's height over its width, kept by shrinking the plot
    /// (centred) in the direction it has room to spare.
    ///
    /// The notes say what each axis clipped, how many points (`skipped`) neither axis could
    /// show, then the chart's own `notes`. Linear axes get as many ticks as fit their length
    /// (about one per 70 px across, 45 px up), so the layout runs twice: once to find the
    /// plot's size, once with those ticks (and the notes for the domains they settle).
    init(
        bounds: Rect, title: String, x: AxisGuide, y: AxisGuide, legend: [LegendEntry] = [], skipped: Int = 0,
        notes: [String] = [], rightInset: Double = 0, aspect: Double? = nil, titleKind: TextBlock.Kind = .title
    ) {
        (self.bounds, self.x, self.y) = (bounds, x, y)
        let width = bounds.width - 2 * Self.padding
        heading = TextBlock([title], kind: titleKind, width: width)
        self.legend = Legend.rows(legend, width: width)
        (plot, rotateXLabels) = (bounds, false)
        (self.notes, footnotes) = ([], TextBlock([], kind: .note, width: width))
        setNotes(Self.notes(x: x, y: y, skipped: skipped) + notes)
        layOut(rightInset: rightInset, aspect: aspect)
        self.x.fitTicks(toLength: plot.width, spacing: max(70, self.x.widestTickLabel + 16))
        self.y.fitTicks(toLength: plot.height, spacing: 45)
        setNotes(Self.notes(x: self.x, y: self.y, skipped: skipped) + notes)
        layOut(rightInset: rightInset, aspect: aspect)
    }

    private mutating func setNotes(_ notes: [String]) {
        self.notes = notes
        footnotes = TextBlock(notes, kind: .note, width: bounds.width - 2 * Self.padding)
    }

    /// Places the plot area inside the bounds, around the room that the title, legend, tick
    /// labels, axis labels and notes take, and points the scales at it.
    private mutating func layOut(rightInset: Double, aspect: Double?) {
        let p = Self.padding
        var top = bounds.y + p + heading.height + Double(legend.count) * Legend.rowHeight
        if !legend.isEmpty { top += 8 }
        let yLabelRoom = y.label.isEmpty ? 0 : 20.0
        let left = bounds.x + p + yLabelRoom + y.widestTickLabel + AxisGuide.tickLength + 4
        var right = bounds.maxX - p - 6 - rightInset
        if let last = x.ticks.last, !x.categorical {
            right = min(
                right, bounds.maxX - p - rightInset - TextMetrics.width(last.label, fontSize: AxisGuide.tickFont) / 2)
        }
        let band = (right - left) / Double(max(x.ticks.count, 1))
        rotateXLabels = x.categorical && x.widestTickLabel > band - 4
        let tickLabelRoom = rotateXLabels ? x.widestTickLabel * 0.71 + 14 : 16.0
        let bottom =
            bounds.maxY - p + 4 - footnotes.height - (x.label.isEmpty ? 0 : 20)
            - tickLabelRoom - AxisGuide.tickLength
        plot = Rect(x: left, y: top, width: max(right - left, 10), height: max(bottom - top, 10))
        if let aspect, aspect.isFinite, aspect > 0 {
            if plot.width * aspect < plot.height {
                plot.y += (plot.height - plot.width * aspect) / 2
                plot.height = plot.width * aspect
            } else {
                plot.x += (plot.width - plot.height / aspect) / 2
                plot.width = plot.height / aspect
            }
        }
        x.scale.range = (plot.minX, plot.maxX)
        y.scale.range = y.categorical ? (plot.minY, plot.maxY) : (plot.maxY, plot.minY)
    }

    /// What each axis clipped, and how many points neither could show (non-finite, or ≤ 0
    /// on a log axis).
    private static func notes(x: AxisGuide, y: AxisGuide, skipped: Int) -> [String] {
        var notes = [x.clippingNote(axis: "x"), y.clippingNote(axis: "y")].compactMap { $0 }
        if skipped > 0 {
            let log = x.scale.kind == .log || y.scale.kind == .log
            let what = log ? "not finite or not positive on a log axis" : "not finite"
            notes.append("\(skipped) point\(skipped == 1 ? "" : "s") \(what): left out; lines break there.")
        }
        return notes
    }

    /// The pixel position of a data point; NaN coordinates where the scales cannot place it.
    func point(_ px: Double, _ py: Double) -> Point { Point(x: x.scale(px), y: y.scale(py)) }

    /// Grid lines, under the data.
    func drawGrid(into svg: inout SVGWriter) {
        var data = ""
        if !x.categorical {
            for (value, _) in x.ticks {
                let px = x.scale(value)
                data += "M\(Format.coordinate(px)) \(Format.coordinate(plot.minY))V\(Format.coordinate(plot.maxY))"
            }
        }
        if !y.categorical {
            for (value, _) in y.ticks {
                let py = y.scale(value)
                data += "M\(Format.coordinate(plot.minX)) \(Format.coordinate(py))H\(Format.coordinate(plot.maxX))"
            }
        }
        svg.path(data, class: "grid")
    }

    /// Axes, ticks, tick labels, axis labels, title, legend and notes, over the data.
    func drawGuides(into svg: inout SVGWriter) {
        let f = Format.coordinate
        let t = AxisGuide.tickLength
        var ticks = "M\(f(plot.minX)) \(f(plot.minY))V\(f(plot.maxY))H\(f(plot.maxX))"
        for (value, _) in x.ticks { ticks += "M\(f(x.scale(value))) \(f(plot.maxY))v\(f(t))" }
        for value in x.minor { ticks += "M\(f(x.scale(value))) \(f(plot.maxY))v\(f(t / 2))" }
        for (value, _) in y.ticks { ticks += "M\(f(plot.minX)) \(f(y.scale(value)))h\(f(-t))" }
        for value in y.minor { ticks += "M\(f(plot.minX)) \(f(y.scale(value)))h\(f(-t / 2))" }
        svg.path(ticks, class: "axis")

        for (value, label) in x.ticks {
            let at = Point(x: x.scale(value), y: plot.maxY + t + 13)
            if rotateXLabels {
                svg.text(label, at: Point(x: at.x + 4, y: at.y - 4), anchor: "end", class: "tick", rotation: -45)
            } else {
                svg.text(label, at: at, anchor: "middle", class: "tick")
            }
        }
        for (value, label) in y.ticks {
            svg.text(label, at: Point(x: plot.minX - t - 3, y: y.scale(value) + 4), anchor: "end", class: "tick")
        }

        let notesTop = bounds.maxY - Self.padding + 4 - footnotes.height
        if !x.label.isEmpty {
            svg.text(
                x.label, at: Point(x: (plot.minX + plot.maxX) / 2, y: notesTop - 4), anchor: "middle", class: "label")
        }
        if !y.label.isEmpty {
            let at = Point(x: bounds.x + Self.padding + 12, y: (plot.minY + plot.maxY) / 2)
            svg.text(y.label, at: at, anchor: "middle", class: "label", rotation: -90)
        }
        footnotes.draw(at: Point(x: bounds.x + Self.padding, y: notesTop), into: &svg)
        heading.draw(at: Point(x: bounds.x + Self.padding, y: bounds.y + Self.padding), into: &svg)
        let legendTop = bounds.y + Self.padding + heading.height
        Legend.draw(legend, at: Point(x: bounds.x + Self.padding, y: legendTop), into: &svg)
    }
}
