/// Finds the formulas in one block's inline content, reading left to right as pandoc's
/// `commonmark+tex_math_dollars` does: whatever opens first wins and runs to its end.
///
/// A backslash escape, a code span, an autolink, raw HTML, or a link's destination, title
/// or reference label is passed over whole, so no `$` inside one is math; a `$` that opens
/// a formula runs to its closing `$` over anything (`$b<a>c$` is the formula `b<a>c`).
/// The rules for dollars are pandoc's:
/// - `$$` opens display math, which the next `$$` closes;
/// - `$` opens inline math when a non-space follows it; the next `$` closes it, and it is
///   math only if a non-space precedes that `$` and no digit follows it (so `$5 and $10`,
///   `$x $` and `$20,000 and $30,000` are text);
/// - `\$` is a dollar, inside math as outside;
/// - as in commonmark-hs (the parser behind pandoc's `commonmark`), a `$` inside balanced
///   braces does not close a formula (`$\text{Hello $x$ there!}$` is one formula), and a
///   `}` that closes no brace ends the attempt.
struct MathScanner {
    /// A formula: its `$` delimiters are `text[range.lowerBound]` and `text[range.upperBound - 1]`.
    struct Found: Equatable {
        var range: Range<Int>
        var display: Bool

        /// The TeX between the delimiters.
        var content: Range<Int> {
            let width = display ? 2 : 1
            return (range.lowerBound + width)..<(range.upperBound - width)
        }
    }

    /// Whether `label` names a link reference definition of the document.
    let isDefined: (String) -> Bool

    /// What a scan found in one block.
    struct Scan {
        var formulas: [Found] = []
        /// The labels of the reference links (shortcut or collapsed, like `[$x$]`) whose
        /// label holds a formula and is defined: cmark must find them again once their
        /// formulas are tokens.
        var labels: [Range<Int>] = []
        /// Where a construct that takes its characters raw could have begun and did not: a
        /// `<` that opens no autolink or tag, a `(` after a link's `]` that opens no
        /// destination. A formula after one may have been what stopped it.
        var unopened: [Int] = []
    }

    func scan(_ text: [UInt8]) -> Scan {
        var scan = Scan()
        var openers: [Int] = []
        let braces = Self.matchingBraces(text)
        var missing = Set<String>()
        var index = 0
        while index < text.count {
            switch text[index] {
            case UInt8(ascii: "\\"):
                index += index + 1 < text.count && InlineSyntax.isPunctuation(text[index + 1]) ? 2 : 1
            case UInt8(ascii: "`"):
                index =
                    InlineSyntax.codeSpanEnd(text, at: index)
                    ?? index + text[index...].prefix { $0 == UInt8(ascii: "`") }.count
            case UInt8(ascii: "<"):
                if let end = InlineSyntax.autolinkEnd(text, at: index)
                    ?? InlineSyntax.rawHTMLEnd(text, at: index, missing: &missing)
                {
                    index = end
                } else {
                    scan.unopened.append(index)
                    index += 1
                }
            case UInt8(ascii: "["):
                openers.append(index)
                index += 1
            case UInt8(ascii: "]"):
                guard let opener = openers.popLast() else {
                    index += 1
                    continue
                }
                index = linkEnd(text, label: (opener + 1)..<index, after: index + 1, scan: &scan)
            case UInt8(ascii: "$"):
                if let formula = Self.formula(text, at: index, braces: braces) {
                    scan.formulas.append(formula)
                    index = formula.range.upperBound
                } else {
                    index += 1
                }
            default:
                index += 1
            }
        }
        return scan
    }

    /// The formula whose opening `$` is at `start`, if one opens there. `braces` are
    /// `matchingBraces(text)`: a braced group is passed over in one step, so no `$` in it
    /// closes the formula, and trying every `$` of a block takes time in proportion to it.
    static func formula(_ text: [UInt8], at start: Int, braces: [Int: Int]) -> Found? {
        let display = start + 1 < text.count && text[start + 1] == dollar
        let open = start + (display ? 2 : 1)
        guard open < text.count, display || !InlineSyntax.isWhitespace(text[open]) else { return nil }
        var index = open
        while index < text.count {
            switch text[index] {
            case UInt8(ascii: "\\"):
                index += 2
                continue
            case UInt8(ascii: "{"):
                // A `{` that no `}` closes leaves no `$` after it outside braces.
                guard let close = braces[index] else { return nil }
                index = close + 1
                continue
            case UInt8(ascii: "}"):
                return nil
            default:
                break
            }
            if text[index] == dollar {
                if display {
                    guard index + 1 < text.count, text[index + 1] == dollar else { return nil }
                    return index > open ? Found(range: start..<(index + 2), display: true) : nil
                }
                let digitFollows = index + 1 < text.count && InlineSyntax.isDigit(text[index + 1])
                guard !InlineSyntax.isWhitespace(text[index - 1]), !digitFollows else { return nil }
                return Found(range: start..<(index + 1), display: false)
            }
            index += 1
        }
        return nil
    }
}

// MARK: - Private

private extension MathScanner {
    static let dollar = UInt8(ascii: "$")

    /// The `}` that closes each `{` of the text that one closes, a backslash taking the
    /// character after it as a formula does. The pairs are the same whichever `$` a
    /// formula opens at: a `$` is never part of a backslash run, so a formula's scan pairs
    /// backslashes as this one from the start does.
    static func matchingBraces(_ text: [UInt8]) -> [Int: Int] {
        var braces: [Int: Int] = [:]
        var open: [Int] = []
        var index = 0
        while index < text.count {
            switch text[index] {
            case UInt8(ascii: "\\"):
                index += 2
                continue
            case UInt8(ascii: "{"):
                open.append(index)
            case UInt8(ascii: "}"):
                if let opener = open.popLast() { braces[opener] = index }
            default:
                break
            }
            index += 1
        }
        return braces
    }

    /// After the `]` of a bracket whose text is `label`, at `after`: the index after the
    /// link's destination and title, or after its reference label when the label is
    /// defined; just `after` when the brackets make no link that way. A shortcut or
    /// collapsed reference whose label holds a formula is added to the scan's labels.
    func linkEnd(_ text: [UInt8], label: Range<Int>, after: Int, scan: inout Scan) -> Int {
        if after < text.count, text[after] == UInt8(ascii: "(") {
            if let end = InlineSyntax.inlineLinkTailEnd(text, at: after) { return end }
            scan.unopened.append(after)
        }
        if after < text.count, text[after] == UInt8(ascii: "["), let end = InlineSyntax.labelEnd(text, at: after),
            end > after + 2
        {
            return isDefined(String(decoding: text[(after + 1)..<(end - 1)], as: UTF8.self)) ? end : after
        }
        let holdsMath = scan.formulas.contains { label.contains($0.range.lowerBound) }
        if holdsMath, isDefined(String(decoding: text[label], as: UTF8.self)) { scan.labels.append(label) }
        let collapsed =
            after + 1 < text.count && text[after] == UInt8(ascii: "[") && text[after + 1] == UInt8(ascii: "]")
        return collapsed ? after + 2 : after
    }
}
