import Foundation
import LessonParser
import Testing

@testable import SiteRenderer

/// One small lesson's page, whole: the layout, header, prose, cell and pager in one literal.
@Suite struct WholePageTests {
    @Test func aSmallLessonsPage() throws {
        let first = siteLesson(
            "01-one",
            """
            ---
            title: One
            summary: A first step.
            ---
            Let $x = 1$.

            ```swift spec
            print(x)
            ```
            """, outputs: ["1\n"])
        let second = siteLesson("02-two", "---\ntitle: Two\n---\nMore.\n")
        #expect(
            try build([first, second]).page("01-one.html") == """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="color-scheme" content="light dark">
                <title>One · Course</title>
                <meta name="description" content="A first step.">
                <link rel="stylesheet" href="katex/katex.min.css">
                <link rel="stylesheet" href="style.css">
                </head>
                <body>
                <a class="skip" href="#Main">Skip to content</a>
                <header class="site-header"><a class="site-title" href="index.html">Course</a></header>
                <div class="page">
                <main id="Main">
                <article class="lesson">
                <header class="lesson-header">
                <p class="lesson-number">Lesson 1</p>
                <h1>One</h1>
                <p class="summary">A first step.</p>
                </header>
                <div class="lesson-body">
                <p>Let <m>x = 1</m>.</p>
                <div class="cell spec" id="L7">
                <pre class="code"><code class="language-swift"><hl>print(x)
                </hl></code></pre>
                <pre class="output"><samp>1
                </samp></pre>
                </div>
                </div>
                </article>
                <nav class="pager" aria-label="Lessons">
                <span></span> <a rel="next" href="02-two.html"><span class="pager-label">Next →</span> Two</a>
                </nav>
                </main>
                <nav class="sidebar" id="Course" aria-labelledby="Course-title">
                <h2 class="sidebar-title" id="Course-title"><a href="index.html">Course</a></h2>
                <ol>
                <li class="current"><a href="01-one.html" aria-current="page"><span class="lesson-number">1</span> One</a></li>
                <li><a href="02-two.html"><span class="lesson-number">2</span> Two</a></li>
                </ol>
                </nav>
                </div>
                <footer class="site-footer">
                <p>Every output and figure on these pages was computed by the code beside it when the site was built with <code>descent build</code>.</p>
                </footer>
                </body>
                </html>

                """)
    }

    @Test func overriddenParametersAreAnnouncedOnThePage() throws {
        var lesson = siteLesson(
            "01-one", "---\ntitle: One\nparams:\n  rate: 0.5\n---\n```swift spec\nprint(params.rate)\n```\n",
            outputs: ["0.9\n"])
        lesson.run?.overrides = [Parameter(name: "rate", value: .number(0.9), line: 4)]
        let page = try build([lesson]).page("01-one.html")
        #expect(
            page.contains(
                "<strong>Parameters overridden:</strong> outputs and figures below were computed with <code>rate = 0.9</code>"
            ))
    }
}
