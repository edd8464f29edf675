import CommonMark

/// A formula written in prose: `$…$` inline or `$$…$$` display.
public struct Formula: Sendable, Equatable {
    /// The TeX between the dollars.
    public var tex: String
    public var display: Bool
    /// Where the opening `$` is in the lesson (column in UTF-8 bytes, as cmark counts).
    public var line: Int
    public var column: Int

    public init(tex: String, display: Bool, line: Int, column: Int) {
        self.tex = tex
        self.display = display
        self.line = line
        self.column = column
    }
}

/// Keeps math away from Markdown, working from cmark's own reading of the prose.
///
/// cmark parses the prose first; math is looked for only where its inline parser reads
/// text — the content of paragraphs and headings, past block quote and list markers
/// (`InlineContent`) — and there by pandoc's rules, left to right (`MathScanner`). Each
/// formula is then swapped for a token and cmark parses the result, which the renderer
/// shows with the typeset formula in place of each token.
///
/// A token is `$`, a private-use character, the formula's number, another private-use
/// character and `$`: Markdown sees plain text that begins and ends with a dollar, so
/// emphasis and links beside a formula parse as beside the dollars, and `_`, `*`, `\`,
/// `<` and `&` inside math never reach it. A formula spanning lines leaves each later line
/// its container markers and a filler character, so every line keeps its number and its
/// block. Where a token would complete a construct that the formula had stopped (a `<` that
/// becomes a tag around a token, say), the construct's opener is backslash-escaped, which
/// reads as the same character. A defined reference link whose label holds a formula
/// (`[$x$]`) gets the same definition under its tokenized label, appended after the prose.
public enum MathProtection {
    /// The prose with formulas replaced by tokens numbered from `firstNumber`, and the
    /// formulas in order. `firstLine` is the file line of the first line of `markdown`.
    public static func protect(_ markdown: String, firstLine: Int = 1, firstNumber: Int = 0) -> (
        markdown: String, formulas: [Formula]
    ) {
        let source = Array(markdown.utf8)
        let probe = ReferenceProbe(markdown: markdown)
        let scanner = MathScanner { probe.link(for: $0) != nil }
        var formulas: [Formula] = []
        var replacements: [(range: Range<Int>, bytes: [UInt8])] = []
        var definitions = ""
        let contents = InlineContent.blocks(of: CommonMark.parse(markdown), source: source).map {
            FlatContent($0, source: source)
        }
        probe.prefetch(
            Set(
                contents.flatMap { content in
                    InlineSyntax.bracketed(content.text).map { String(decoding: content.text[$0], as: UTF8.self) }
                }))
        for content in contents {
            let scan = scanner.scan(content.text)
            var tokens: [Int: String] = [:]
            for formula in scan.formulas {
                let (line, column) = content.position(of: formula.range.lowerBound)
                tokens[formula.range.lowerBound] = token(firstNumber + formulas.count)
                formulas.append(
                    Formula(
                        tex: String(decoding: content.text[formula.content], as: UTF8.self), display: formula.display,
                        line: firstLine + line, column: column))
                replacements.append(
                    (
                        content.sourceRange(of: formula.range),
                        content.replacement(
                            for: formula.range, token: tokens[formula.range.lowerBound]!, source: source)
                    ))
            }
            let escapes = content.escapes(scan, tokens: tokens)
            replacements += escapes.map { (content.origins[$0]..<content.origins[$0], [UInt8(ascii: "\\")]) }
            let (protected, positions) = content.protected(scan.formulas, tokens: tokens, escapes: escapes)
            for label in scan.labels {
                guard let link = probe.link(for: String(decoding: content.text[label], as: UTF8.self)) else { continue }
                let text = protected[(positions[label.lowerBound - 1]! + 1)..<positions[label.upperBound]!]
                let tokenized = String(
                    decoding: text.map { $0 == UInt8(ascii: "\n") ? UInt8(ascii: " ") : $0 }, as: UTF8.self)
                definitions +=
                    "\n\n[\(tokenized)]: <\(escaped(link.destination ?? "", "\\<>&"))> \"\(escaped(link.title ?? "", "\\\"&"))\""
            }
        }
        var output: [UInt8] = []
        var position = 0
        for replacement in replacements.sorted(by: { $0.range.lowerBound < $1.range.lowerBound }) {
            output += source[position..<replacement.range.lowerBound] + replacement.bytes
            position = replacement.range.upperBound
        }
        output += source[position...]
        return (String(decoding: output, as: UTF8.self) + definitions, formulas)
    }

    /// The token that stands for formula `number`.
    public static func token(_ number: Int) -> String {
        "$\(tokenStart)\(number)\(tokenEnd)$"
    }

    /// `text` with each token replaced by `replacement(number)` and fillers removed.
    public static func substitute(in text: String, _ replacement: (Int) -> String) -> String {
        guard text.unicodeScalars.contains(where: { $0 == tokenStart || $0 == filler }) else { return text }
        var result = ""
        var rest = text.unicodeScalars[...]
        while let scalar = rest.popFirst() {
            if scalar == "$", rest.first == tokenStart, let end = rest.firstIndex(of: tokenEnd),
                let number = Int(String(rest[rest.index(after: rest.startIndex)..<end])),
                rest.index(after: end) < rest.endIndex, rest[rest.index(after: end)] == "$"
            {
                result += replacement(number)
                rest = rest[rest.index(end, offsetBy: 2)...]
            } else if scalar != filler {
                result.unicodeScalars.append(scalar)
            }
        }
        return result
    }

    static let tokenStart: Unicode.Scalar = "\u{E000}"
    static let tokenEnd: Unicode.Scalar = "\u{E001}"
    static let filler: Unicode.Scalar = "\u{E002}"

    /// `text` with each of `characters` backslash-escaped (all are ASCII punctuation).
    private static func escaped(_ text: String, _ characters: String) -> String {
        text.reduce(into: "") { result, character in
            if characters.contains(character) { result.append("\\") }
            result.append(character)
        }
    }
}

// MARK: - Private

/// One block's content as a single text (its lines joined by `\n`), with the source offset
/// of each byte.
private struct FlatContent {
    let block: InlineContent
    var text: [UInt8] = []
    var origins: [Int] = []
    /// The index in `text` where each line starts.
    var lineOffsets: [Int] = []

    init(_ block: InlineContent, source: [UInt8]) {
        self.block = block
        for line in block.lines {
            if !text.isEmpty {
                text.append(UInt8(ascii: "\n"))
                origins.append(origins.last! + 1)
            }
            lineOffsets.append(text.count)
            text += source[line.contentStart..<line.end]
            origins += line.contentStart..<line.end
        }
    }

    /// The 0-based line and 1-based byte column of `index` in the source.
    func position(of index: Int) -> (line: Int, column: Int) {
        let line = block.lines[lineNumber(of: index)]
        return (line.line, origins[index] - line.lineStart + 1)
    }

    /// The index in `block.lines` of the line that holds `text[index]` (a binary search).
    func lineNumber(of index: Int) -> Int {
        var (low, high) = (0, lineOffsets.count - 1)
        while low < high {
            let middle = (low + high + 1) / 2
            if lineOffsets[middle] <= index { low = middle } else { high = middle - 1 }
        }
        return low
    }

    func sourceRange(of range: Range<Int>) -> Range<Int> {
        origins[range.lowerBound]..<(origins[range.upperBound - 1] + 1)
    }

    /// What replaces `range` in the source: the token, then for each line it continues on,
    /// that line's container markers and a filler.
    func replacement(for range: Range<Int>, token: String, source: [UInt8]) -> [UInt8] {
        var bytes = Array(token.utf8)
        for line in block.lines[(lineNumber(of: range.lowerBound) + 1)..<(lineNumber(of: range.upperBound - 1) + 1)] {
            bytes +=
                [UInt8(ascii: "\n")] + source[line.lineStart..<line.contentStart]
                + Array(String(MathProtection.filler).utf8)
        }
        return bytes
    }

    /// The content as cmark reads it once formulas are tokens (a formula's later lines a
    /// newline and a filler each) and `escapes` are backslash-escaped; and where each byte
    /// of `text` outside formulas went (a formula's first byte: to its token).
    func protected(_ formulas: [MathScanner.Found], tokens: [Int: String], escapes: Set<Int>) -> (
        bytes: [UInt8], positions: [Int?]
    ) {
        var bytes: [UInt8] = []
        var positions = [Int?](repeating: nil, count: text.count + 1)
        var index = 0
        // The formulas are in order: `next` is the first one not passed yet.
        var next = formulas.startIndex
        while index < text.count {
            if next < formulas.endIndex, formulas[next].range.lowerBound == index {
                let formula = formulas[next]
                next += 1
                positions[index] = bytes.count
                bytes += tokens[index]!.utf8
                for _ in text[formula.range].filter({ $0 == UInt8(ascii: "\n") }) {
                    bytes += [UInt8(ascii: "\n")] + Array(String(MathProtection.filler).utf8)
                }
                index = formula.range.upperBound
            } else {
                if escapes.contains(index) { bytes.append(UInt8(ascii: "\\")) }
                positions[index] = bytes.count
                bytes.append(text[index])
                index += 1
            }
        }
        positions[text.count] = bytes.count
        return (bytes, positions)
    }

    /// The bytes to backslash-escape so that tokens make no construct the formulas did not
    /// allow: a `<` or a link's `(` that opens nothing in the prose but would open an
    /// autolink, a tag or a destination around a token; a line's backticks that would open
    /// a code fence once a formula took the backtick after them; and the `:` after a label
    /// that opens the block, which could make its first lines a link reference definition.
    /// An escaped character reads as itself, so the page shows the same text.
    func escapes(_ scan: MathScanner.Scan, tokens: [Int: String]) -> Set<Int> {
        guard !scan.formulas.isEmpty else { return [] }
        var escapes = Set<Int>()
        // Escaping one `(` can let an earlier destination run further, so look again until none opens.
        while true {
            let (protected, positions) = protected(scan.formulas, tokens: tokens, escapes: escapes)
            var missing = Set<String>()
            let opening = scan.unopened.filter { index in
                guard !escapes.contains(index), let position = positions[index] else { return false }
                let end =
                    text[index] == UInt8(ascii: "<")
                    ? InlineSyntax.autolinkEnd(protected, at: position)
                        ?? InlineSyntax.rawHTMLEnd(protected, at: position, missing: &missing)
                    : InlineSyntax.inlineLinkTailEnd(protected, at: position)
                return end != nil
            }
            if opening.isEmpty { break }
            escapes.formUnion(opening)
        }
        let (protected, positions) = protected(scan.formulas, tokens: tokens, escapes: escapes)
        let backtick = UInt8(ascii: "`")
        let originalLines = text.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        let protectedLines = protected.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        for (offset, (original, now)) in zip(lineOffsets, zip(originalLines, protectedLines)) {
            let run = original.prefix { $0 == backtick }.count
            if run >= 3, original.dropFirst(run).contains(backtick), now.prefix(run).allSatisfy({ $0 == backtick }),
                !now.dropFirst(run).contains(backtick)
            {
                escapes.formUnion(offset..<(offset + run))
            }
        }
        if let end = InlineSyntax.labelEnd(protected, at: 0),
            let colon = positions.firstIndex(of: end), colon < text.count, text[colon] == UInt8(ascii: ":")
        {
            escapes.insert(colon)
        }
        return escapes
    }
}

/// Asks cmark whether a label names a link reference definition of a document, by parsing
/// the document followed by a paragraph holding only `[label]`: a link there is the answer.
private final class ReferenceProbe {
    let markdown: String
    var links: [String: MarkdownNode?] = [:]

    init(markdown: String) {
        self.markdown = markdown
    }

    func link(for label: String) -> MarkdownNode? {
        if let known = links[label] { return known }
        let link = Self.link(in: CommonMark.parse(markdown + Self.paragraph(label)).children.last)
        links[label] = link
        return link
    }

    /// Looks up `labels` with one parse, the document followed by a paragraph for each (one
    /// parse per label takes time in proportion to the labels times the document). The
    /// answers stand only when the last children are those paragraphs, as they are unless
    /// the document ends in a block that takes them in (an unclosed fence, say).
    func prefetch(_ labels: Set<String>) {
        let labels = labels.filter { links[$0] == nil }.sorted()
        guard !labels.isEmpty else { return }
        let probes = CommonMark.parse(markdown + labels.map(Self.paragraph).joined()).children.suffix(labels.count)
        guard probes.count == labels.count, probes.allSatisfy({ $0.kind == .paragraph }) else { return }
        for (label, paragraph) in zip(labels, probes) {
            links[label] = Self.link(in: paragraph)
        }
    }

    /// A paragraph holding only `[label]`, after a blank line.
    static func paragraph(_ label: String) -> String {
        "\n\n[\(label.replacingOccurrences(of: "\n", with: " "))]\n"
    }

    /// The link a paragraph holds when it holds nothing else.
    static func link(in paragraph: MarkdownNode?) -> MarkdownNode? {
        paragraph?.kind == .paragraph && paragraph?.children.count == 1 && paragraph?.children.first?.kind == .link
            ? paragraph?.children.first : nil
    }
}
