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
               let end = numberEnd(in: text, from: index) {
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
            while index < text.endIndex, text[index].isASCII, text[index].isNumber { index = text.index(after: index); count += 1 }
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

    /// A line diff of expected against actual: `-` lines expected, `+` lines printed.
    static func diff(expected: String, actual: String) -> String {
        let expectedLines = normalized(expected).split(separator: "\n", omittingEmptySubsequences: false)
        let actualLines = normalized(actual).split(separator: "\n", omittingEmptySubsequences: false)
        var result: [String] = []
        for offset in 0..<max(expectedLines.count, actualLines.count) {
            let e = offset < expectedLines.count ? expectedLines[offset] : nil
            let a = offset < actualLines.count ? actualLines[offset] : nil
            if let e, let a, e == a {
                result.append("  " + e)
            } else {
                if let e { result.append("- " + e) }
                if let a { result.append("+ " + a) }
            }
        }
        return result.joined(separator: "\n")
    }
}
