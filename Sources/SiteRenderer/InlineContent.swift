import CommonMark

/// Where cmark's inline parser reads text: the inline content of each paragraph and heading
/// of a document, as byte ranges of the source.
///
/// cmark finds the blocks; this recovers, for each line of a paragraph or heading, where
/// its content starts once the container markers cmark strips are skipped (a block quote's
/// `>`, a list item's indentation; a lazy continuation line has fewer), and leaves out the
/// link reference definitions that open a paragraph. Code blocks, HTML blocks and
/// definitions are not inline content, so nothing in them is ever read as math.
struct InlineContent {
    /// One line of a block's content: `source[contentStart..<end]`, on line `line`
    /// (0-based) that starts at `lineStart`.
    struct Line {
        var line: Int
        var lineStart: Int
        var contentStart: Int
        var end: Int
    }

    /// The lines of one paragraph or heading, in order.
    var lines: [Line]

    /// How many of the first of a paragraph's `lines` are link reference definitions: the
    /// most lines that, parsed alone, give an empty document (a definition's title may
    /// follow on the next line, so a line alone may not be one). A definition opens with
    /// `[label]:`, its label at most 999 characters (4 bytes each at most), so a paragraph
    /// with no `]:` in its first 4000 bytes has none and is not parsed at all.
    static func definitionLines(_ lines: [[UInt8]]) -> Int {
        guard lines.first?.first == UInt8(ascii: "[") else { return 0 }
        let head = Array(lines.joined(separator: [UInt8(ascii: "\n")]).prefix(4000))
        guard
            head.indices.dropLast().contains(where: {
                head[$0] == UInt8(ascii: "]") && head[$0 + 1] == UInt8(ascii: ":")
            })
        else { return 0 }
        return lines.indices.last { count in
            CommonMark.parse(
                String(decoding: Array(lines[...count].joined(separator: [UInt8(ascii: "\n")])), as: UTF8.self)
            ).children.isEmpty
        }.map { $0 + 1 } ?? 0
    }

    /// The inline content of every paragraph and heading of `document`, parsed from `source`.
    static func blocks(of document: MarkdownNode, source: [UInt8]) -> [InlineContent] {
        var reader = Reader(source: source)
        reader.visit(document, containers: [])
        return reader.blocks
    }
}

// MARK: - Reading

private struct Reader {
    let source: [UInt8]
    /// Byte offset of the start of each line.
    let lineStarts: [Int]
    var blocks: [InlineContent] = []

    init(source: [UInt8]) {
        self.source = source
        lineStarts = [0] + source.indices.filter { source[$0] == UInt8(ascii: "\n") }.map { $0 + 1 }
    }

    mutating func visit(_ node: MarkdownNode, containers: [MarkdownNode]) {
        switch node.kind {
        case .paragraph:
            add(node, lastLine: node.end.line, containers: containers)
        case .heading where node.start.line == node.end.line:
            // ATX: the content follows the opening `#`s (cmark drops a closing sequence).
            let line = node.start.line - 1
            var start = lineStarts[line] + node.start.column - 1
            while start < lineEnd(line), source[start] == UInt8(ascii: "#") { start += 1 }
            blocks.append(
                InlineContent(lines: [
                    .init(
                        line: line, lineStart: lineStarts[line],
                        contentStart: skipWhitespace(start, line: line), end: lineEnd(line))
                ]))
        case .heading:
            // Setext: every line but the underline.
            add(node, lastLine: node.end.line - 1, containers: containers)
        case .blockQuote, .item:
            for child in node.children { visit(child, containers: containers + [node]) }
        default:
            for child in node.children { visit(child, containers: containers) }
        }
    }

    /// A paragraph (or setext heading) from its first line through `lastLine` (1-based).
    mutating func add(_ node: MarkdownNode, lastLine: Int, containers: [MarkdownNode]) {
        var lines: [InlineContent.Line] = []
        for line in (node.start.line - 1)..<min(lastLine, lineStarts.count) {
            let start =
                line == node.start.line - 1
                ? lineStarts[line] + node.start.column - 1
                : skipWhitespace(stripped(line, containers: containers), line: line)
            lines.append(.init(line: line, lineStart: lineStarts[line], contentStart: start, end: lineEnd(line)))
        }
        lines.removeFirst(definitionLines(lines))
        if !lines.isEmpty { blocks.append(InlineContent(lines: lines)) }
    }

    /// How many of the first lines are link reference definitions, which cmark takes out of
    /// the paragraph they open.
    func definitionLines(_ lines: [InlineContent.Line]) -> Int {
        InlineContent.definitionLines(lines.map { Array(source[$0.contentStart..<$0.end]) })
    }

    /// Where line `line` continues past the markers of `containers`, outermost first: a
    /// block quote takes up to three spaces, `>` and one space; a list item its content's
    /// indentation. A line missing a marker is a lazy continuation: the rest is content.
    func stripped(_ line: Int, containers: [MarkdownNode]) -> Int {
        var position = lineStarts[line]
        for (depth, container) in containers.enumerated() {
            if container.kind == .blockQuote {
                let marker = skipSpaces(from: position, line: line, upTo: 3)
                guard marker < lineEnd(line), source[marker] == UInt8(ascii: ">") else { return position }
                position = marker + 1
                if position < lineEnd(line),
                    source[position] == UInt8(ascii: " ") || source[position] == UInt8(ascii: "\t")
                {
                    position += 1
                }
            } else {
                let width = contentIndent(of: container, outer: Array(containers[..<depth]))
                let indented = skipSpaces(from: position, line: line, upTo: width)
                guard columns(from: position, to: indented) >= width else { return position }
                position = indented
            }
        }
        return position
    }

    /// The indentation of a list item's content past its outer containers' markers: up to
    /// its first child's column, or the marker and one space when the item opens with a
    /// blank line.
    func contentIndent(of item: MarkdownNode, outer: [MarkdownNode]) -> Int {
        let line = item.start.line - 1
        let base = stripped(line, containers: outer)
        if let child = item.children.first, child.start.line == item.start.line {
            return columns(from: base, to: lineStarts[line] + child.start.column - 1)
        }
        let marker = lineStarts[line] + item.start.column - 1
        var end = marker
        while end < lineEnd(line), source[end] >= UInt8(ascii: "0"), source[end] <= UInt8(ascii: "9") { end += 1 }
        return columns(from: base, to: end + 1) + 1
    }

    func lineEnd(_ line: Int) -> Int {
        line + 1 < lineStarts.count ? lineStarts[line + 1] - 1 : source.count
    }

    func skipWhitespace(_ position: Int, line: Int) -> Int {
        skipSpaces(from: position, line: line, upTo: .max)
    }

    /// Past spaces and tabs from `position`, covering at most `limit` columns.
    func skipSpaces(from position: Int, line: Int, upTo limit: Int) -> Int {
        var end = position
        while end < lineEnd(line), source[end] == UInt8(ascii: " ") || source[end] == UInt8(ascii: "\t"),
            columns(from: position, to: end + 1) <= limit
        {
            end += 1
        }
        return end
    }

    /// Columns from `start` to `end` on one line, a tab reaching the next multiple of 4.
    func columns(from start: Int, to end: Int) -> Int {
        var column = 0
        for index in start..<max(start, end) {
            column = source[index] == UInt8(ascii: "\t") ? (column / 4 + 1) * 4 : column + 1
        }
        return column
    }
}
