/// Renders a `MarkdownNode` tree to HTML, with hooks keyed by node kind.
///
/// Without hooks the output is cmark's own HTML for the tree, line for line, with raw HTML
/// and every link destination passed through as written (cmark's `CMARK_OPT_UNSAFE`) and
/// void elements in HTML5 form (`<br>`, not `<br />`). A hook replaces the rendering of one kind of
/// node: it is given the node and the HTML of its children, already rendered, and returns
/// the node's HTML. A hook that only wants to adjust a node renders the adjusted node with
/// `HTMLFormatter.standard(_:content:)`.
///
///     var formatter = HTMLFormatter()
///     formatter.hooks[.heading] = { node, content in
///         "<h\(node.headingLevel) id=\"x\">\(content)</h\(node.headingLevel)>\n"
///     }
///     let html = formatter.html(CommonMark.parse(markdown))
public struct HTMLFormatter {
    public typealias Hook = (_ node: MarkdownNode, _ content: String) -> String

    public var hooks: [MarkdownNode.Kind: Hook] = [:]

    public init() {}
}

// MARK: - Rendering

public extension HTMLFormatter {
    /// The HTML of `node` and its descendants.
    func html(_ node: MarkdownNode) -> String {
        render(node, tight: false)
    }

    /// The HTML CommonMark gives `node`, whose children rendered to `content`.
    static func standard(_ node: MarkdownNode, content: String) -> String {
        switch node.kind {
        case .document, .customBlock, .customInline: content
        case .blockQuote: "<blockquote>\n\(content)</blockquote>\n"
        case .list: list(node, content: content)
        case .item: "<li>\(content)</li>\n"
        case .codeBlock: codeBlock(node)
        case .htmlBlock: node.literal ?? ""
        case .paragraph: "<p>\(content)</p>\n"
        case .heading: "<h\(node.headingLevel)>\(content)</h\(node.headingLevel)>\n"
        case .thematicBreak: "<hr>\n"
        case .text: escape(node.literal ?? "")
        case .softBreak: "\n"
        case .lineBreak: "<br>\n"
        case .code: "<code>\(escape(node.literal ?? ""))</code>"
        case .htmlInline: node.literal ?? ""
        case .emphasis: "<em>\(content)</em>"
        case .strong: "<strong>\(content)</strong>"
        case .link: "<a href=\"\(escapeURL(node.destination ?? ""))\"\(titleAttribute(node))>\(content)</a>"
        case .image:
            "<img src=\"\(escapeURL(node.destination ?? ""))\" alt=\"\(escape(node.plainText))\"\(titleAttribute(node))>"
        }
    }

    /// `text` with `&`, `<`, `>` and `"` replaced by character references, for text and
    /// attribute values alike.
    static func escape(_ text: String) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            default: escaped.append(character)
            }
        }
        return escaped
    }

    /// `url` made safe for an `href` or `src` value, as cmark does: bytes other than ASCII
    /// letters, digits and URL punctuation percent-encoded (an existing `%` is kept), `&`
    /// and `'` as character references.
    static func escapeURL(_ url: String) -> String {
        var escaped = ""
        for byte in url.utf8 {
            switch byte {
            case UInt8(ascii: "&"): escaped += "&amp;"
            case UInt8(ascii: "'"): escaped += "&#x27;"
            case _ where urlSafe.contains(byte): escaped.append(Character(Unicode.Scalar(byte)))
            default: escaped += "%" + String(byte, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return escaped
    }
}

// MARK: - Private

private extension HTMLFormatter {
    /// Renders children first, then the node, by its hook or the standard way. Paragraphs
    /// directly inside the items of a tight list render without `<p>`, as CommonMark says;
    /// block children start on a line of their own, as in cmark's output.
    func render(_ node: MarkdownNode, tight: Bool) -> String {
        if node.kind == .paragraph && tight {
            return node.children.map { render($0, tight: false) }.joined()
        }
        let childrenTight = node.kind == .item ? tight : (node.list?.tight ?? false)
        var content = ""
        for child in node.children {
            let html = render(child, tight: childrenTight)
            let startsBlock = child.isBlock && !(child.kind == .paragraph && childrenTight)
            if startsBlock && (node.kind == .item || !content.isEmpty) && !content.hasSuffix("\n") {
                content += "\n"
            }
            content += html
        }
        if let hook = hooks[node.kind] { return hook(node, content) }
        return Self.standard(node, content: content)
    }

    static func list(_ node: MarkdownNode, content: String) -> String {
        guard let style = node.list, style.ordered else { return "<ul>\n\(content)</ul>\n" }
        let start = style.start == 1 ? "" : " start=\"\(style.start)\""
        return "<ol\(start)>\n\(content)</ol>\n"
    }

    static func codeBlock(_ node: MarkdownNode) -> String {
        let language = node.info?.split(separator: " ").first.map { " class=\"language-\(escape(String($0)))\"" } ?? ""
        return "<pre><code\(language)>\(escape(node.literal ?? ""))</code></pre>\n"
    }

    static let urlSafe: Set<UInt8> = Set(
        "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.+!*(),%#@?=;:/$~".utf8
    )

    static func titleAttribute(_ node: MarkdownNode) -> String {
        guard let title = node.title, !title.isEmpty else { return "" }
        return " title=\"\(escape(title))\""
    }
}

private extension MarkdownNode {
    var isBlock: Bool {
        switch kind {
        case .document, .blockQuote, .list, .item, .codeBlock, .htmlBlock, .customBlock, .paragraph, .heading,
            .thematicBreak:
            true
        default: false
        }
    }
}

private extension String {
    func leftPadded(to width: Int) -> String {
        String(repeating: "0", count: max(0, width - count)) + self
    }
}
