import Foundation
import Testing

/// `descent test` reports what `build` and `release` would refuse, without writing anything.
@Suite struct CourseChecksTests {
    /// Every error `build` prints about the site, `test` prints too, at the same place.
    @Test func testReportsTheSiteErrorsBuildWould() throws {
        let folder = try DescentBinary.copyOfFixture("site-broken")
        defer { try? FileManager.default.removeItem(at: folder) }
        let tested = try DescentBinary.run(["test"], in: folder)
        let built = try DescentBinary.run(["build", "--out", "built"], in: folder)
        let errors = { (output: String) in output.split(separator: "\n").filter { $0.contains(": error: ") } }
        #expect(tested.status == 1 && built.status == 1)
        #expect(errors(built.stdout).count == 6, "\(built.stdout)")
        #expect(errors(tested.stdout) == errors(built.stdout), "test:\n\(tested.stdout)\nbuild:\n\(built.stdout)")
        #expect(tested.stdout.contains("lessons/02-flawed.md:10:11: error: math: KaTeX parse error"))
        #expect(tested.stdout.hasSuffix("0 passed, 6 failed\n"), "\(tested.stdout)")
        let written = try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        #expect(written == ["built", "lessons"], "test wrote \(written)")
    }

    /// An exercise without a solution region, and a stub that passes, fail `test` as they fail `release`.
    @Test func testReportsWhatReleaseWouldRefuse() throws {
        let result = try DescentBinary.run(["test", "--lessons", "release-checks"], in: DescentBinary.fixture(""))
        #expect(result.status == 1)
        #expect(
            result.stdout == """
                release-checks/01-exercises.md:4:1: error: exercise half has no '// BEGIN SOLUTION' region
                release-checks/01-exercises.md:15:1: error: the stub of exercise sign passes every check; add a check that an unsolved exercise fails
                4 passed, 2 failed

                """, "\(result.stdout)")
    }

    /// A student's copy has no solution regions at all; that is not an error there. An
    /// unfinished exercise is one line, however many checks call its stub.
    @Test func aStudentsCopyIsNotAskedForSolutionsAndAnUnfinishedExerciseIsOneLine() throws {
        let result = try DescentBinary.run(["test", "--lessons", "student-copy"], in: DescentBinary.fixture(""))
        #expect(
            result.stdout == """
                student-copy/01-exercises.md:7:1: error: Exercise half is not done yet
                3 passed, 2 failed

                """, "\(result.stdout)")
    }
}
