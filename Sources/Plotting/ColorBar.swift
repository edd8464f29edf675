/// A vertical colour bar right of a plot: the colour map in 48 steps from the bottom (low)
/// to the top (high), with the colour axis' ticks and label on its right.
struct ColorBar {
    var guide: AxisGuide
    var label: String
    private var box = Rect(x: 0, y: 0, width: 14, height: 0)

    init(guide: AxisGuide, label: String) {
        self.guide = guide
        self.label = label
    }

    /// The room the bar takes right of the plot: gap, bar, ticks and labels, axis label.
    var width: Double { 16 + box.width + AxisGuide.tickLength + 4 + guide.widestTickLabel + (label.isEmpty ? 4 : 22) }

    /// The bar placed beside `plot`, as tall as it.
    func placed(beside plot: Rect) -> ColorBar {
        var bar = self
        bar.box = Rect(x: plot.maxX + 16, y: plot.minY, width: box.width, height: plot.height)
        bar.guide.scale.range = (plot.maxY, plot.minY)
        return bar
    }

    /// Where `value` sits on the colour map, from 0 (bottom) to 1 (top); NaN where the colour
    /// scale cannot place it. Values beyond the limits take the end colours.
    func position(_ value: Double) -> Double {
        let at = guide.scale(value)
        guard at.isFinite else { return .nan }
        return min(max((box.maxY - at) / box.height, 0), 1)
    }

    func draw(into svg: inout SVGWriter) {
        let steps = 48
        let step = box.height / Double(steps)
        for k in 0..<steps {
            let t = (Double(k) + 0.5) / Double(steps)
            svg.rect(
                Rect(x: box.x, y: box.maxY - Double(k + 1) * step, width: box.width, height: step + 0.5),
                fill: ColorMap.hex(t))
        }
        let f = Format.coordinate
        var ticks = "M\(f(box.minX)) \(f(box.minY))h\(f(box.width))v\(f(box.height))h\(f(-box.width))z"
        for (value, _) in guide.ticks { ticks += "M\(f(box.maxX)) \(f(guide.scale(value)))h\(f(AxisGuide.tickLength))" }
        svg.path(ticks, class: "axis")
        let textX = box.maxX + AxisGuide.tickLength + 3
        for (value, tickLabel) in guide.ticks {
            svg.text(tickLabel, at: Point(x: textX, y: guide.scale(value) + 4), class: "tick")
        }
        if !label.isEmpty {
            let at = Point(x: textX + guide.widestTickLabel + 14, y: (box.minY + box.maxY) / 2)
            svg.text(label, at: at, anchor: "middle", class: "label", rotation: -90)
        }
    }
}
