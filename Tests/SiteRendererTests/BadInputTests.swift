import Foundation
import Testing

@testable import SiteRenderer

@Suite struct BadInputTests {
    @Test func aLessonWithoutTitleIsNamedAfterItsFileAndReported() throws {
        let site = try build([siteLesson("02-gradient-descent", "Text only.\n")])
        #expect(
            site.messages == [
                "lessons/02-gradient-descent.md:1:1: error: the front matter has no title; the site calls this lesson 'Gradient descent' (add `title: …` between the `---` lines)"
            ])
        #expect(site.page("02-gradient-descent.html").contains("<h1>Gradient descent</h1>"))
    }

    @Test func linksBetweenLessonsAreRewrittenAndChecked() throws {
        let first = siteLesson(
            "01-a",
            """
            ---
            title: A
            ---
            See [b](02-b.md), [its step](02-b.md#the-step), [a typo](02-b.md#the-stpe),
            [nothing](03-missing.md), [here](#intro) and [the web](https://example.org/x).

            ## Intro
            """)
        let second = siteLesson("02-b", "---\ntitle: B\n---\n## The step\n")
        let site = try build([first, second])
        let page = site.page("01-a.html")
        #expect(page.contains(#"<a href="02-b.html">b</a>"#))
        #expect(page.contains(#"<a href="02-b.html#the-step">its step</a>"#))
        #expect(page.contains(##"<a href="#intro">here</a>"##))
        #expect(page.contains(#"<a href="https://example.org/x">the web</a>"#))
        #expect(
            site.messages == [
                "lessons/01-a.md:4:49: error: link to '02-b.md#the-stpe': lesson '02-b.md' has no heading with anchor '#the-stpe'",
                "lessons/01-a.md:5:1: error: link to '03-missing.md': there is no lesson '03-missing.md' in the course (lessons: 01-a.md, 02-b.md)",
            ])
    }

    @Test func aMissingImageIsReportedWhereItIsUsed() throws {
        let site = try build([siteLesson("01-a", "---\ntitle: A\n---\n\nLook: ![a plot](plots/none.png)\n")])
        #expect(
            site.messages == [
                "lessons/01-a.md:5:7: error: image 'plots/none.png' does not exist (looked for lessons/plots/none.png)"
            ])
    }

    @Test func anImageFromTheWebIsAWarningNotAnError() throws {
        let site = try build([siteLesson("01-a", "---\ntitle: A\n---\n![logo](https://example.org/logo.png)\n")])
        #expect(
            site.messages == [
                "lessons/01-a.md:4:1: warning: image 'https://example.org/logo.png' comes from the web, so the site shows it only online (put the file beside the lesson to ship it with the site)"
            ])
        #expect(!site.hasErrors)
    }

    @Test func aHeadingAnchorUsedTwiceIsNumberedAndReported() throws {
        let site = try build([siteLesson("01-a", "---\ntitle: A\n---\n## Exercise\n\nOne.\n\n## Exercise\n")])
        #expect(site.page("01-a.html").contains(#"<h2 id="exercise-2">Exercise</h2>"#))
        #expect(
            site.messages == [
                "lessons/01-a.md:8:1: error: heading anchor '#exercise' is already used by the heading at line 4; this one gets '#exercise-2' (reword one of them so links stay unambiguous)"
            ])
    }

    @Test func aFormulaTheTypesetterRejectsIsAnErrorAtItsPlace() throws {
        let site = try build([siteLesson("01-a", "---\ntitle: A\n---\nFine $x$, bad $\\bad{y}$.\n")])
        #expect(site.messages == ["lessons/01-a.md:4:15: error: math: Undefined control sequence: \\bad"])
        #expect(
            site.page("01-a.html").contains(
                #"<code class="math-error" title="Undefined control sequence: \bad">$\bad{y}$</code>"#))
    }

    @Test func aLessonWithErrorsIsShownWithThemAndNotRun() throws {
        let site = try build([siteLesson("01-a", "---\ntitle: A\n---\n```swift spec tolerence=1\nprint(1)\n```\n")])
        let page = site.page("01-a.html")
        #expect(page.contains("✗ This lesson has errors and was not run."))
        #expect(
            page.contains("lessons/01-a.md:4:15: error: unknown attribute &#39;tolerence&#39;")
                || page.contains("unknown attribute 'tolerence'"))
        #expect(site.page("index.html").contains("✗ Not run:"))
    }
}
