import CommonMark
import Testing

/// Without hooks the formatter gives cmark's own HTML (void elements written the HTML5 way).
@Suite struct HTMLFormatterTests {
    static let markdown = #"""
        # Title with *emphasis* and `code`

        A paragraph with **strong**, a [link](https://example.org/a b "T&C") and
        an ![image](x.png "a title"), a hard break\
        and &amp; entities &copy; <span>inline HTML</span>.

        - tight
        - list
          1. nested
          2. ordered

        3. loose ordered

        4. from three

        > A quote
        > ```swift
        > let x = 1 < 2
        > ```

        <div>
        raw *block*
        </div>

        ---

            indented code
        """#

    @Test func withoutHooksItIsCmarksHTML() {
        let cmark = CommonMark.html(Self.markdown, allowRawHTML: true)
            .replacingOccurrences(of: " />", with: ">")
        #expect(HTMLFormatter().html(CommonMark.parse(Self.markdown)) == cmark)
    }

    @Test func aHookReplacesOneKindOfNode() {
        var formatter = HTMLFormatter()
        formatter.hooks[.emphasis] = { _, content in "<i>\(content)</i>" }
        #expect(formatter.html(CommonMark.parse("*a* **b**")) == "<p><i>a</i> <strong>b</strong></p>\n")
    }
}
