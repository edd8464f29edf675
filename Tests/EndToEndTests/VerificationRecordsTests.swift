import Foundation
import Testing

/// `descent test` verifies an instructor's exercises as `release` would (each reference
/// solution and stub graded); a lesson verified sound is not graded again until something
/// grading reads changes.
@Suite struct VerificationRecordsTests {
    /// A course whose one lesson has an exercise with a solution region and a check; a
    /// comment of its own makes it one no earlier run verified.
    static func course(check: String) throws -> URL {
        let folder = try DescentBinary.copyOfFixture("empty-course")
        let lessons = folder.appendingPathComponent("lessons")
        try FileManager.default.createDirectory(at: lessons, withIntermediateDirectories: true)
        try lesson(check: check).write(to: lessons.appendingPathComponent("x.md"), atomically: true, encoding: .utf8)
        return folder
    }

    static let marker = UUID().uuidString

    static func lesson(check: String, prose: String = "") -> String {
        """
        ---
        title: Verified once
        ---
        ```swift exercise id=double points=1
        // \(marker)
        func double(_ x: Int) -> Int {
            // BEGIN SOLUTION
            return 2 * x
            // END SOLUTION
        }
        ```

        ```swift check exercise=double
        \(check)
        ```
        \(prose)
        """
    }

    @Test func aSoundLessonIsGradedOnceAndAChangedCheckAgain() throws {
        let folder = try Self.course(check: "LessonRuntime.checkEqual(double(2), 4)")
        let first = try DescentBinary.run(["test", "--stats"], in: folder)
        #expect(first.status == 0, "\(first.stdout)\(first.stderr)")
        #expect(try CourseDriverTests.stats(first).programRuns >= 2, "\(first.stderr)")

        // Prose after the blocks: the lesson's own run is recorded, its exercises verified.
        let file = folder.appendingPathComponent("lessons/x.md")
        try Self.lesson(check: "LessonRuntime.checkEqual(double(2), 4)", prose: "\nMore prose.\n")
            .write(to: file, atomically: true, encoding: .utf8)
        let again = try DescentBinary.run(["test", "--stats"], in: folder)
        #expect(again.status == 0, "\(again.stdout)\(again.stderr)")
        #expect(try CourseDriverTests.stats(again).programRuns == 0, "\(again.stderr)")

        // A check the stub passes too (only grading finds that out) is graded, and the
        // stub reported.
        try Self.lesson(check: "LessonRuntime.check(1 + 1 == 2, \"always\")").write(
            to: file, atomically: true, encoding: .utf8)
        let changed = try DescentBinary.run(["test", "--stats"], in: folder)
        #expect(changed.status == 1, "\(changed.stdout)\(changed.stderr)")
        #expect(
            changed.stdout.contains("x.md:4:1: error: the stub of exercise double passes every check"),
            "\(changed.stdout)")
    }
}
