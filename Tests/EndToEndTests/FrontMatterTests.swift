import Foundation
import Testing

/// A front matter YAML cannot read gives one error, at the line and column of the problem,
/// and nothing that follows from it (no missing title, no unknown `params` member).
@Suite struct FrontMatterTests {
    @Test func eachProblemIsOneErrorAtItsPlace() throws {
        let result = try DescentBinary.run(["test", "--lessons", "front-matter"], in: DescentBinary.fixture(""))
        #expect(result.status == 1)
        #expect(
            result.stdout == """
                front-matter/duplicate-key.md:6:3: error: duplicate key 'rate' (first given on line 4)
                front-matter/tab-indent.md:4:1: error: malformed front matter: YAML is indented with spaces, not tabs
                front-matter/unclosed-list.md:7:10: error: malformed front matter: did not find expected ',' or ']' (while parsing a flow sequence that starts here)
                front-matter/unclosed.md:1:1: error: the front matter is never closed: add a line '---' after it (before line 5)
                front-matter/wrong-type.md:4:15: error: parameter 'start' is a list, and a list may hold only numbers
                0 passed, 5 failed

                """, "\(result.stdout)")
    }

    /// The site does not add that the lessons have no title: they have one, YAML could not say.
    @Test func theSiteDoesNotReportAMissingTitle() throws {
        let folder = try DescentBinary.copyOfFixture("front-matter")
        defer { try? FileManager.default.removeItem(at: folder) }
        let site = folder.appendingPathComponent("site").path
        let result = try DescentBinary.run(["build", "--lessons", folder.path, "--out", site])
        #expect(result.status == 1)
        #expect(!result.stdout.contains("no title"), "\(result.stdout)")
        #expect(result.stdout.split(separator: "\n").filter { $0.contains(": error: ") }.count == 5, "\(result.stdout)")
    }
}
