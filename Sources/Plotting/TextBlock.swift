/// Lines of text broken at spaces to fit a width and set one under another: a chart's
/// title, a panel's subtitle, or the notes under a chart.
struct TextBlock {
    enum Kind {
        case title, subtitle, note

        /// The font size the stylesheet gives the kind's class, in pixels.
        var fontSize: Double {
            switch self {
            case .title: 15
            case .subtitle: 13
            case .note: 11
            }
        }

        var lineHeight: Double {
            switch self {
            case .title: 20
            case .subtitle: 18
            case .note: 14
            }
        }

        var className: String {
            switch self {
            case .title: "title"
            case .subtitle: "subtitle"
            case .note: "note"
            }
        }
    }

    var kind: Kind
    var lines: [String]

    /// Each of `texts` wrapped to `width`; empty texts take no line.
    init(_ texts: [String], kind: Kind, width: Double) {
        self.kind = kind
        lines = texts.filter { !$0.isEmpty }.flatMap { TextMetrics.wrap($0, width: width, fontSize: kind.fontSize) }
    }

    /// The height of the lines; a title or subtitle adds a 4 px gap under itself.
    var height: Double {
        guard !lines.isEmpty else { return 0 }
        return Double(lines.count) * kind.lineHeight + (kind == .note ? 0 : 4)
    }

    /// Draws the lines left-aligned with the top of the first at `topLeft`.
    func draw(at topLeft: Point, into svg: inout SVGWriter) {
        for (k, line) in lines.enumerated() {
            let baseline = topLeft.y + kind.fontSize - 1 + Double(k) * kind.lineHeight
            svg.text(line, at: Point(x: topLeft.x, y: baseline), class: kind.className)
        }
    }
}
