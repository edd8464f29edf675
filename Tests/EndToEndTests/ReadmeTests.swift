import Foundation
import Testing

/// The README stays true: its plotting examples run, and it names every option of every
/// command that `--help` lists.
@Suite struct ReadmeTests {
    static let readme = Result {
        try String(contentsOf: DescentBinary.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
    }

    @Test func thePlottingExamplesRun() throws {
        let text = try Self.readme.get()
        let section = try #require(text.range(of: "## Figures"))
        let start = try #require(text.range(of: "```swift\n", range: section.upperBound..<text.endIndex))
        let end = try #require(text.range(of: "```\n", range: start.upperBound..<text.endIndex))
        let folder = try DescentBinary.copyOfFixture("empty-course")
        defer { try? FileManager.default.removeItem(at: folder) }
        let lesson =
            "---\ntitle: The README's figures\n---\n```swift spec\n\(text[start.upperBound..<end.lowerBound])```\n"
        try lesson.write(to: folder.appendingPathComponent("01-figures.md"), atomically: true, encoding: .utf8)
        let result = try DescentBinary.run(["test", "--lessons", folder.path])
        #expect(result.stdout == "1 passed, 0 failed\n", "\(result.stdout)")
    }

    @Test(arguments: ["test", "build", "figures", "serve", "release", "autograder", "grade", "bench"])
    func everyOptionIsDocumented(_ command: String) throws {
        let help = try DescentBinary.run([command, "--help"]).stdout
        let options = help.split(separator: "\n").flatMap { line in
            line.split(separator: " ").filter {
                $0.hasPrefix("--") || ($0.hasPrefix("-") && $0.count == 3 && $0.hasSuffix(","))
            }
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: ",")) }
        }
        #expect(!options.isEmpty)
        let text = try Self.readme.get()
        for option in Set(options) where option != "--help" && option != "-h" {
            #expect(
                text.contains("`\(option)") || text.contains(" \(option)") || text.contains("[\(option)"),
                "README does not name \(command) \(option)")
        }
    }
}
