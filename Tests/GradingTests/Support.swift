import Foundation
import LessonParser
import LessonRunner
import Testing

@testable import Grading

/// The fixtures of Tests/GradingTests/Fixtures: a tiny course, an honest class and a class
/// of submissions that attack the grader.
enum Fixtures {
    static let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static var course: [Lesson] {
        get throws { [try lesson("course/01-tiny.md")] }
    }

    /// The fixture lesson at `path` under the fixtures folder.
    static func lesson(_ path: String) throws -> Lesson {
        let (lesson, diagnostics) = LessonReader.read(folder.appendingPathComponent(path), file: path)
        guard let lesson, diagnostics.isEmpty else { throw DescentError("fixture \(path): \(diagnostics)") }
        return lesson
    }

    /// Grades, in the sandbox, a submission of one file holding `block` for the fixture
    /// lesson at `path`; the grade of its first exercise.
    static func gradeExercise(lesson path: String, block: String) throws -> ExerciseGrade {
        var sandbox = try Sandbox.locate()
        sandbox.memory = 1 << 30
        let grader = Grader(lessons: [try lesson(path)], executor: try GradingExecutor(sandbox: sandbox))
        let file = URL(fileURLWithPath: path).lastPathComponent
        return try #require(
            grader.grade([Submission(student: "s", path: "", files: [(file, block)])]).first?.exercises.first)
    }

    /// Every submission folder of a class, by student name.
    static func submissions(_ group: String) throws -> [Submission] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(group).path)
            .sorted()
        return names.map { Submission.load(folder.appendingPathComponent("\(group)/\($0)").path) }
    }

    /// Grades a class in the sandbox, with the limits tests use.
    static func grade(_ group: String) throws -> [String: SubmissionGrade] {
        var sandbox = try Sandbox.locate()
        sandbox.memory = 1 << 30
        _ = try sandbox.probe()
        let grader = Grader(lessons: try course, executor: try GradingExecutor(sandbox: sandbox))
        let grades = grader.grade(try submissions(group))
        return Dictionary(uniqueKeysWithValues: grades.map { ($0.student, $0) })
    }
}

extension SubmissionGrade {
    /// Points per exercise id.
    var pointsByExercise: [String: Double] {
        Dictionary(uniqueKeysWithValues: exercises.map { ($0.id, $0.points) })
    }

    /// Everything the student is told.
    var feedbackText: String {
        (notes + exercises.flatMap(\.feedback)).joined(separator: "\n")
    }
}
