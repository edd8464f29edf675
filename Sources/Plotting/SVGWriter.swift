/// Builds the body of an SVG document element by element, then wraps it as a document.
///
/// Every coordinate goes through `Format.coordinate` and every piece of text through
/// `SVGWriter.escape`, so the output is well-formed and the same calls give the same bytes.
struct SVGWriter {
    private(set) var body = ""

    /// Appends `<name attributes…/>`; attributes keep the order given.
    mutating func element(_ name: String, _ attributes: [(String, String)]) {
        body += "<" + name + Self.attributes(attributes) + "/>\n"
    }

    /// Appends `<name attributes…>`, then what `content` appends, then `</name>`.
    mutating func group(_ attributes: [(String, String)], _ content: (inout SVGWriter) -> Void) {
        body += "<g" + Self.attributes(attributes) + ">\n"
        content(&self)
        body += "</g>\n"
    }

    mutating func line(_ a: Point, _ b: Point, class name: String) {
        element("line", [("class", name), ("x1", n(a.x)), ("y1", n(a.y)), ("x2", n(b.x)), ("y2", n(b.y))])
    }

    mutating func rect(_ r: Rect, class name: String? = nil, fill: String? = nil) {
        var attributes = [("x", n(r.x)), ("y", n(r.y)), ("width", n(r.width)), ("height", n(r.height))]
        if let name { attributes.insert(("class", name), at: 0) }
        if let fill { attributes.append(("fill", fill)) }
        element("rect", attributes)
    }

    mutating func path(_ data: String, class name: String) {
        guard !data.isEmpty else { return }
        element("path", [("class", name), ("d", data)])
    }

    /// A line of text at `p`; `anchor` is start, middle or end; `rotation` turns it about `p`
    /// by that many degrees (−90 for a y-axis label).
    mutating func text(
        _ label: NumberLabel, at p: Point, anchor: String = "start", class name: String,
        rotation: Double = 0
    ) {
        var attributes = [("class", name), ("x", n(p.x)), ("y", n(p.y))]
        if anchor != "start" { attributes.append(("text-anchor", anchor)) }
        if rotation != 0 { attributes.append(("transform", "rotate(\(n(rotation)) \(n(p.x)) \(n(p.y)))")) }
        let (base, superscript) = label.parts
        var content = Self.escape(base)
        if let superscript {
            content += "<tspan dy=\"-0.45em\" font-size=\"70%\">" + Self.escape(superscript) + "</tspan>"
        }
        body += "<text" + Self.attributes(attributes) + ">" + content + "</text>\n"
    }

    mutating func text(
        _ string: String, at p: Point, anchor: String = "start", class name: String,
        rotation: Double = 0
    ) {
        text(.plain(string), at: p, anchor: anchor, class: name, rotation: rotation)
    }

    /// The finished document: XML declaration, root `<svg>` with a viewBox of `size`,
    /// `<title>`, `<desc>`, the stylesheet, a background and the body.
    func document(size: Size, title: String, description: String) -> String {
        let (w, h) = (n(size.width), n(size.height))
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out += "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"\(Stylesheet.rootClass)\" width=\"\(w)\" "
        out += "height=\"\(h)\" viewBox=\"0 0 \(w) \(h)\" role=\"img\">\n"
        out += "<title>" + Self.escape(title) + "</title>\n"
        out += "<desc>" + Self.escape(description) + "</desc>\n"
        out += "<style>" + Stylesheet.css + "</style>\n"
        out += "<rect class=\"bg\" width=\"\(w)\" height=\"\(h)\"/>\n"
        return out + body + "</svg>\n"
    }

    /// `text` safe inside an element or a double-quoted attribute: & < > " ' become entities
    /// and control characters that XML 1.0 forbids become spaces.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            case _ where scalar.value < 0x20 || scalar.value == 0xFFFE || scalar.value == 0xFFFF: out += " "
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func attributes(_ pairs: [(String, String)]) -> String {
        pairs.map { " " + $0.0 + "=\"" + escape($0.1) + "\"" }.joined()
    }

    private func n(_ value: Double) -> String { Format.coordinate(value) }
}
