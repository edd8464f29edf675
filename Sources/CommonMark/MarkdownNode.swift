/// A CommonMark node copied out of cmark's C tree into a plain Swift value.
///
/// Positions are 1-based lines and columns of the source text that was parsed, as cmark
/// reports them. Nothing in this value refers to C memory.
public struct MarkdownNode: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case document, blockQuote, list, item, codeBlock, htmlBlock, customBlock, paragraph
        case heading, thematicBreak, text, softBreak, lineBreak, code, htmlInline
        case customInline, emphasis, strong, link, image
    }

    public var kind: Kind
    /// Text of a text, code, code block or HTML node.
    public var literal: String?
    /// The info string of a fenced code block (empty for an indented one).
    public var info: String?
    /// 1–6 for a heading, 0 otherwise.
    public var headingLevel: Int
    /// The destination of a link or image.
    public var destination: String?
    /// The title of a link or image (`[text](url "title")`); empty when it has none.
    public var title: String?
    /// How a list is numbered and spaced; nil for other nodes.
    public var list: ListStyle?
    public var start: SourcePosition
    public var end: SourcePosition
    public var children: [MarkdownNode]
}

/// How a list is written: bullets or numbers from `start`, and whether it is tight (no blank
/// line between its items, so its paragraphs render without `<p>`).
public struct ListStyle: Sendable, Equatable {
    public var ordered: Bool
    public var start: Int
    public var tight: Bool

    public init(ordered: Bool, start: Int, tight: Bool) {
        self.ordered = ordered
        self.start = start
        self.tight = tight
    }
}

/// A 1-based line and column in a source text.
public struct SourcePosition: Sendable, Equatable, Hashable {
    public var line: Int
    public var column: Int

    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

// MARK: - Walking

public extension MarkdownNode {
    /// This node and all its descendants, in document order (pre-order).
    var descendants: [MarkdownNode] {
        [self] + children.flatMap(\.descendants)
    }

    /// The concatenated text of this node's inline content, as a reader sees it.
    var plainText: String {
        switch kind {
        case .text, .code: literal ?? ""
        case .softBreak, .lineBreak: " "
        default: children.map(\.plainText).joined()
        }
    }
}
