import Foundation
import Testing

/// A lesson whose parameter offers the reader choices: `descent build` renders, beneath each
/// block that depends on it, what the block shows with each choice, byte for byte what
/// `descent figures LESSON --set NAME=VALUE` draws; blocks that do not depend on it are
/// rendered once; the page switches with CSS alone.
@Suite struct ChoicesTests {
    @Test func eachChoiceShowsWhatFiguresDrawsWithIt() throws {
        let folder = try DescentBinary.copyOfFixture("choices")
        defer { try? FileManager.default.removeItem(at: folder) }
        let site = folder.appendingPathComponent("site")
        let build = try DescentBinary.run(["build", "--lessons", folder.path, "--out", site.path])
        #expect(build.status == 0, "\(build.stdout)\(build.stderr)")
        #expect(build.stdout.contains("/01-line.html: "))
        #expect(build.stdout.contains("kB with its figures and 2 choices"))
        let page = try String(contentsOf: site.appendingPathComponent("01-line.html"), encoding: .utf8)
        #expect(!page.lowercased().contains("<script"))
        #expect(page.contains("<fieldset class=\"choices\" id=\"Choices\" aria-describedby=\"Choices-note\">\n<legend>"))
        #expect(page.contains("<input type=\"radio\" name=\"choice\" id=\"Choice-0\" checked>"))
        // The block that only counts the points depends on no choice.
        #expect(Self.element(in: page, startingWith: "<div class=\"cell spec\" id=\"L30\">")?.contains("variant") == false)

        for (value, shown) in [("0.5", "0.5"), ("3", "3.0")] {
            let number = try #require(Self.choiceNumber(of: shown, in: page), "no button for \(shown)")
            let redraw = folder.appendingPathComponent("site-\(value)")
            let figures = try DescentBinary.run(["figures", "01-line", "--lessons", folder.path, "--out", redraw.path,
                                                 "--set", "slope=\(value)"])
            #expect(figures.status == 0, "\(figures.stdout)\(figures.stderr)")
            let redrawn = try String(contentsOf: redraw.appendingPathComponent("01-line.html"), encoding: .utf8)

            let variants = Self.variants(in: page, choice: number)
            #expect(variants.count == 2, "the output of L10 and the figure of L22")
            // The output beneath the first block.
            let expectedOutput = try #require(Self.element(in: redrawn, startingWith: "<div class=\"cell spec\" id=\"L10\">"))
            #expect(Self.samp(in: variants[0]) != nil)
            #expect(Self.samp(in: variants[0]) == Self.samp(in: expectedOutput))
            // The figure beneath the second, which reads no parameter but draws the first's values.
            let source = try #require(Self.imageSource(in: variants[1]))
            let drawn = try Data(contentsOf: site.appendingPathComponent(source))
            #expect(drawn == (try Data(contentsOf: redraw.appendingPathComponent("01-line/line.svg"))))
            #expect(drawn != (try Data(contentsOf: site.appendingPathComponent("01-line/line.svg"))))
        }
    }

    /// Checks run with every choice; one that fails is reported with the choice at its line,
    /// shown on the page beneath the choice's output, and fails the build.
    @Test func aFailingChoiceFailsTheBuild() throws {
        let folder = try DescentBinary.copyOfFixture("choices-failing")
        defer { try? FileManager.default.removeItem(at: folder) }
        let site = folder.appendingPathComponent("site")
        let build = try DescentBinary.run(["build", "--lessons", folder.path, "--out", site.path])
        #expect(build.status != 0)
        let file = folder.appendingPathComponent("01-count.md").path
        #expect(build.stdout.contains("\(file):10:1: error: with n = -1 (a reader's choice): n must be positive"), "\(build.stdout)")
        #expect(build.stdout.contains("1 blocks passed, 1 failed"), "\(build.stdout)")
        let page = try String(contentsOf: site.appendingPathComponent("01-count.html"), encoding: .utf8)
        let alternative = try #require(Self.variants(in: page, choice: 1).first)
        #expect(alternative.contains("n = -1"))
        #expect(alternative.contains("✗ Failed."))
    }

    /// The number of the radio button labelled `value`.
    static func choiceNumber(of value: String, in page: String) -> Int? {
        let pattern = try! Regex(#"<label for="Choice-(\d+)"><code>([^<]*)</code></label>"#)
        return page.matches(of: pattern).first { $0.output[2].substring == Substring(value) }
            .flatMap { Int($0.output[1].substring ?? "") }
    }

    /// The alternatives shown when button `number` is checked, in page order.
    static func variants(in page: String, choice number: Int) -> [String] {
        page.components(separatedBy: "<div class=\"variant alternative ").dropFirst()
            .filter { $0.prefix { $0 != "\"" }.split(separator: " ").contains("on-Choice-\(number)") }
            .map { String($0.prefix { $0 != "\u{0}" }.components(separatedBy: "</div>")[0]) }
    }

    /// The element that starts with `start`, up to its first `</div>` (cells hold no other div
    /// when they have no alternatives).
    static func element(in page: String, startingWith start: String) -> String? {
        page.range(of: start).map { String(page[$0.lowerBound...].components(separatedBy: "</div>")[0]) }
    }

    static func samp(in html: String) -> String? {
        guard let start = html.range(of: "<samp>"), let end = html.range(of: "</samp>", range: start.upperBound..<html.endIndex)
        else { return nil }
        return String(html[start.upperBound..<end.lowerBound])
    }

    static func imageSource(in html: String) -> String? {
        guard let start = html.range(of: "<img src=\""), let end = html.range(of: "\"", range: start.upperBound..<html.endIndex)
        else { return nil }
        return String(html[start.upperBound..<end.lowerBound])
    }
}
