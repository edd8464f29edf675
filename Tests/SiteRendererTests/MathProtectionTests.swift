import Testing
@testable import SiteRenderer

@Suite struct MathProtectionTests {
    @Test func markdownCharactersInsideMathReachTheTypesetterUnchanged() {
        let (markdown, formulas) = MathProtection.protect(#"Let $x_1 * y_2$ and $$\frac{a}{b} < c \& d$$ hold."#)
        #expect(formulas.map(\.tex) == [#"x_1 * y_2"#, #"\frac{a}{b} < c \& d"#])
        #expect(formulas.map(\.display) == [false, true])
        #expect(markdown == "Let \(MathProtection.token(0)) and \(MathProtection.token(1)) hold.")
    }

    @Test func codeSpansEscapedDollarsAndPricesAreNotMath() {
        let text = #"In `let s = "$x$"` the \$ sign, from $5 to $10, and ``a ` $b$`` stay text; $y$ is math."#
        let (markdown, formulas) = MathProtection.protect(text)
        #expect(formulas.map(\.tex) == ["y"])
        #expect(markdown == text.replacingOccurrences(of: "$y$", with: MathProtection.token(0)))
    }

    @Test func inlineMathOpensBeforeANonSpaceAndCrossesNoBlankLine() {
        #expect(MathProtection.protect("a $ x$ b").formulas.isEmpty)
        #expect(MathProtection.protect("at $x = $ `c`, $y$").formulas.map(\.tex) == ["x = ", "y"])
        #expect(MathProtection.protect("a $x\n\ny$ b").formulas.isEmpty)
        #expect(MathProtection.protect("a $x +\ny$ b").formulas.map(\.tex) == ["x +\ny"])
    }

    @Test func aFormulaOverSeveralLinesKeepsEveryLineNumber() {
        let text = "Intro\n\n$$\na = b\n$$\n\nAfter $c$"
        let (markdown, formulas) = MathProtection.protect(text, firstLine: 10)
        #expect(markdown.split(separator: "\n", omittingEmptySubsequences: false).count == 7)
        #expect(formulas.map { [$0.line, $0.column] } == [[12, 1], [16, 7]])
        #expect(markdown.hasSuffix("After \(MathProtection.token(1))"))
    }

    @Test func columnsCountUTF8BytesAsCmarkDoes() {
        let formulas = MathProtection.protect("梯度 $g$").formulas
        #expect(formulas.first?.column == 8)
    }

    @Test func codeLinesAreLeftAlone() {
        let text = "$a$\n```\n$b$\n```\n$c$"
        let (markdown, formulas) = MathProtection.protect(text, codeLines: [2, 3, 4], firstNumber: 5)
        #expect(formulas.map(\.tex) == ["a", "c"])
        #expect(markdown == "\(MathProtection.token(5))\n```\n$b$\n```\n\(MathProtection.token(6))")
    }

    @Test func substitutionReplacesTokensAndDropsFillers() {
        let (markdown, _) = MathProtection.protect("x $$\na\n$$ y", firstNumber: 3)
        #expect(MathProtection.substitute(in: markdown) { "<m\($0)>" } == "x <m3>\n\n y")
        #expect(MathProtection.substitute(in: "no math") { _ in "?" } == "no math")
    }
}
