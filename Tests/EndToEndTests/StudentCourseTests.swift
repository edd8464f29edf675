import Foundation
import Testing

/// The student course released from `lessons/` gives no graded answer away: no file in it,
/// the shipped sources of the core included, holds a line of a reference solution or of a
/// hidden check (read from the lesson files by their markers and fences, as in
/// `SolutionsTests`), and it holds what a student needs.
@Suite struct StudentCourseTests {
    static let lessons = DescentBinary.packageRoot.appendingPathComponent("lessons")

    static let release = Result {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("descent-course-\(UUID().uuidString)")
        let result = try DescentBinary.run(["release", "--lessons", lessons.path, "--out", out.path])
        guard result.status == 0 else { throw ReleaseFailed(output: result.stdout + result.stderr) }
        return out
    }

    /// A line as compared: trimmed, runs of white space as one space.
    static func normalised(_ line: Substring) -> String {
        line.split(whereSeparator: \.isWhitespace).joined(separator: " ")
    }

    /// The lines of every solution region and hidden check that appear nowhere else in the
    /// lessons and are at least 10 characters long (so `}` and `do {` are not secrets), with
    /// where each comes from.
    static func secretLines() throws -> [String: String] {
        var secret: [String: String] = [:]
        var open: Set<String> = []
        for name in try FileManager.default.contentsOfDirectory(atPath: lessons.path).sorted()
        where name.hasSuffix(".md") {
            let lines = try String(contentsOf: lessons.appendingPathComponent(name), encoding: .utf8)
                .split(separator: "\n", omittingEmptySubsequences: false)
            var inSolution = false, inHiddenCheck = false
            for (index, line) in lines.enumerated() {
                let trimmed = line.trimmingCharacters(in: .whitespaces)
                let isSecret = inSolution || inHiddenCheck
                if trimmed == "// BEGIN SOLUTION" {
                    inSolution = true
                } else if trimmed == "// END SOLUTION" {
                    inSolution = false
                } else if trimmed.hasPrefix("```swift check"), trimmed.split(separator: " ").contains("hidden") {
                    inHiddenCheck = true
                } else if trimmed == "```" && inHiddenCheck {
                    inHiddenCheck = false
                } else if isSecret {
                    let key = normalised(line)
                    if secret[key] == nil { secret[key] = "\(name):\(index + 1)" }
                } else {
                    open.insert(normalised(line))
                }
            }
        }
        return secret.filter { $0.key.count >= 10 && !open.contains($0.key) }
    }

    /// Each text file of `folder` as normalised lines (HTML with its tags removed and
    /// entities read), by path.
    static func lines(in folder: URL) throws -> [String: Set<String>] {
        try DescentBinary.files(in: folder).mapValues { data in
            var text = String(decoding: data, as: UTF8.self)
            if text.contains("<html") {
                text = text.replacingOccurrences(of: "<[^>]*>", with: "", options: .regularExpression)
                for (entity, character) in [
                    ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&#39;", "'"), ("&#x27;", "'"), ("&amp;", "&"),
                ] {
                    text = text.replacingOccurrences(of: entity, with: character)
                }
            }
            return Set(text.split(separator: "\n").map(normalised))
        }
    }

    @Test func noFileOfTheStudentCourseHoldsASolutionOrAHiddenCheck() throws {
        let course = try Self.release.get()
        let secrets = try Self.secretLines()
        #expect(secrets.count >= 20, "the course should have solutions and hidden checks to hide")
        // The scan finds them where they are: in the instructor's lessons.
        let instructors = try Self.lines(in: Self.lessons).values.reduce(into: Set<String>()) { $0.formUnion($1) }
        #expect(secrets.keys.allSatisfy(instructors.contains))
        let files = try Self.lines(in: course)
        #expect(files.keys.contains("Sources/DescentCore/NumericalDerivatives.swift"))
        #expect(files.keys.contains("site/01-derivatives.html"))
        for (path, lines) in files.sorted(by: { $0.key < $1.key }) {
            for (line, origin) in secrets where lines.contains(line) {
                Issue.record("\(path) holds '\(line)' (from \(origin))")
            }
        }
    }

    @Test func theCourseHoldsWhatAStudentNeeds() throws {
        let course = try Self.release.get()
        let files = try DescentBinary.files(in: course)
        for lesson in try FileManager.default.contentsOfDirectory(atPath: Self.lessons.path) {
            #expect(files["lessons/" + lesson] != nil, "lessons/\(lesson) is missing")
        }
        let readme = String(decoding: try #require(files["README.md"]), as: UTF8.self)
        #expect(readme.hasPrefix("# Descent: your copy\n"))
        #expect(readme.contains("lessons/01-derivatives.md:533:1: error: Exercise central-difference is not done yet"))
        #expect(!files.keys.contains { $0.hasPrefix("Tests/") || $0.hasPrefix(".ci/") })
    }
}

private struct ReleaseFailed: Error, CustomStringConvertible {
    var output: String
    var description: String { "descent release failed:\n\(output)" }
}
