import Foundation
import LessonParser
import Testing

@testable import LessonRunner
@testable import SiteRenderer

@Suite struct LessonPageTests {
    static let derivatives = #"""
        ---
        title: Derivatives
        summary: Slopes & limits.
        ---
        Intro with $a_1 < b*c$ and `code $x$`.

        ## The rule: $f'(x)$

        ```swift spec
        print("<script>alert(1)</script>")
        ```
        ```output
        <script>alert(1)</script>
        ```

        ### Détails

        ```swift spec hidden
        print("from a hidden block")
        ```

        ## Practice

        ```swift exercise id=slope points=2 title="Slope at a point"
        func slope() -> Double {
            // BEGIN SOLUTION
            return 2
            // END SOLUTION
        }
        ```

        ```swift check exercise=slope hidden
        LessonRuntime.check(slope() == 2, "a hidden check")
        ```

        <kbd>raw</kbd> HTML stays.
        """#

    @Test func headingsGetAnchorsAndTheTableOfContentsNestsThem() throws {
        let page = try build([siteLesson("01-derivatives", Self.derivatives, outputs: ["", "", ""])]).page(
            "01-derivatives.html")
        #expect(page.contains(#"<h2 id="the-rule-fx">The rule: <m>f'(x)</m></h2>"#))
        #expect(page.contains(#"<h3 id="détails">Détails</h3>"#))
        #expect(
            page.contains(
                """
                <ol>
                <li><a href="#the-rule-fx">The rule: <m>f'(x)</m></a>
                <ol>
                <li><a href="#détails">Détails</a></li>
                </ol>
                </li>
                <li><a href="#practice">Practice</a></li>
                </ol>
                """))
    }

    @Test func mathSurvivesMarkdownAndCodeSpansKeepTheirDollars() throws {
        let page = try build([siteLesson("01-derivatives", Self.derivatives)]).page("01-derivatives.html")
        #expect(page.contains("<p>Intro with <m>a_1 &lt; b*c</m> and <code>code $x$</code>.</p>"))
    }

    @Test func printedOutputIsEscapedAndHiddenCodeIsNotShown() throws {
        let lesson = siteLesson(
            "01-derivatives", Self.derivatives,
            outputs: ["<script>alert(1)</script>\n", "from a hidden block\n", ""])
        let page = try build([lesson]).page("01-derivatives.html")
        #expect(page.contains(#"<pre class="output"><samp>&lt;script&gt;alert(1)&lt;/script&gt;"#))
        #expect(!page.contains("<script>"))
        #expect(page.contains("<samp>from a hidden block\n</samp>"))
        #expect(
            !page.contains(#"print(&quot;from a hidden block&quot;)"#)
                && !page.contains(#"print("from a hidden block")"#))
    }

    @Test func anExerciseShowsTitlePointsAndTheStudentEditionsStubButNeverTheSolution() throws {
        let site = try build([siteLesson("01-derivatives", Self.derivatives, outputs: [])])
        let page = site.page("01-derivatives.html")
        #expect(
            page.contains(
                #"<section class="cell exercise" id="Exercise-slope" aria-label="Exercise: Slope at a point">"#))
        #expect(
            page.contains(#"<span class="label">Exercise</span> Slope at a point</p><p class="points">2 points</p>"#))
        #expect(
            page.contains(
                "<hl>func slope() -&gt; Double {\n    // Your code here.\n    return exerciseNotDone(\"slope\")\n}\n</hl>"
            ))
        #expect(!page.contains("BEGIN SOLUTION") && !page.contains("return 2") && !page.contains("Reference solution"))
        #expect(!page.contains("a hidden check") && !page.contains("edition-notice"))
    }

    @Test func whatAnExercisesReferenceSolutionPrintsAndDrawsIsOnlyInTheInstructorsCopy() throws {
        let figure = Figure(name: "answer", caption: "The answer", svg: "<svg/>")
        let lesson = siteLesson(
            "01-derivatives", Self.derivatives, outputs: ["", "", "slope is 2\n"], figures: [[], [], [figure]])
        let site = try build([lesson])
        #expect(
            !site.page("01-derivatives.html").contains("slope is 2")
                && !site.page("01-derivatives.html").contains("answer"))
        #expect(site.files["01-derivatives/answer.svg"] == nil)
        let copy = try Site.build(
            [lesson], edition: .instructor, typesetter: FakeTypesetter(), highlighter: FakeHighlighter())
        #expect(copy.page("01-derivatives.html").contains("<samp>slope is 2\n</samp>"))
        #expect(
            copy.page("01-derivatives.html").contains(
                ##"<a class="figure-number" href="#Figure-answer">Figure 1.</a> The answer"##))
        #expect(copy.files["01-derivatives/answer.svg"] != nil)
    }

    @Test func theInstructorsCopyShowsSolutionsAndHiddenChecksAndSaysSoOnEveryPage() throws {
        let lesson = siteLesson("01-derivatives", Self.derivatives, outputs: [])
        let site = try Site.build(
            [lesson], edition: .instructor, typesetter: FakeTypesetter(), highlighter: FakeHighlighter())
        let page = site.page("01-derivatives.html")
        #expect(
            page.contains(
                "<p class=\"cell-label\">Reference solution</p>\n<pre class=\"code\"><code class=\"language-swift\"><hl>func slope() -&gt; Double {\n    // BEGIN SOLUTION\n    return 2"
            ))
        #expect(
            page.contains(
                "Hidden check (not in the student edition) for <a href=\"#Exercise-slope\">exercise slope</a>"))
        #expect(page.contains(#"LessonRuntime.check(slope() == 2, "a hidden check")"#))
        for path in ["index.html", "01-derivatives.html"] {
            #expect(
                site.page(path).contains(#"<p class="edition-notice" role="note"><strong>Instructor's copy:</strong>"#),
                "\(path)")
            #expect(site.page(path).contains(#"<meta name="robots" content="noindex, nofollow">"#), "\(path)")
        }
    }

    @Test func aFailingBlockIsMarkedInWordsWithItsDiagnostic() throws {
        let failure = Diagnostic(file: "lessons/01-derivatives.md", line: 12, "output differs")
        let lesson = siteLesson(
            "01-derivatives", Self.derivatives, outputs: ["wrong\n"], statuses: [.failed([failure])])
        let site = try build([lesson])
        let page = site.page("01-derivatives.html")
        #expect(page.contains(#"<div class="cell spec failed" id="L9">"#))
        #expect(page.contains("<strong>✗ Failed.</strong>"))
        #expect(page.contains("lessons/01-derivatives.md:12:1: error: output differs"))
        #expect(page.contains(##"<strong>✗ 1 block fails:</strong> <a href="#L9">line 9</a>."##))
        #expect(site.page("index.html").contains("✗ 1 of 4 blocks fail."))
    }

    @Test func rawHTMLPassesThrough() throws {
        let page = try build([siteLesson("01-derivatives", Self.derivatives)]).page("01-derivatives.html")
        #expect(page.contains("<p><kbd>raw</kbd> HTML stays.</p>"))
    }

    @Test func figuresAreWrittenBesideThePageWithCaptions() throws {
        let figure = Figure(name: "slope", caption: "The slope <at> x", svg: "<svg/>")
        let chart = Figure(
            name: "chart", caption: "A chart",
            svg: "<svg><title>T</title><desc>Line chart. x &lt; 2 &amp; \"y\"</desc></svg>")
        let site = try build([
            siteLesson("01-derivatives", Self.derivatives, outputs: [""], figures: [[figure, chart]])
        ])
        #expect(site.files["01-derivatives/slope.svg"] == Data("<svg/>".utf8))
        let page = site.page("01-derivatives.html")
        #expect(
            page.contains(
                ##"<img src="01-derivatives/slope.svg" alt="The slope &lt;at&gt; x"><figcaption><a class="figure-number" href="#Figure-slope">Figure 1.</a> The slope &lt;at&gt; x</figcaption>"##
            ))
        // A chart's own description of what it shows is its alt text.
        #expect(
            page.contains(
                ##"<img src="01-derivatives/chart.svg" alt="Line chart. x &lt; 2 &amp; &quot;y&quot;"><figcaption><a class="figure-number" href="#Figure-chart">Figure 2.</a> A chart</figcaption>"##
            ))
    }

    @Test func displayEquationsAreNumberedAndLinkable() throws {
        let source =
            "---\ntitle: A\n---\nInline $a$, then\n\n$$x = 1$$\n\nand\n\n$$y = 2$$\n\nas [(2)](#Equation-2) says.\n"
        let site = try build([siteLesson("01-a", source)])
        let page = site.page("01-a.html")
        #expect(
            page.contains(
                ##"<span class="equation" id="Equation-1"><m display>x = 1</m><a class="equation-number" href="#Equation-1">(1)</a></span>"##
            ))
        #expect(
            page.contains(
                ##"<span class="equation" id="Equation-2"><m display>y = 2</m><a class="equation-number" href="#Equation-2">(2)</a></span>"##
            ))
        #expect(!page.contains("Equation-3") && site.diagnostics.isEmpty, "\(site.messages)")
    }

    @Test func theNavigationListsEveryLessonAndTheCurrentOnesSections() throws {
        let lessons = [
            siteLesson("01-a", "---\ntitle: A\n---\n## First\n\n### Inner\n\n## Second\n"),
            siteLesson("02-b", "---\ntitle: B\n---\n## Elsewhere\n"),
        ]
        let page = try build(lessons).page("01-a.html")
        #expect(
            page.contains(
                """
                <ol>
                <li class="current"><a href="01-a.html" aria-current="page"><span class="lesson-number">1</span> A</a>
                <ol>
                <li><a href="#first">First</a></li>
                <li><a href="#second">Second</a></li>
                </ol>
                </li>
                <li><a href="02-b.html"><span class="lesson-number">2</span> B</a></li>
                </ol>
                </nav>
                </div>
                """))
        #expect(!page.contains("#elsewhere") && !page.contains("<script"))
    }

    @Test func pagesLinkToTheirNeighbours() throws {
        let lessons = ["01-a", "02-b", "03-c"].map { siteLesson($0, "---\ntitle: \($0)\n---\nText.\n") }
        let site = try build(lessons)
        #expect(
            site.page("02-b.html").contains(
                #"<a rel="prev" href="01-a.html"><span class="pager-label">← Previous</span> 01-a</a>"#))
        #expect(
            site.page("02-b.html").contains(
                #"<a rel="next" href="03-c.html"><span class="pager-label">Next →</span> 03-c</a>"#))
        #expect(!site.page("01-a.html").contains(#"rel="prev""#))
        #expect(site.page("index.html").contains(#"<a href="03-c.html"><span class="lesson-number">3</span> 03-c</a>"#))
    }

    @Test func summariesAreInlineMarkdownWithMath() throws {
        let lesson = siteLesson("01-a", "---\ntitle: A\nsummary: Where *slopes* vanish, $f'(x) = 0$.\n---\nText.\n")
        let site = try build([lesson])
        #expect(
            site.page("01-a.html").contains(#"<p class="summary">Where <em>slopes</em> vanish, <m>f'(x) = 0</m>.</p>"#))
        #expect(site.page("index.html").contains("<p>Where <em>slopes</em> vanish, <m>f'(x) = 0</m>.</p>"))
        #expect(site.page("index.html").contains("katex.min.css"))
    }

    @Test func aFormulaInTheSummaryIsPlacedOnItsLine() throws {
        let site = try build([siteLesson("01-a", "---\ntitle: A\nsummary: Bad $\\bad$.\n---\n")])
        #expect(site.messages == ["lessons/01-a.md:3:14: error: math: Undefined control sequence: \\bad"])
    }

    @Test func theSameInputsGiveTheSameBytes() throws {
        let lessons = [siteLesson("01-derivatives", Self.derivatives, outputs: ["a\n", "b\n", ""])]
        #expect(try build(lessons).files == (try build(lessons).files))
    }
}
