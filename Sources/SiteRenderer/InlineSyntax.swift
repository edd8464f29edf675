/// The CommonMark inline constructs (spec 0.30, as cmark 0.30 reads them) that take their
/// characters raw, so that a `$` inside them is not math: code spans, autolinks, raw HTML,
/// and a link's destination, title or reference label. Each recognizer is given the
/// content of one block (lines joined by `\n`) and the index of the construct's first
/// character, and returns the index after the construct, or nil when there is none there.
enum InlineSyntax {
    /// A backtick string at `start` opens a code span when a backtick string of the same
    /// length follows; the span ends after it.
    static func codeSpanEnd(_ text: [UInt8], at start: Int) -> Int? {
        let length = run(of: backtick, in: text, from: start)
        var index = start + length
        while index < text.count {
            guard text[index] == backtick else {
                index += 1
                continue
            }
            let closing = run(of: backtick, in: text, from: index)
            if closing == length { return index + closing }
            index += closing
        }
        return nil
    }

    /// `<scheme:…>` or `<local@domain>`.
    static func autolinkEnd(_ text: [UInt8], at start: Int) -> Int? {
        var index = start + 1
        let scheme = prefix(text, from: index) { isLetter($0) || isDigit($0) || "+.-".utf8.contains($0) }
        if (2...32).contains(scheme), isLetter(text[index]), index + scheme < text.count, text[index + scheme] == colon
        {
            index += scheme + 1
            index += prefix(text, from: index) { $0 > space && $0 != less && $0 != greater }
            return index < text.count && text[index] == greater ? index + 1 : nil
        }
        let local = prefix(text, from: index) {
            isLetter($0) || isDigit($0) || ".!#$%&'*+/=?^_`{|}~-".utf8.contains($0)
        }
        guard local > 0, index + local < text.count, text[index + local] == UInt8(ascii: "@") else { return nil }
        index += local + 1
        while true {
            let label = prefix(text, from: index) { isLetter($0) || isDigit($0) || $0 == UInt8(ascii: "-") }
            guard (1...63).contains(label), text[index] != UInt8(ascii: "-"),
                text[index + label - 1] != UInt8(ascii: "-")
            else { return nil }
            index += label
            guard index < text.count else { return nil }
            if text[index] == greater { return index + 1 }
            guard text[index] == UInt8(ascii: ".") else { return nil }
            index += 1
        }
    }

    /// An open tag, closing tag, comment, processing instruction, declaration or CDATA section.
    /// `missing` holds the ends (`--`, `?>`, `]]>`, `>`) found missing after an earlier
    /// start: the calls on one text come in order of `start`, and each end is looked for
    /// past the point where it went missing only once, so many openers take linear time.
    static func rawHTMLEnd(_ text: [UInt8], at start: Int, missing: inout Set<String>) -> Int? {
        let rest = text[start...]
        if rest.starts(with: "<!--".utf8) {
            let body = start + 4
            if rest.dropFirst(4).starts(with: ">".utf8) || rest.dropFirst(4).starts(with: "->".utf8) { return nil }
            guard let dashes = find("--", in: text, from: body, missing: &missing) else { return nil }
            return dashes + 2 < text.count && text[dashes + 2] == greater ? dashes + 3 : nil
        }
        if rest.starts(with: "<?".utf8) {
            return find("?>", in: text, from: start + 2, missing: &missing).map { $0 + 2 }
        }
        if rest.starts(with: "<![CDATA[".utf8) {
            return find("]]>", in: text, from: start + 9, missing: &missing).map { $0 + 3 }
        }
        if rest.starts(with: "<!".utf8) {
            guard start + 2 < text.count, isLetter(text[start + 2]) else { return nil }
            return find(">", in: text, from: start + 2, missing: &missing).map { $0 + 1 }
        }
        var index = start + 1
        let closing = index < text.count && text[index] == UInt8(ascii: "/")
        if closing { index += 1 }
        guard index < text.count, isLetter(text[index]) else { return nil }
        index += prefix(text, from: index) { isLetter($0) || isDigit($0) || $0 == UInt8(ascii: "-") }
        if closing {
            index = skipWhitespace(text, from: index)
            return index < text.count && text[index] == greater ? index + 1 : nil
        }
        while true {
            let afterSpace = skipWhitespace(text, from: index)
            guard afterSpace < text.count else { return nil }
            if text[afterSpace] == greater { return afterSpace + 1 }
            if text[afterSpace] == UInt8(ascii: "/") {
                return afterSpace + 1 < text.count && text[afterSpace + 1] == greater ? afterSpace + 2 : nil
            }
            // An attribute: whitespace, a name, and optionally `=` and a value.
            let name = prefix(text, from: afterSpace) { isLetter($0) || isDigit($0) || "_.:-".utf8.contains($0) }
            guard afterSpace > index, name > 0, !isDigit(text[afterSpace]), !"-.".utf8.contains(text[afterSpace]) else {
                return nil
            }
            index = afterSpace + name
            let equals = skipWhitespace(text, from: index)
            guard equals < text.count, text[equals] == UInt8(ascii: "=") else { continue }
            let value = skipWhitespace(text, from: equals + 1)
            guard value < text.count else { return nil }
            if text[value] == quote || text[value] == apostrophe {
                guard let close = text[(value + 1)...].firstIndex(of: text[value]) else { return nil }
                index = close + 1
            } else {
                let length = prefix(text, from: value) { $0 > space && !"\"'=<>`".utf8.contains($0) }
                guard length > 0 else { return nil }
                index = value + length
            }
        }
    }

    /// After a link's `]`, at `(`: `(destination "title")`, each part optional.
    static func inlineLinkTailEnd(_ text: [UInt8], at start: Int) -> Int? {
        var index = skipWhitespace(text, from: start + 1)
        guard index < text.count else { return nil }
        if text[index] == less {
            index += 1
            while index < text.count, text[index] != greater {
                if text[index] == newline || text[index] == less { return nil }
                index += text[index] == backslash ? 2 : 1
            }
            guard index < text.count else { return nil }
            index += 1
        } else {
            var depth = 0
            while index < text.count, text[index] > space {
                if text[index] == backslash, index + 1 < text.count, isPunctuation(text[index + 1]) {
                    index += 2
                    continue
                }
                if text[index] == UInt8(ascii: "(") { depth += 1 }
                if text[index] == UInt8(ascii: ")") {
                    if depth == 0 { break }
                    depth -= 1
                }
                index += 1
            }
            guard depth == 0 else { return nil }
        }
        let beforeTitle = index
        index = skipWhitespace(text, from: index)
        if index > beforeTitle, index < text.count, let closer = titleCloser[text[index]] {
            index += 1
            while index < text.count, text[index] != closer {
                if closer == UInt8(ascii: ")"), text[index] == UInt8(ascii: "(") { return nil }
                index += text[index] == backslash ? 2 : 1
            }
            guard index < text.count else { return nil }
            index = skipWhitespace(text, from: index + 1)
        }
        return index < text.count && text[index] == UInt8(ascii: ")") ? index + 1 : nil
    }

    /// A link label at `[`: no unescaped brackets, at most 999 characters; the index after `]`.
    static func labelEnd(_ text: [UInt8], at start: Int) -> Int? {
        var index = start + 1
        while index < text.count, index - start <= 1000 {
            switch text[index] {
            case backslash: index += 2
            case UInt8(ascii: "["): return nil
            case UInt8(ascii: "]"): return index + 1
            default: index += 1
            }
        }
        return nil
    }

    /// The text inside every bracket pair that could be a link label (`labelEnd` from each
    /// `[` that no backslash escapes), in linear time: each scan stops at the next one.
    static func bracketed(_ text: [UInt8]) -> [Range<Int>] {
        var labels: [Range<Int>] = []
        var index = 0
        while index < text.count {
            if text[index] == backslash, index + 1 < text.count, isPunctuation(text[index + 1]) {
                index += 2
                continue
            }
            if text[index] == UInt8(ascii: "["), let end = labelEnd(text, at: index) {
                labels.append((index + 1)..<(end - 1))
            }
            index += 1
        }
        return labels
    }

    static func isPunctuation(_ byte: UInt8) -> Bool {
        (33...47).contains(byte) || (58...64).contains(byte) || (91...96).contains(byte) || (123...126).contains(byte)
    }

    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == space || byte == UInt8(ascii: "\t") || byte == newline
    }

    static func isDigit(_ byte: UInt8) -> Bool {
        (48...57).contains(byte)
    }
}

// MARK: - Private

private extension InlineSyntax {
    static let backtick = UInt8(ascii: "`"), backslash = UInt8(ascii: "\\"), colon = UInt8(ascii: ":")
    static let less = UInt8(ascii: "<"), greater = UInt8(ascii: ">"), space = UInt8(ascii: " ")
    static let quote = UInt8(ascii: "\""), apostrophe = UInt8(ascii: "'"), newline = UInt8(ascii: "\n")
    static let titleCloser: [UInt8: UInt8] = [
        quote: quote, apostrophe: apostrophe, UInt8(ascii: "("): UInt8(ascii: ")"),
    ]

    static func isLetter(_ byte: UInt8) -> Bool {
        (65...90).contains(byte) || (97...122).contains(byte)
    }

    static func run(of byte: UInt8, in text: [UInt8], from start: Int) -> Int {
        prefix(text, from: start) { $0 == byte }
    }

    /// How many bytes from `start` satisfy `predicate`.
    static func prefix(_ text: [UInt8], from start: Int, while predicate: (UInt8) -> Bool) -> Int {
        var end = start
        while end < text.count, predicate(text[end]) { end += 1 }
        return end - start
    }

    /// Spaces, tabs and at most one line ending.
    static func skipWhitespace(_ text: [UInt8], from start: Int) -> Int {
        var index = start + prefix(text, from: start) { $0 == space || $0 == UInt8(ascii: "\t") }
        if index < text.count, text[index] == newline {
            index += 1 + prefix(text, from: index + 1) { $0 == space || $0 == UInt8(ascii: "\t") }
        }
        return index
    }

    /// The index of the first `pattern` at or after `start`; nil, and `pattern` added to
    /// `missing`, when there is none (or `missing` held it already).
    static func find(_ pattern: String, in text: [UInt8], from start: Int, missing: inout Set<String>) -> Int? {
        let bytes = Array(pattern.utf8)
        guard !missing.contains(pattern), start <= text.count - bytes.count,
            let found = (start...(text.count - bytes.count)).first(where: {
                text[$0..<($0 + bytes.count)].elementsEqual(bytes)
            })
        else {
            missing.insert(pattern)
            return nil
        }
        return found
    }
}
