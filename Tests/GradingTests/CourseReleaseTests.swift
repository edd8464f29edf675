import Foundation
import LessonParser
import LessonRunner
import Testing
import ZIPFoundation

@testable import Grading

/// `release` checks both directions before it writes anything.
@Suite struct CourseReleaseTests {
    @Test func theFixtureCourseReleasesAsAStudentCourse() throws {
        let release = CourseRelease(lessons: try Fixtures.course)
        let grader = Grader(lessons: release.lessons, executor: try GradingExecutor(sandbox: nil))
        #expect(release.verify(with: grader) == [])
        var project = CourseFiles()
        project.add("Package.swift", text: "// a manifest")
        let lessons = FileManager.default.temporaryDirectory.appendingPathComponent(
            "descent-lessons-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: lessons) }
        try FileManager.default.createDirectory(at: lessons, withIntermediateDirectories: true)
        try Data("title: Tiny\n".utf8).write(to: lessons.appendingPathComponent("course.yml"))
        try Data("instructor's\n".utf8).write(to: lessons.appendingPathComponent("01-tiny.md"))
        let files = try StudentCourse.files(project: project, release: release, lessonsFolder: lessons, title: "Tiny")
        #expect(
            files.files.keys.sorted() == [
                "Makefile", "Package.swift", "README.md", "lessons/01-tiny.md", "lessons/course.yml",
            ])
        let text = String(decoding: files["lessons/01-tiny.md"]!.data, as: UTF8.self)
        #expect(text == release.editions[0].text)
        #expect(
            !text.contains("SOLUTION") && !text.contains("exercise=double hidden")
                && !text.contains("exercise=mean hidden") && !text.contains("params.scale * x"))
        let readme = String(decoding: files["README.md"]!.data, as: UTF8.self)
        // The line descent test reports for the first stub (see EndToEndTests' GradeTests).
        #expect(readme.contains("lessons/01-tiny.md:25:1: error: Exercise double is not done yet"), "\(readme)")
        #expect(String(decoding: files["Makefile"]!.data, as: UTF8.self).contains("\tswift run descent test\n"))
    }

    @Test func theProjectShipsWithoutItsTestTargets() {
        let manifest = """
            let package = Package(
                name: "P",
                targets: [
                    .target(name: "A"),
                    // The tests.
                    .testTarget(name: "ATests", dependencies: ["A"]),
                    .executableTarget(name: "a", dependencies: ["A"]),
                    .testTarget(name: "EndToEnd", exclude: ["Fixtures"]),
                ]
            )
            """
        #expect(
            CourseFiles.withoutTestTargets(manifest) == """
                let package = Package(
                    name: "P",
                    targets: [
                        .target(name: "A"),
                        .executableTarget(name: "a", dependencies: ["A"]),
                    ]
                )
                """)
    }

    @Test func anArchiveIsTheSameEachTimeAndKeepsModes() throws {
        var files = CourseFiles()
        files.add("run_autograder", text: "#!/bin/sh\n", executable: true)
        files.add("lessons/01.md", text: String(repeating: "text ", count: 1000))
        let archive = try files.zipArchive()
        #expect(try files.zipArchive() == archive)
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("descent-zip-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try archive.write(to: folder.appendingPathComponent("a.zip"))
        try FileManager.default.unzipItem(
            at: folder.appendingPathComponent("a.zip"), to: folder.appendingPathComponent("out"))
        let run = folder.appendingPathComponent("out/run_autograder").path
        #expect(FileManager.default.isExecutableFile(atPath: run))
        #expect(
            try String(contentsOfFile: folder.appendingPathComponent("out/lessons/01.md").path, encoding: .utf8)
                == String(repeating: "text ", count: 1000))
        #expect(archive.count < 1000)
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
