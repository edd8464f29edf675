import Testing

@testable import Preview

/// The script and banner added to served pages.
@Suite struct ReloadScriptTests {
    @Test func theScriptGoesBeforeTheLastBodyEnd() {
        let page = "<html><body><pre></body></pre></BODY></html>"
        let served = ReloadScript.inject(into: page, version: 7, problem: nil)
        #expect(served.hasPrefix("<html><body><pre></body></pre><script>"))
        #expect(served.hasSuffix("</script>\n</BODY></html>"))
        #expect(served.contains(#"var v=7;"#))
        #expect(served.contains(#"fetch("/__descent/wait?v="+v"#))
        #expect(!served.contains("descent-serve-problem"))
    }

    @Test func aPageWithoutBodyEndGetsItAtTheEnd() {
        let served = ReloadScript.inject(into: "<p>text", version: 1, problem: nil)
        #expect(served == "<p>text" + ReloadScript.fragment(version: 1, problem: nil))
    }

    @Test func aProblemIsShownInABannerAsText() {
        let fragment = ReloadScript.fragment(version: 2, problem: "KaTeX <missing> & more")
        #expect(fragment.hasPrefix(#"<div id="descent-serve-problem""#))
        #expect(
            fragment.contains(
                "the last build failed, this is the build before it.\nKaTeX &lt;missing&gt; &amp; more</div>"))
    }
}
