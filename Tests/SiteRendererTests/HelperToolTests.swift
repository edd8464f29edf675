import Foundation
import LessonParser
import Testing

@testable import SiteRenderer

/// The real typesetter and highlighter, each called once for a batch.
@Suite struct HelperToolTests {
    @Test func katexTypesetsABatchAndRejectsBadTeXWithItsMessage() throws {
        let formulas = [
            Formula(tex: #"x_1 < y^2 \& z"#, display: false, line: 1, column: 1),
            Formula(tex: #"\frac{1}{"#, display: true, line: 2, column: 1),
            Formula(tex: #"\sum_{i=1}^n i"#, display: true, line: 3, column: 1),
        ]
        let typeset = try KaTeX().typeset(formulas)
        #expect(typeset.results.count == 3)
        let first = try typeset.results[0].get()
        #expect(first.hasPrefix(#"<span class="katex">"#))
        #expect(first.contains(#"<annotation encoding="application/x-tex">x_1 &lt; y^2 \&amp; z</annotation>"#))
        #expect(throws: DescentError.self) { try typeset.results[1].get() }
        if case .failure(let error) = typeset.results[1] { #expect(error.description.hasPrefix("KaTeX parse error:")) }
        #expect(try typeset.results[2].get().hasPrefix(#"<span class="katex-display">"#))
        #expect(typeset.assets["katex/katex.min.css"] != nil)
        #expect(typeset.assets["katex/fonts/KaTeX_Main-Regular.woff2"] != nil)
    }

    @Test func withoutKaTeXTheErrorSaysWhatToInstall() {
        var katex = KaTeX()
        katex.modulePath = "/nonexistent"
        #expect { try katex.typeset([Formula(tex: "x", display: false, line: 1, column: 1)]) } throws: { error in
            "\(error)".contains("apt-get install katex")
        }
    }

    @Test func pygmentsHighlightsSwiftAsEscapedHTML() throws {
        let highlighted = try Pygments().highlight(["let x: Int = 1 // a < b\n", "func f() {}\n"])
        #expect(
            highlighted == [
                #"<span class="kd">let</span> <span class="nv">x</span><span class="p">:</span> <span class="nb">Int</span> <span class="p">=</span> <span class="mi">1</span> <span class="c1">// a &lt; b</span>"#
                    + "\n",
                #"<span class="kd">func</span> <span class="nf">f</span><span class="p">()</span> <span class="p">{}</span>"#
                    + "\n",
            ])
    }
}
