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
        #expect(
            page.contains("<fieldset class=\"choices\" id=\"Choices\" aria-describedby=\"Choices-note\">\n<legend>"))
        #expect(page.contains("<input type=\"radio\" name=\"choice\" id=\"Choice-0\" checked>"))
        // The block that only counts the points depends on no choice; the one that draws the
        // figure reads no parameter but draws the first block's values.
        #expect(!Self.blocks(of: page)["L30", default: "?"].contains("variant"))
        #expect(Self.blocks(of: page)["L22", default: ""].contains("variant alternative"))
        try Self.expectEveryChoiceAsRedrawn(lesson: "01-line", lessons: folder, site: site, scratch: folder, choices: 2)
    }

    /// Lesson 2 of the course: what its page shows with each choice is what `descent figures
    /// 02-gradient-descent --set …` draws.
    @Test func lessonTwoShowsWhatFiguresDraws() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "descent-choices-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let lessons = folder.appendingPathComponent("lessons")
        try FileManager.default.createDirectory(at: lessons, withIntermediateDirectories: true)
        try FileManager.default.copyItem(
            at: DescentBinary.packageRoot.appendingPathComponent("lessons/02-gradient-descent.md"),
            to: lessons.appendingPathComponent("02-gradient-descent.md"))
        let site = folder.appendingPathComponent("site")
        let build = try DescentBinary.run(["build", "--lessons", lessons.path, "--out", site.path])
        #expect(build.status == 0, "\(build.stdout)\(build.stderr)")
        try Self.expectEveryChoiceAsRedrawn(
            lesson: "02-gradient-descent", lessons: lessons, site: site, scratch: folder, choices: nil)
    }

    /// For every choice on the lesson's page: every block shows, with that button checked,
    /// the same output text and the same figure bytes as the page `descent figures LESSON
    /// --set NAME=VALUE` writes (into a folder of `scratch`).
    static func expectEveryChoiceAsRedrawn(
        lesson: String, lessons: URL, site: URL, scratch: URL, choices expected: Int?
    ) throws {
        let page = try String(contentsOf: site.appendingPathComponent("\(lesson).html"), encoding: .utf8)
        let choices = Self.choices(in: page)
        #expect(!choices.isEmpty)
        if let expected { #expect(choices.count == expected) }
        let blocks = Self.blocks(of: page)
        for (number, name, value) in choices {
            let redraw = scratch.appendingPathComponent("site-\(number)")
            let figures = try DescentBinary.run([
                "figures", lesson, "--lessons", lessons.path, "--out", redraw.path,
                "--set", "\(name)=\(value)",
            ])
            #expect(figures.status == 0, "\(figures.stdout)\(figures.stderr)")
            let redrawn = Self.blocks(
                of: try String(contentsOf: redraw.appendingPathComponent("\(lesson).html"), encoding: .utf8))
            #expect(redrawn.keys.sorted() == blocks.keys.sorted())
            var alternatives = 0
            for (id, html) in blocks {
                let shown = Self.shown(in: html, choice: number)
                if shown.hasPrefix("<div class=\"variant alternative") { alternatives += 1 }
                let theirs = redrawn[id] ?? ""
                #expect(
                    Self.all("samp", in: shown) == Self.all("samp", in: theirs), "\(lesson) \(id) with \(name)=\(value)"
                )
                let mine = try Self.imageSources(in: shown).map {
                    try Data(contentsOf: site.appendingPathComponent($0))
                }
                let drawn = try Self.imageSources(in: theirs).map {
                    try Data(contentsOf: redraw.appendingPathComponent($0))
                }
                #expect(mine == drawn, "\(lesson) \(id) with \(name)=\(value)")
            }
            #expect(alternatives > 0, "choice \(name)=\(value) changes nothing on the page")
        }
    }

    /// The page's choices: button number, parameter name, and the value as `--set` takes it.
    static func choices(in page: String) -> [(number: Int, name: String, value: String)] {
        var result: [(Int, String, String)] = []
        let groups = page.components(separatedBy: "<fieldset class=\"choice-parameter\">").dropFirst()
        for group in groups {
            let name = String(group.components(separatedBy: "<legend><code>")[1].prefix { $0 != "<" })
            for match in group.components(separatedBy: "</fieldset>")[0].matches(
                of: try! Regex(#"<label for="Choice-(\d+)"><code>([^<]*)</code>"#))
            {
                let value = (match.output[2].substring ?? "").filter { $0 != "[" && $0 != "]" && $0 != " " }
                result.append((Int(match.output[1].substring ?? "") ?? 0, name, value))
            }
        }
        return result
    }

    /// Each block's HTML, by its id (`L41`): from its element to the next block's.
    static func blocks(of page: String) -> [String: String] {
        let body = page.components(separatedBy: "<div class=\"lesson-body\">").last ?? ""
        var blocks: [String: String] = [:]
        for part in body.components(separatedBy: " id=\"L").dropFirst() {
            let id = "L" + part.prefix { $0.isNumber }
            blocks[id] = part
        }
        return blocks
    }

    /// What a block shows when button `number` is checked: its alternative for that choice,
    /// else the results for the lesson's values; the whole block when it has no alternatives.
    static func shown(in block: String, choice number: Int) -> String {
        let variants = block.components(separatedBy: "<div class=\"variant").dropFirst().map {
            "<div class=\"variant" + $0
        }
        guard !variants.isEmpty else { return block }
        let classes = { (variant: String) in
            variant.dropFirst("<div class=\"".count).prefix { $0 != "\"" }.split(separator: " ")
        }
        return variants.first { classes($0).contains("on-Choice-\(number)") }
            ?? variants.first { !classes($0).contains("alternative") } ?? ""
    }

    static func all(_ element: String, in html: String) -> [String] {
        html.components(separatedBy: "<\(element)>").dropFirst().map { $0.components(separatedBy: "</\(element)>")[0] }
    }

    static func imageSources(in html: String) -> [String] {
        html.components(separatedBy: "<img src=\"").dropFirst().map { String($0.prefix { $0 != "\"" }) }
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
        #expect(
            build.stdout.contains("\(file):10:1: error: with n = -1 (a reader's choice): n must be positive"),
            "\(build.stdout)")
        #expect(build.stdout.contains("1 block passed, 1 failed"), "\(build.stdout)")
        let page = try String(contentsOf: site.appendingPathComponent("01-count.html"), encoding: .utf8)
        let alternative = try #require(Self.variants(in: page, choice: 1).first)
        #expect(alternative.contains("n = -1"))
        #expect(alternative.contains("✗ Failed."))
    }

    /// The alternatives shown when button `number` is checked, in page order.
    static func variants(in page: String, choice number: Int) -> [String] {
        page.components(separatedBy: "<div class=\"variant alternative ").dropFirst()
            .filter { $0.prefix { $0 != "\"" }.split(separator: " ").contains("on-Choice-\(number)") }
            .map { String($0.prefix { $0 != "\u{0}" }.components(separatedBy: "</div>")[0]) }
    }
}
