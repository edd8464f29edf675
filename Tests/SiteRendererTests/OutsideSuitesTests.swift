import CommonMark
import Testing

@testable import SiteRenderer

/// Cases from other projects' test suites, each cited by its source. Only the cases are
/// copied; the expected HTML is the source's own where Descent renders the same markup, and
/// otherwise Descent's rendering of the same reading (a formula shows as `<m>tex</m>`, or
/// `<m display>tex</m>`, from the fake typesetter).
@Suite struct OutsideSuitesTests {
    /// CommonMark spec 0.30 (commonmark/commonmark-spec, spec.txt), by example number: every
    /// example with a `$`, and some whose raw constructs a formula must not enter. None has
    /// math, so protection leaves it as written and it renders as the spec says (void
    /// elements written the HTML5 way, as the formatter does).
    @Test(arguments: [
        (
            12, ##"\!\"\#\$\%\&\'\(\)\*\+\,\-\.\/\:\;\<\=\>\?\@\[\\\]\^\_\`\{\|\}\~"## + "\n",
            "<p>!&quot;#$%&amp;'()*+,-./:;&lt;=&gt;?@[\\]^_`{|}~</p>\n"
        ),
        (
            143, "~~~~    ruby startline=3 $%@#$\ndef foo(x)\n  return 3\nend\n~~~~~~~\n",
            "<pre><code class=\"language-ruby\">def foo(x)\n  return 3\nend\n</code></pre>\n"
        ),
        (
            169,
            "<pre language=\"haskell\"><code>\nimport Text.HTML.TagSoup\n\nmain :: IO ()\nmain = print $ parseTags tags\n</code></pre>\nokay\n",
            "<pre language=\"haskell\"><code>\nimport Text.HTML.TagSoup\n\nmain :: IO ()\nmain = print $ parseTags tags\n</code></pre>\n<p>okay</p>\n"
        ),
        (627, "foo <?php echo $a; ?>\n", "<p>foo <?php echo $a; ?></p>\n"),
        (650, "hello $.;'there\n", "<p>hello $.;'there</p>\n"),
        (234, "> foo\n---\n", "<blockquote>\n<p>foo</p>\n</blockquote>\n<hr />\n"),
        (
            259, "   > > 1.  one\n>>\n>>     two\n",
            "<blockquote>\n<blockquote>\n<ol>\n<li>\n<p>one</p>\n<p>two</p>\n</li>\n</ol>\n</blockquote>\n</blockquote>\n"
        ),
        (342, "[not a `link](/foo`)\n", "<p>[not a <code>link](/foo</code>)</p>\n"),
        (493, "[a](<b)c\n[a](<b)c>\n[a](<b>c)\n", "<p>[a](&lt;b)c\n[a](&lt;b)c&gt;\n[a](<b>c)</p>\n"),
        (527, "[link [foo [bar]]][ref]\n\n[ref]: /uri\n", "<p><a href=\"/uri\">link [foo [bar]]</a></p>\n"),
        (568, "[foo][bar][baz]\n\n[baz]: /url\n", "<p>[foo]<a href=\"/url\">bar</a></p>\n"),
        (
            594, "<http://foo.bar.baz/test?q=hello&id=22&boolean>\n",
            "<p><a href=\"http://foo.bar.baz/test?q=hello&amp;id=22&amp;boolean\">http://foo.bar.baz/test?q=hello&amp;id=22&amp;boolean</a></p>\n"
        ),
        (603, "<foo@bar.example.com>\n", "<p><a href=\"mailto:foo@bar.example.com\">foo@bar.example.com</a></p>\n"),
        (
            625, "foo <!-- not a comment -- two hyphens -->\n",
            "<p>foo &lt;!-- not a comment -- two hyphens --&gt;</p>\n"
        ),
    ])
    func commonMarkSpec(_ example: Int, _ markdown: String, _ html: String) {
        let (protected, formulas) = MathProtection.protect(markdown)
        #expect(formulas.isEmpty && protected == markdown, "example \(example)")
        #expect(
            HTMLFormatter().html(CommonMark.parse(protected)) == html.replacingOccurrences(of: " />", with: ">"),
            "example \(example)")
    }

    /// commonmark-hs (jgm/commonmark-hs, commonmark-extensions/test/math.md), the math
    /// extension pandoc's `commonmark+tex_math_dollars` reads with: all its examples.
    @Test(arguments: [
        (
            "Let $x$ and $y$ be integers such that\n$$x=y + 2$$\n",
            "<p>Let <m>x</m> and <m>y</m> be integers such that\n<m display>x=y + 2</m></p>\n"
        ),
        (
            "This is not math: 2000$.\nAnd neither is this $ 4 $.\nOr this $4\n$.\n",
            "<p>This is not math: 2000$.\nAnd neither is this $ 4 $.\nOr this $4\n$.</p>\n"
        ),
        ("This is display math:\n$$\ne=mc^2\n$$\n", "<p>This is display math:\n<m display>\ne=mc^2\n</m>\n\n</p>\n"),
        (
            "This is display math:\n$$\n\\text{Hello $x^2$}\n$$\nAnd this is inline math:\n$\\text{Hello $x$ there!}$\n",
            "<p>This is display math:\n<m display>\n\\text{Hello $x^2$}\n</m>\n\n\nAnd this is inline math:\n<m>\\text{Hello $x$ there!}</m></p>\n"
        ),
        ("The cost is between \\$10 and 30$.\n", "<p>The cost is between $10 and 30$.</p>\n"),
        ("$\\text{\\$}$\n", "<p><m>\\text{\\$}</m></p>\n"),
        ("$b<a>c$\n", "<p><m>b&lt;a&gt;c</m></p>\n"),
    ])
    func commonmarkHsMath(_ markdown: String, _ html: String) throws {
        #expect(try prose(markdown) == html)
    }

    /// pandoc's manual (jgm/pandoc, MANUAL.txt, "Extension: tex_math_dollars"): "The opening
    /// $ must have a non-space character immediately to its right, while the closing $ must
    /// have a non-space character immediately to its left, and must not be followed
    /// immediately by a digit. Thus, $20,000 and $30,000 won't parse as math."
    @Test func pandocManual() throws {
        #expect(
            try prose("Thus, $20,000 and $30,000 won't parse as math.\n")
                == "<p>Thus, $20,000 and $30,000 won't parse as math.</p>\n")
        #expect(
            try prose("$x$5 is not, $x$ is, $ x$ and $x $ are not, \\$x$ is not.\n")
                == "<p>$x$5 is not, <m>x</m> is, $ x$ and $x $ are not, $x$ is not.</p>\n")
    }

    /// markdown-it's dollar math (executablebooks/mdit-py-plugins, tests/fixtures/dollar_math.md),
    /// by the fixture's title, where its rules and pandoc's agree. (It also refuses math
    /// right after a digit, as in `3$1+2$`, which pandoc reads as math and so does Descent;
    /// its display math is a block of its own, here it stays in its paragraph.)
    @Test(arguments: [
        ("single dollar", "$\n", "<p>$</p>\n"),
        ("double-dollar", "$$\n", "<p>$$</p>\n"),
        ("single character inline equation", "$a$\n", "<p><m>a</m></p>\n"),
        ("simple equation including special html character", "$1+1<3$\n", "<p><m>1+1&lt;3</m></p>\n"),
        ("use of currency symbol", "If you solve $1+2$ you get $3\n", "<p>If you solve <m>1+2</m> you get $3</p>\n"),
        ("conjugate complex", "$a^\\*b$ with $a^\\*$\n", "<p><m>a^\\*b</m> with <m>a^\\*</m></p>\n"),
        ("Inline multi-line", "a $a\n\\not=1$ b\n", "<p>a <m>a\n\\not=1</m>\n b</p>\n"),
        ("Inline multi-line with newline", "a $a\n\n\\not=1$ b\n", "<p>a $a</p>\n<p>\\not=1$ b</p>\n"),
        (
            "non-numeric character before opening $ or after closing $ or both is allowed",
            "a$1+1=2$\n$1+1=2$b\nc$x$d\n", "<p>a<m>1+1=2</m>\n<m>1+1=2</m>b\nc<m>x</m>d</p>\n"
        ),
        ("following dollar character '$' is allowed", "$x$ $\n", "<p><m>x</m> $</p>\n"),
        ("inline equation following code section", "`code`$a-b$\n", "<p><code>code</code><m>a-b</m></p>\n"),
        (
            "Equations in list", "1. $1+2$\n2. $2+3$\n    1. $3+4$\n",
            "<ol>\n<li><m>1+2</m></li>\n<li><m>2+3</m>\n<ol>\n<li><m>3+4</m></li>\n</ol>\n</li>\n</ol>\n"
        ),
        (
            "whitespace character after opening $ or before closing $ is not allowed", "$ $\n$ x$\n$x $\n",
            "<p>$ $\n$ x$\n$x $</p>\n"
        ),
        ("math-escaping: escaped start $", "\\$p_2 = $a\n", "<p>$p_2 = $a</p>\n"),
        ("math-escaping: escaped end $", "$p_2 = \\$a\n", "<p>$p_2 = $a</p>\n"),
        ("math-escaping: internal escaped $", "$p_2 = \\$1$\n", "<p><m>p_2 = \\$1</m></p>\n"),
        ("math-escaping: double-escaped start $", "\\\\$p_2 = 1$\n", "<p>\\<m>p_2 = 1</m></p>\n"),
        ("math-escaping: double-escaped end $", "$p_2 = \\\\$a\n", "<p><m>p_2 = \\\\</m>a</p>\n"),
        ("Inline double-dollar, escaped", "a \\$$a=1$$ b\n", "<p>a $<m>a=1</m>$ b</p>\n"),
        ("Indented by 4 spaces", "    $$a$$\n", "<pre class=\"code plain\" id=\"L4\"><code>$$a$$\n</code></pre>\n"),
    ])
    func markdownItDollarMath(_ title: String, _ markdown: String, _ html: String) throws {
        #expect(try prose(markdown) == html, "\(title)")
    }
}
