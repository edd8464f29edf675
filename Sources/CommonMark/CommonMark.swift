internal import CCmark

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one place that talks to cmark: parse Markdown into `MarkdownNode` values, or render
/// it to HTML. cmark's C types never leave this file.
public enum CommonMark {
    /// Parses CommonMark text into a tree of Swift values.
    public static func parse(_ markdown: String) -> MarkdownNode {
        let root = markdown.withCString { cmark_parse_document($0, markdown.utf8.count, CMARK_OPT_DEFAULT) }!
        defer { cmark_node_free(root) }
        return copy(root)
    }

    /// Renders CommonMark text to an HTML fragment.
    ///
    /// - Parameter allowRawHTML: pass raw HTML and unsafe link destinations through (cmark's
    ///   `CMARK_OPT_UNSAFE`); lessons are trusted, so the site renderer allows them.
    public static func html(_ markdown: String, allowRawHTML: Bool) -> String {
        let options = allowRawHTML ? CMARK_OPT_UNSAFE : CMARK_OPT_DEFAULT
        let rendered = markdown.withCString { cmark_markdown_to_html($0, markdown.utf8.count, options) }!
        defer { free(rendered) }
        return String(cString: rendered)
    }

    private static func copy(_ node: OpaquePointer) -> MarkdownNode {
        var children: [MarkdownNode] = []
        var child = cmark_node_first_child(node)
        while let current = child {
            children.append(copy(current))
            child = cmark_node_next(current)
        }
        let kind = Self.kind(of: cmark_node_get_type(node))
        return MarkdownNode(
            kind: kind,
            literal: cmark_node_get_literal(node).map { String(cString: $0) },
            info: kind == .codeBlock ? cmark_node_get_fence_info(node).map { String(cString: $0) } : nil,
            headingLevel: kind == .heading ? Int(cmark_node_get_heading_level(node)) : 0,
            destination: kind == .link || kind == .image ? cmark_node_get_url(node).map { String(cString: $0) } : nil,
            title: kind == .link || kind == .image ? cmark_node_get_title(node).map { String(cString: $0) } : nil,
            list: kind == .list
                ? ListStyle(
                    ordered: cmark_node_get_list_type(node) == CMARK_ORDERED_LIST,
                    start: Int(cmark_node_get_list_start(node)),
                    tight: cmark_node_get_list_tight(node) != 0) : nil,
            start: SourcePosition(
                line: Int(cmark_node_get_start_line(node)), column: Int(cmark_node_get_start_column(node))),
            end: SourcePosition(line: Int(cmark_node_get_end_line(node)), column: Int(cmark_node_get_end_column(node))),
            children: children
        )
    }

    private static func kind(of type: cmark_node_type) -> MarkdownNode.Kind {
        switch type {
        case CMARK_NODE_BLOCK_QUOTE: .blockQuote
        case CMARK_NODE_LIST: .list
        case CMARK_NODE_ITEM: .item
        case CMARK_NODE_CODE_BLOCK: .codeBlock
        case CMARK_NODE_HTML_BLOCK: .htmlBlock
        case CMARK_NODE_CUSTOM_BLOCK: .customBlock
        case CMARK_NODE_PARAGRAPH: .paragraph
        case CMARK_NODE_HEADING: .heading
        case CMARK_NODE_THEMATIC_BREAK: .thematicBreak
        case CMARK_NODE_TEXT: .text
        case CMARK_NODE_SOFTBREAK: .softBreak
        case CMARK_NODE_LINEBREAK: .lineBreak
        case CMARK_NODE_CODE: .code
        case CMARK_NODE_HTML_INLINE: .htmlInline
        case CMARK_NODE_CUSTOM_INLINE: .customInline
        case CMARK_NODE_EMPH: .emphasis
        case CMARK_NODE_STRONG: .strong
        case CMARK_NODE_LINK: .link
        case CMARK_NODE_IMAGE: .image
        default: .document
        }
    }
}
