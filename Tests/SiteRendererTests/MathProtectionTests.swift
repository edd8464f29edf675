import Foundation
import Testing

@testable import SiteRenderer

/// The HTML of `markdown` as a lesson's body, through the whole render stage (with the
/// fake typesetter: a formula shows as `<m>tex</m>`, `<m display>tex</m>` for display math).
/// Display equations are shown without the number the page gives them (tested on its own in
/// `LessonPageTests`), so that bodies compare with other renderers' output.
func prose(_ markdown: String) throws -> String {
    let page = try build([siteLesson("01-a", "---\ntitle: A\n---\n" + markdown)]).page("01-a.html")
    let body = page.components(separatedBy: "<div class=\"lesson-body\">\n")[1]
    return body.components(separatedBy: "</div>\n</article>")[0]
        .replacing(
            #/<span class="equation" id="Equation-\d+">(<m display>.*?</m>)<a class="equation-number" href="#Equation-\d+">\(\d+\)</a></span>/#
                .dotMatchesNewlines()
        ) { String($0.output.1) }
}

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

    /// Braced groups are passed over whole, and an unclosed `<?`, `<!X` or `<![CDATA[`
    /// hides nothing after it (each is looked for once, so long prose stays linear).
    @Test func bracesAndUnclosedHTMLLeaveLaterFormulasAlone() {
        #expect(MathProtection.protect("${ a and $x$, then $y {z $w} v$ u").formulas.map(\.tex) == ["x", "y {z $w} v"])
        #expect(MathProtection.protect("$a} $b$ and $c{{d}$ e $f$").formulas.map(\.tex) == ["b", "f"])
        #expect(
            MathProtection.protect("a <? b $x$, <![CDATA[ $z$, <?again $w$ and <!D $y$").formulas.map(\.tex) == [
                "x", "z", "w", "y",
            ])
        #expect(MathProtection.protect("a <? b $x$ ?> and <? $y$").formulas.map(\.tex) == ["y"])
    }

    @Test func definitionsAtAParagraphsHeadAreCounted() {
        let lines = { (text: String) in
            text.split(separator: "\n", omittingEmptySubsequences: false).map { Array($0.utf8) }
        }
        #expect(InlineContent.definitionLines(lines(String(repeating: "[a] $x$\n", count: 600) + "[b]: /u")) == 0)
        #expect(InlineContent.definitionLines(lines("[a]: /u\ntext")) == 1)
        #expect(InlineContent.definitionLines(lines("[a]: /u\n'title\nmore'\n[b\nc]: /v\ntext $x$")) == 5)
        #expect(InlineContent.definitionLines(lines("[" + String(repeating: "é", count: 490) + "]: /u\ntext")) == 1)
    }

    /// Labels are looked up together (one parse for all): each gets its own answer, defined
    /// or not, whatever its case, with formulas in labels as in text.
    @Test func manyReferenceLabelsAreEachLookedUp() throws {
        let html = try prose("[a][B1] [b][b2] [c][none] [$x$] [d][$y$]\n\n[b1]: /one\n[B2]: /two\n[$x$]: /x\n")
        #expect(
            html
                == "<p><a href=\"/one\">a</a> <a href=\"/two\">b</a> [c][none] <a href=\"/x\"><m>x</m></a> [d][<m>y</m>]</p>\n"
        )
    }

    @Test func inlineMathOpensBeforeANonSpaceAndClosesAfterOne() {
        #expect(MathProtection.protect("a $ x$ b").formulas.isEmpty)
        #expect(MathProtection.protect("at $x = $ `c`, $y$").formulas.map(\.tex) == ["y"])
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

    @Test func codeBlocksAndHTMLBlocksAreLeftAlone() {
        let text = "$a$\n```\n$b$\n```\n\n    $c$\n\n<div title=\"$d$\">\n$e$\n</div>\n\n$f$"
        let (markdown, formulas) = MathProtection.protect(text, firstNumber: 5)
        #expect(formulas.map(\.tex) == ["a", "f"])
        #expect(
            markdown
                == text.replacingOccurrences(of: "$a$", with: MathProtection.token(5))
                .replacingOccurrences(of: "$f$", with: MathProtection.token(6)))
    }

    @Test func substitutionReplacesTokensAndDropsFillers() {
        let (markdown, _) = MathProtection.protect("x $$\na\n$$ y", firstNumber: 3)
        #expect(MathProtection.substitute(in: markdown) { "<m\($0)>" } == "x <m3>\n\n y")
        #expect(MathProtection.substitute(in: "no math, $5") { _ in "?" } == "no math, $5")
    }
}

/// The cases of issue 19, each as pandoc's `commonmark+tex_math_dollars` reads it (where
/// math is) and cmark renders it (everything else).
@Suite struct MathInMarkdownTests {
    @Test func aReferenceLinkWhoseLabelHoldsMath() throws {
        #expect(
            try prose("See [$x$].\n\n[$x$]: https://example.com \"A title\"\n")
                == "<p>See <a href=\"https://example.com\" title=\"A title\"><m>x</m></a>.</p>\n")
        #expect(
            try prose("[$x$]: https://example.com\nSee [$x$][] and [it][$x$].\n")
                == "<p>See <a href=\"https://example.com\"><m>x</m></a> and <a href=\"https://example.com\">it</a>.</p>\n"
        )
        #expect(
            try prose("Not defined: [$x$] and [it][$y$].\n")
                == "<p>Not defined: [<m>x</m>] and [it][<m>y</m>].</p>\n")
    }

    @Test func dollarsInLinkDestinationsAutolinksAndDefinitions() throws {
        let url = "https://api.example.com/items?$filter=a&$top=5"
        let href = "https://api.example.com/items?$filter=a&amp;$top=5"
        #expect(try prose("[OData](\(url))\n") == "<p><a href=\"\(href)\">OData</a></p>\n")
        #expect(
            try prose("<\(url)>\n")
                == "<p><a href=\"\(href)\">https://api.example.com/items?$filter=a&amp;$top=5</a></p>\n")
        #expect(try prose("[OData][q]\n\n[q]: \(url)\n") == "<p><a href=\"\(href)\">OData</a></p>\n")
        #expect(try prose("[q]: \(url)\n[OData][q] at $x$\n") == "<p><a href=\"\(href)\">OData</a> at <m>x</m></p>\n")
        #expect(
            try prose("Mail <$f$oo@bar.example.com>.\n")
                == "<p>Mail <a href=\"mailto:$f$oo@bar.example.com\">$f$oo@bar.example.com</a>.</p>\n")
    }

    @Test func dollarsInLinkTitles() throws {
        #expect(
            try prose("[a](/u \"cost $x$ here\") and $y$\n")
                == "<p><a href=\"/u\" title=\"cost $x$ here\">a</a> and <m>y</m></p>\n")
        #expect(
            try prose("[a] and $y$\n\n[a]: /u \"cost $x$ here\"\n")
                == "<p><a href=\"/u\" title=\"cost $x$ here\">a</a> and <m>y</m></p>\n")
    }

    @Test func rawHTMLIsPassedThroughUntouched() throws {
        #expect(
            try prose("An <abbr title=\"$x$\">abbr</abbr> and $y$.\n")
                == "<p>An <abbr title=\"$x$\">abbr</abbr> and <m>y</m>.</p>\n")
        #expect(
            try prose("A <!-- $\\frac{1}{$ --> comment, <?pi $a$ ?>, <!DOCTYPE $b$> and <![CDATA[ $c$ ]]>.\n")
                == "<p>A <!-- $\\frac{1}{$ --> comment, <?pi $a$ ?>, <!DOCTYPE $b$> and <![CDATA[ $c$ ]]>.</p>\n")
        for tag in ["script", "style", "textarea"] {
            let block = "<\(tag)>\nlet a = \"$x$\"\n</\(tag)>\n"
            #expect(try prose(block) == block)
        }
        #expect(try prose("<!-- $\\frac{1}{$\n$x$ -->\n") == "<!-- $\\frac{1}{$\n$x$ -->\n")
        #expect(try prose("<div $x$\n") == "<div $x$\n")
        #expect(try prose("Text <div $x$\n") == "<p>Text &lt;div <m>x</m></p>\n")
    }

    @Test func aFormulaThatOpensFirstRunsOverWhatLooksLikeATag() throws {
        // commonmark-hs, commonmark-extensions/test/math.md: "Everthing inside the math construction is treated as math".
        #expect(try prose("$b<a>c$\n") == "<p><m>b&lt;a&gt;c</m></p>\n")
        #expect(try prose("$a `b$ and `c`\n") == "<p><m>a `b</m> and <code>c</code></p>\n")
        #expect(try prose("`a $b` and $c$\n") == "<p><code>a $b</code> and <m>c</m></p>\n")
    }

    @Test func blockQuoteMarkersAreNotPartOfAFormula() throws {
        // A formula's later lines stay (as line breaks after it), so that every line keeps its number.
        #expect(try prose("> $$\n> x^2\n> $$\n") == "<blockquote>\n<p><m display>\nx^2\n</m>\n\n</p>\n</blockquote>\n")
        #expect(try prose("> $a +\n> b$ c\n") == "<blockquote>\n<p><m>a +\nb</m>\n c</p>\n</blockquote>\n")
        #expect(try prose("> $a +\nb$ lazily\n") == "<blockquote>\n<p><m>a +\nb</m>\n lazily</p>\n</blockquote>\n")
        #expect(
            try prose("- $a +\n  b$ c\n- > $d\n  > e$\n")
                == "<ul>\n<li><m>a +\nb</m>\n c</li>\n<li>\n<blockquote>\n<p><m>d\ne</m>\n</p>\n</blockquote>\n</li>\n</ul>\n"
        )
    }

    @Test func aFormulaNeverCrossesABlockBoundary() throws {
        #expect(
            try prose("Costs $5\n- then $x$ here\n") == "<p>Costs $5</p>\n<ul>\n<li>then <m>x</m> here</li>\n</ul>\n")
        #expect(try prose("## Cost $a\n$b$ c\n") == "<h2 id=\"cost-a\">Cost $a</h2>\n<p><m>b</m> c</p>\n")
        #expect(try prose("$a\n---\nb$\n") == "<h2 id=\"a\">$a</h2>\n<p>b$</p>\n")
    }

    @Test func emphasisAndLinksBesideFormulasParseAsBesideText() throws {
        #expect(try prose("**Note:**$x$ holds.\n") == "<p><strong>Note:</strong><m>x</m> holds.</p>\n")
        #expect(
            try prose("*$x$*, _$y$_ and $a*b$ or $c*d$\n")
                == "<p><em><m>x</m></em>, <em><m>y</m></em> and <m>a*b</m> or <m>c*d</m></p>\n")
        #expect(
            try prose("[see $x$](/u) and [a](b$c$)\n")
                == "<p><a href=\"/u\">see <m>x</m></a> and <a href=\"b$c$\">a</a></p>\n")
        // A formula that opens inside the brackets runs past them: no link.
        #expect(try prose("[$a](b$)\n") == "<p>[<m>a](b</m>)</p>\n")
    }

}
