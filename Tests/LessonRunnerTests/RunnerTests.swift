import Foundation
import LessonParser
import Testing

@testable import LessonRunner

@Suite struct RunnerTests {
    /// Prose and shown code only: nothing to run, so no program is generated or compiled.
    @Test func aLessonWithNoRunnableBlockIsNotCompiled() throws {
        let slug = "prose-only-\(UUID().uuidString.prefix(8).lowercased())"
        let source = "---\ntitle: Prose\n---\n\nText with $x$.\n\n```swift\nlet shown = 1\n```\n"
        let (lesson, problems) = LessonReader.parse(source, file: "lessons/\(slug).md")
        #expect(problems.isEmpty)
        let run = try Runner().run(lesson)
        #expect(run.cells.isEmpty)
        let programs = ContentCache.standard.folder.appendingPathComponent("programs")
        let built = (try? FileManager.default.contentsOfDirectory(atPath: programs.path)) ?? []
        #expect(!built.contains { $0.hasPrefix(slug) })
    }
}
