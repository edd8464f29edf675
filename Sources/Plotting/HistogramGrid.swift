/// Histograms as small multiples: one panel per sample, all with the same bins, the same
/// x axis and the same y axis, so panels compare at a glance (per-layer activations).
///
/// ```swift
/// HistogramGrid("tanh activations, N(0, 0.01²) weights", x: "activation", range: -1...1,
///               panels: layers.enumerated().map { .init("layer \($0 + 1)", $1) })
/// ```
public struct HistogramGrid: Chart {
    /// One panel: a name and the values to count.
    public struct Panel: Sendable {
        public var name: String
        public var values: [Double]

        public init(_ name: String, _ values: [Double]) {
            self.name = name
            self.values = values
        }
    }

    public var title: String
    /// The shared x axis (its label; its limits are the bins' range).
    public var x: Axis
    public var panels: [Panel]
    public var bins: Int
    /// Panels per row; nil picks up to 3 in a row (2 for four panels).
    public var columns: Int?
    /// Whether each panel's title states its standard deviation (the description always
    /// gives mean and standard deviation).
    public var statistics: Bool
    public var size: Size
    /// The figure's description in words; nil describes it automatically.
    public var description: String?
}

// MARK: - Making a histogram grid

public extension HistogramGrid {
    /// `range` fixes the bins' range (values outside are counted in a note); nil fits all
    /// panels' finite values.
    init(
        _ title: String = "", x: String = "value", range: ClosedRange<Double>? = nil, bins: Int = 30,
        columns: Int? = nil, statistics: Bool = true, size: Size? = nil, description: String? = nil,
        panels: [Panel]
    ) {
        precondition(bins >= 1, "a histogram needs at least one bin, got \(bins)")
        let perRow = columns ?? (panels.count == 4 ? 2 : min(max(panels.count, 1), 3))
        let rows = (panels.count + perRow - 1) / max(perRow, 1)
        let defaultSize = Size(max(520, Double(perRow) * 190), 70 + Double(max(rows, 1)) * 160)
        self.init(
            title: title, x: Axis(x, limits: range), panels: panels, bins: bins, columns: perRow,
            statistics: statistics,
            size: size ?? defaultSize, description: description)
    }

    func svg() -> String { document() }
}

// MARK: - Drawing

extension HistogramGrid: PanelChart {
    var heading: String { title.isEmpty ? "Histograms" : title }

    var summary: String {
        if let description { return description }
        let layout = self.layout(at: Point(x: 0, y: 0))
        let range = layout.histograms.first?.range ?? 0...1
        var text = "\(panels.count) histograms of \(x.label.isEmpty ? "values" : x.label) on shared axes, "
        text += "\(bins) bins from \(Format.significant(range.lowerBound)) to \(Format.significant(range.upperBound)). "
        text +=
            zip(panels, layout.histograms).map { panel, histogram in
                let peak = histogram.counts.indices.max { histogram.counts[$0] < histogram.counts[$1] } ?? 0
                let (a, b) = histogram.edges(peak)
                return
                    "\(panel.name): \(Self.statistics(panel.values)), most values between \(Format.significant(a)) and \(Format.significant(b))"
            }.joined(separator: "; ") + "."
        return text + layout.notes.lines.joined(separator: " ")
    }

    func draw(at origin: Point, into svg: inout SVGWriter) {
        let layout = self.layout(at: origin)
        layout.heading.draw(at: Point(x: origin.x + Self.padding, y: origin.y + Self.padding), into: &svg)
        for (frame, histogram) in zip(layout.frames, layout.histograms) {
            frame.drawGrid(into: &svg)
            var data = ""
            for (k, count) in histogram.counts.enumerated() where count > 0 {
                let (a, b) = histogram.edges(k)
                let (left, right, top) = (frame.x.scale(a), frame.x.scale(b), frame.y.scale(Double(count)))
                guard left.isFinite && right.isFinite && top.isFinite else { continue }
                let f = Format.coordinate
                data += "M\(f(left)) \(f(frame.plot.maxY))V\(f(top))H\(f(right))V\(f(frame.plot.maxY))z"
            }
            svg.group([("class", Palette.className(0))]) { svg in svg.path(data, class: "bar") }
            frame.drawGuides(into: &svg)
        }
        let notesTop = origin.y + size.height - Self.padding - layout.notes.height
        if !x.label.isEmpty {
            svg.text(
                x.label, at: Point(x: origin.x + size.width / 2, y: notesTop - 2), anchor: "middle", class: "label")
        }
        let countAt = Point(x: origin.x + Self.padding + 12, y: origin.y + size.height / 2)
        svg.text("count", at: countAt, anchor: "middle", class: "label", rotation: -90)
        layout.notes.draw(at: Point(x: origin.x + Self.padding, y: notesTop), into: &svg)
    }

    private static let padding = 10.0

    /// The bins and counts of every panel, and one frame per panel in a grid, all sharing
    /// the x range and the y range (0 to the largest count), between the title and the notes.
    private func layout(at origin: Point) -> (
        frames: [Frame], histograms: [Histogram], heading: TextBlock, notes: TextBlock
    ) {
        let range = x.limits ?? Scale.fit(panels.flatMap(\.values), kind: .linear)
        let histograms = panels.map { Histogram($0.values, range: range, bins: bins) }
        let highest = Double(histograms.flatMap(\.counts).max() ?? 1)
        let xGuide = AxisGuide(Axis("", limits: range), data: [])
        let yGuide = AxisGuide(Axis(""), data: [0, max(highest, 1)])

        let outside = histograms.map(\.outside).reduce(0, +), nonFinite = histograms.map(\.nonFinite).reduce(0, +)
        var notes: [String] = []
        if outside > 0 {
            notes.append(
                "\(outside) value\(outside == 1 ? "" : "s") outside \(Format.significant(range.lowerBound)) to \(Format.significant(range.upperBound)): not counted."
            )
        }
        if nonFinite > 0 { notes.append("\(nonFinite) value\(nonFinite == 1 ? "" : "s") not finite: not counted.") }

        let heading = TextBlock([title], kind: .title, width: size.width - 2 * Self.padding)
        let footnotes = TextBlock(notes, kind: .note, width: size.width - 2 * Self.padding)
        let perRow = max(columns ?? 1, 1)
        let rows = max((panels.count + perRow - 1) / perRow, 1)
        let top = origin.y + Self.padding + heading.height - 4
        let left = origin.x + 24
        let bottom = origin.y + size.height - Self.padding - 14 - footnotes.height
        let (width, height) = ((origin.x + size.width - left) / Double(perRow), (bottom - top) / Double(rows))
        let frames = panels.indices.map { k in
            let cell = Rect(
                x: left + Double(k % perRow) * width, y: top + Double(k / perRow) * height, width: width, height: height
            )
            let name =
                statistics ? "\(panels[k].name) · σ = \(Self.standardDeviation(panels[k].values))" : panels[k].name
            return Frame(bounds: cell, title: name, x: xGuide, y: yGuide, titleKind: .subtitle)
        }
        return (frames, histograms, heading, footnotes)
    }

    /// "μ = 0.002, σ = 0.214" over the finite values.
    private static func statistics(_ values: [Double]) -> String {
        guard let (mean, deviation) = moments(values) else { return "no finite values" }
        return "μ = \(Format.significant(mean)), σ = \(Format.significant(deviation))"
    }

    /// "0.214", the population standard deviation of the finite values.
    private static func standardDeviation(_ values: [Double]) -> String {
        moments(values).map { Format.significant($0.1) } ?? "–"
    }

    /// The mean and the population standard deviation of the finite values.
    private static func moments(_ values: [Double]) -> (Double, Double)? {
        let finite = values.filter(\.isFinite)
        guard !finite.isEmpty else { return nil }
        let mean = finite.reduce(0, +) / Double(finite.count)
        let variance = finite.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(finite.count)
        return (mean, variance.squareRoot())
    }
}
