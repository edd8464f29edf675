import Foundation

/// Compares what a block printed with the expected output written in the lesson.
///
/// Text must match, ignoring trailing spaces on each line and trailing empty lines. Each
/// number in the expected text matches the actual number at the same place when the actual
/// value, rounded to the precision the expected number is written in, equals it — `3.14`
/// accepts 3.1416, `6.2e-61` accepts 6.2230e-61 — or, with a tolerance, when
/// |actual − expected| ≤ tolerance. Numbers are compared in exact decimal arithmetic
/// (`ExactDecimal`), as written, never through a `Double`.
struct OutputMatcher {
    var tolerance: Double?

    func matches(actual: String, expected: String) -> Bool {
        let actualTokens = Self.tokens(Self.normalized(actual))
        let expectedTokens = Self.tokens(Self.normalized(expected))
        guard actualTokens.count == expectedTokens.count else { return false }
        return zip(actualTokens, expectedTokens).allSatisfy(matches)
    }

    private func matches(_ actual: Token, _ expected: Token) -> Bool {
        switch (actual, expected) {
        case (.text(let a), .text(let e)):
            return a == e
        case (.number(let a), .number(let e)):
            guard let actualValue = ExactDecimal(a), let expectedValue = ExactDecimal(e) else {
                return Self.special(a).map { $0 == Self.special(e) } ?? (a == e)
            }
            let allowed = if let tolerance { Self.decimal(tolerance) } else { ExactDecimal.halfUnitInLastPlace(of: e) }
            guard let allowed else { return true }
            return actualValue.distance(to: expectedValue).magnitudeIsAtMost(allowed)
        default:
            return false
        }
    }

    /// `nan`, `inf` or `-inf` (`+inf` is `inf`); nil for a finite number. A number that is
    /// neither and not read as a decimal (its exponent is beyond any `Double`'s) is text.
    private static func special(_ text: Substring) -> String? {
        let word = text.lowercased().replacingOccurrences(of: "+", with: "")
        return word.hasSuffix("nan") ? "nan" : word.hasSuffix("inf") ? word : nil
    }

    /// A tolerance as the decimal it is written as (Swift writes a `Double` in the fewest
    /// digits that read back as it); nil only for an infinite one, which the lesson parser
    /// refuses, and which would accept any value.
    private static func decimal(_ tolerance: Double) -> ExactDecimal? {
        ExactDecimal(Substring(String(tolerance)))
    }

    /// Trailing spaces removed from every line, trailing empty lines dropped.
    static func normalized(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map { line in
            String(line.reversed().drop { $0 == " " || $0 == "\t" || $0 == "\r" }.reversed())
        }
        while lines.last?.isEmpty == true { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    enum Token: Equatable {
        case text(Substring)
        case number(Substring)
    }

    /// Splits text into numbers and the text between them. A number is an optional sign,
    /// digits with an optional fraction, and an optional exponent, or `nan`/`inf`; it must
    /// not continue a word (the `1` of `x1` is text).
    static func tokens(_ text: String) -> [Token] {
        var tokens: [Token] = []
        var index = text.startIndex
        var textStart = index
        while index < text.endIndex {
            let previous = index > text.startIndex ? text[text.index(before: index)] : " "
            if !(previous.isLetter || previous.isNumber || previous == "_" || previous == "."),
                let end = numberEnd(in: text, from: index)
            {
                if textStart < index { tokens.append(.text(text[textStart..<index])) }
                tokens.append(.number(text[index..<end]))
                index = end
                textStart = end
            } else {
                index = text.index(after: index)
            }
        }
        if textStart < text.endIndex { tokens.append(.text(text[textStart...])) }
        return tokens
    }

    private static func numberEnd(in text: String, from start: String.Index) -> String.Index? {
        var index = start
        func digits() -> Int {
            var count = 0
            while index < text.endIndex, text[index].isASCII, text[index].isNumber {
                index = text.index(after: index)
                count += 1
            }
            return count
        }
        if index < text.endIndex, text[index] == "-" || text[index] == "+" { index = text.index(after: index) }
        for word in ["nan", "inf"] where text[index...].hasPrefix(word) {
            let end = text.index(index, offsetBy: word.count)
            return end == text.endIndex || !text[end].isLetter ? end : nil
        }
        var count = digits()
        if index < text.endIndex, text[index] == "." {
            index = text.index(after: index)
            count += digits()
        }
        guard count > 0 else { return nil }
        let mantissaEnd = index
        if index < text.endIndex, text[index] == "e" || text[index] == "E" {
            index = text.index(after: index)
            if index < text.endIndex, text[index] == "-" || text[index] == "+" { index = text.index(after: index) }
            if digits() == 0 { return mantissaEnd }
        }
        if index < text.endIndex, text[index].isLetter || text[index] == "_" { return nil }
        return index
    }

    /// How `actual` differs from `expected`, whose first line is lesson line `firstLine`:
    /// the lines that differ (`-` expected, `+` printed, a line diff in which lines that
    /// match as outputs do are paired), with no line that matches; each run of them after
    /// the first is headed by the lesson line it starts at (`@@ line 17 @@`). It is placed
    /// at the first expected line that differs — or, when lines are only missing at the
    /// end, at the line after the last — and at the first column where that line and the
    /// printed line replacing it differ.
    func difference(actual: String, expected: String, firstLine: Int) -> (line: Int, column: Int, text: String) {
        let expectedLines = Self.normalized(expected).split(separator: "\n", omittingEmptySubsequences: false).map(
            String.init)
        let actualLines = Self.normalized(actual).split(separator: "\n", omittingEmptySubsequences: false).map(
            String.init)
        let printed = actualLines == [""] ? [] : actualLines
        let diff = LineDiff(expected: expectedLines.count, printed: printed.count) {
            matches(actual: printed[$1], expected: expectedLines[$0])
        }
        var text: [String] = []
        var place: (line: Int, column: Int)?
        var previous: LineDiff.Change?
        for (index, change) in diff.changes.enumerated() {
            defer { previous = change }
            let line: Int
            switch change {
            case .kept: continue
            case .deleted(let e): line = e
            case .inserted(_, let before): line = before
            }
            if case .kept = previous, place != nil { text.append("@@ line \(firstLine + line) @@") }
            if place == nil {
                var column = 1
                if case .deleted(let e) = change, index + 1 < diff.changes.count,
                    case .inserted(let p, _) = diff.changes[index + 1]
                {
                    column = zip(expectedLines[e], printed[p]).prefix { $0 == $1 }.count + 1
                }
                place = (firstLine + line, column)
            }
            switch change {
            case .deleted(let e): text.append("- " + expectedLines[e])
            case .inserted(let p, _): text.append("+ " + printed[p])
            case .kept: break
            }
        }
        return (place?.line ?? firstLine, place?.column ?? 1, text.joined(separator: "\n"))
    }
}
