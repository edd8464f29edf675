import Foundation
import Testing

/// The course's public site gives no graded answer away: no page built from `lessons/`
/// holds the text of a reference solution or of a hidden check. The instructor's copy
/// (`--solutions`) holds both, and says so on every page.
///
/// What counts as a solution or a hidden check is read from the lesson files here, by their
/// markers and fences, independently of the tool's parser.
@Suite struct SolutionsTests {
    static let lessons = DescentBinary.packageRoot.appendingPathComponent("lessons")

    /// Builds the course in `lessons/` into a fresh folder; `extra` are further arguments.
    static func build(_ extra: [String]) -> Result<URL, any Error> {
        Result {
            let out = FileManager.default.temporaryDirectory.appendingPathComponent("descent-site-\(UUID().uuidString)")
            let result = try DescentBinary.run(["build", "--lessons", lessons.path, "--out", out.path] + extra)
            guard result.status == 0 else { throw BuildFailed(output: result.stdout + result.stderr) }
            return out
        }
    }

    static let publicSite = build([])
    static let instructorsCopy = build(["--solutions"])

    @Test func noPageOfThePublicSiteHoldsASolutionOrAHiddenCheck() throws {
        let site = try Self.publicSite.get()
        let secrets = try Self.secrets()
        #expect(secrets.count >= 4, "the course should have solutions and hidden checks to hide")
        for (page, text) in try Self.pageTexts(site) {
            for secret in secrets {
                #expect(!text.contains(secret.text), "\(page) shows \(secret.what)")
            }
        }
    }

    @Test func theInstructorsCopyHoldsEveryOneAndSaysSoOnEveryPage() throws {
        let site = try Self.instructorsCopy.get()
        let pages = try Self.pageTexts(site)
        for secret in try Self.secrets() {
            #expect(pages.values.contains { $0.contains(secret.text) }, "no page shows \(secret.what)")
        }
        for (page, text) in pages {
            #expect(text.contains("Instructor's copy: these pages show the reference solutions"), "\(page)")
        }
    }

    @Test func theInstructorsCopyIsNeverWrittenIntoThePublicSitesFolder() throws {
        let result = try DescentBinary.run(
            ["build", "--lessons", Self.lessons.path, "--solutions"],
            in: FileManager.default.temporaryDirectory)
        #expect(result.status != 0)
        #expect(result.stderr.contains("give it a folder of its own with --out DIR"), "\(result.stderr)")
    }
}

private struct BuildFailed: Error, CustomStringConvertible {
    var output: String
    var description: String { "descent build failed:\n\(output)" }
}

private extension SolutionsTests {
    /// Every solution region (the lines between its markers) and every hidden check block
    /// (its content) of every lesson, with what it is.
    static func secrets() throws -> [(what: String, text: String)] {
        var found: [(String, String)] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: lessons.path).sorted()
        where name.hasSuffix(".md") {
            let lines = try String(contentsOf: lessons.appendingPathComponent(name), encoding: .utf8)
                .split(separator: "\n", omittingEmptySubsequences: false)
            var start: Int?, hiddenCheck: Int?
            for (index, line) in lines.enumerated() {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                if trimmed == "// BEGIN SOLUTION" {
                    start = index + 1
                } else if trimmed == "// END SOLUTION", let first = start {
                    found.append(("the solution at \(name):\(first)", lines[first..<index].joined(separator: "\n")))
                    start = nil
                } else if trimmed.hasPrefix("```swift check"), trimmed.split(separator: " ").contains("hidden") {
                    hiddenCheck = index + 1
                } else if trimmed == "```", let first = hiddenCheck {
                    found.append(("the hidden check at \(name):\(first)", lines[first..<index].joined(separator: "\n")))
                    hiddenCheck = nil
                }
            }
        }
        return found
    }

    /// The text of every HTML page of `site` (tags removed, entities read), by its name.
    static func pageTexts(_ site: URL) throws -> [String: String] {
        var texts: [String: String] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: site.path) where name.hasSuffix(".html") {
            let html = try String(contentsOf: site.appendingPathComponent(name), encoding: .utf8)
            let text = html.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
            let entities = [
                ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&#x27;", "'"), ("&amp;", "&"),
            ]
            texts[name] = entities.reduce(text) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
        }
        return texts
    }
}
