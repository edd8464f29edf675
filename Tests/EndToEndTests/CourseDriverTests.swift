import Foundation
import Testing

/// What the course driver promises the commands: one program per lesson however its path
/// is typed, and lessons run in parallel without changing a byte of what is written.
@Suite struct CourseDriverTests {
    /// The numbers of the `--stats` line: compiler runs and lesson program runs.
    static func stats(_ result: DescentBinary.Result) throws -> (compilerRuns: Int, programRuns: Int) {
        let line = try #require(result.stderr.split(separator: "\n").last { $0.hasPrefix("stats: ") })
        let match = try #require(line.firstMatch(of: #/compiler runs (\d+) \([0-9.]+ s\), lesson program runs (\d+) /#))
        return (Int(match.1)!, Int(match.2)!)
    }

    /// A course folder whose `lessons/x.md` has one block whose last expected line is wrong;
    /// a comment of its own makes its program one that no earlier run compiled.
    static func courseWithFailingLesson() throws -> URL {
        let folder = try DescentBinary.copyOfFixture("empty-course")
        let lessons = folder.appendingPathComponent("lessons")
        try FileManager.default.createDirectory(at: lessons, withIntermediateDirectories: true)
        let lesson = """
            ---
            title: Named three ways
            ---
            ```swift spec
            // \(UUID().uuidString)
            print("one")
            print("two")
            ```

            ```output
            one
            three
            ```

            """
        try lesson.write(to: lessons.appendingPathComponent("x.md"), atomically: true, encoding: .utf8)
        return folder
    }

    @Test func aLessonNamedThreeWaysIsCompiledOnceAndReportedAsTyped() throws {
        let folder = try Self.courseWithFailingLesson()
        let absolute = folder.appendingPathComponent("lessons/x.md").path
        var compilerRuns: [Int] = []
        var programRuns: [Int] = []
        for typed in ["lessons/x.md", "./lessons/x.md", absolute] {
            let result = try DescentBinary.run(["test", typed, "--stats"], in: folder)
            #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
            // Diagnostics name the lesson as it was typed, at the line that differs.
            #expect(result.stdout.contains("\(typed):12:2: error: output differs"), "\(result.stdout)")
            let stats = try Self.stats(result)
            compilerRuns.append(stats.compilerRuns)
            programRuns.append(stats.programRuns)
        }
        // The first run compiles the lesson (and, in a fresh build folder, the libraries);
        // the other two find its program and its recorded run.
        #expect(compilerRuns[0] >= 1 && compilerRuns.dropFirst() == [0, 0], "\(compilerRuns)")
        #expect(programRuns == [1, 0, 0], "\(programRuns)")
    }

    @Test func aLessonNamedTwiceInOneCommandRunsOnce() throws {
        let folder = try Self.courseWithFailingLesson()
        let result = try DescentBinary.run(["test", "lessons/x.md", "./lessons/x.md", "x"], in: folder)
        #expect(result.stdout.components(separatedBy: "error: output differs").count == 2, "\(result.stdout)")
        #expect(result.stdout.hasSuffix("0 passed, 1 failed\n"), "\(result.stdout)")
    }

    @Test func buildsWithOneJobAndWithTwoWriteTheSameBytes() throws {
        var sites: [[String: Data]] = []
        var outputs: [String] = []
        for jobs in ["1", "2"] {
            let folder = try DescentBinary.copyOfFixture("figures")
            // A run is recorded per OPENBLAS_* setting (see RunRecords): a value of its own
            // makes each build run every lesson program instead of reusing the other's runs.
            let result = try DescentBinary.run(
                ["build", "--lessons", ".", "--out", "site", "--jobs", jobs, "--stats"], in: folder,
                environment: ["OPENBLAS_DESCENT_TEST_RUN": UUID().uuidString])
            #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
            #expect(try Self.stats(result).programRuns >= 2, "\(result.stderr)")
            sites.append(try DescentBinary.files(in: folder.appendingPathComponent("site")))
            outputs.append(result.stdout)
        }
        #expect(sites[0].keys.contains("01-line.html") && sites[0].keys.contains("02-other.html"))
        #expect(sites[0].keys.sorted() == sites[1].keys.sorted())
        for (path, bytes) in sites[0] {
            #expect(sites[1][path] == bytes, "\(path) differs between -j 1 and -j 2")
        }
        #expect(outputs[0] == outputs[1])
    }

    @Test func jobsMustBeAtLeastOne() throws {
        let result = try DescentBinary.run(["test", "--jobs", "0"])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--jobs must be at least 1"), "\(result.stderr)")
    }
}
