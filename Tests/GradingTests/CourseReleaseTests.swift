import Foundation
import LessonParser
import LessonRunner
import Testing

@testable import Grading

/// `release` checks both directions before it writes anything.
@Suite struct CourseReleaseTests {
    @Test func theFixtureCourseReleases() throws {
        let release = CourseRelease(lessons: try Fixtures.course)
        let grader = Grader(lessons: release.lessons, executor: try GradingExecutor(sandbox: nil))
        #expect(release.verify(with: grader) == [])
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "descent-release-\(UUID().uuidString)/student")
        defer { try? FileManager.default.removeItem(at: folder.deletingLastPathComponent()) }
        let claimed = try OutputFolder.claim(folder.path, protecting: [], waiting: { _ in })
        try release.write(to: claimed)
        try release.write(to: claimed)  // replaces the previous edition whole
        let text = try String(contentsOf: folder.appendingPathComponent("01-tiny.md"), encoding: .utf8)
        #expect(
            !text.contains("SOLUTION") && !text.contains("exercise=double hidden")
                && !text.contains("exercise=mean hidden") && !text.contains("params.scale * x"))
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.deletingLastPathComponent().path) == ["student"])
    }

    @Test func aWrongReferenceAndAStubThatPassesAreReported() throws {
        let text = """
            # Broken exercises

            ```swift exercise id=wrong points=1 timeout=5
            func wrong() -> Int {
                // BEGIN SOLUTION
                return 41
                // END SOLUTION
            }
            ```

            ```swift check exercise=wrong timeout=5
            LessonRuntime.checkEqual(wrong(), 42)
            ```

            ```swift exercise id=lenient points=1 timeout=5
            func lenient() -> Int {
                // BEGIN SOLUTION
                return 1
                // END SOLUTION
            }
            ```

            ```swift check exercise=lenient timeout=5
            LessonRuntime.check(true)
            ```
            """
        let lesson = LessonReader.parse(text, file: "lessons/broken.md").lesson
        let release = CourseRelease(lessons: [lesson])
        let problems = release.verify(with: Grader(lessons: [lesson], executor: try GradingExecutor(sandbox: nil)))
        #expect(problems.count == 2, "\(problems)")
        #expect(
            problems.first?.hasPrefix(
                "lessons/broken.md:3:1: error: the reference solution of exercise wrong does not pass its checks:")
                == true)
        #expect(problems.first?.contains("lessons/broken.md:12: check failed: expected 42, got 41") == true)
        #expect(
            problems.last
                == "lessons/broken.md:15:1: error: the stub of exercise lenient passes every check; add a check that an unsolved exercise fails"
        )
    }
}
