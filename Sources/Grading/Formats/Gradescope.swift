import Foundation
import LessonParser

/// Gradescope's autograder `results.json` for one submission, with the fields where
/// Gradescope's specification places them: at the top the `score`, the `execution_time`
/// (whole seconds), an `output` (the points, and what the student is told about the
/// submission as a whole) and its `visibility`; then one test per exercise, with its
/// `score`, `max_score`, `status` (`passed` when it earned all its points, else `failed`),
/// its `output` (the student-safe feedback, citing the student's file and line) and its
/// `visibility`. (https://gradescope-autograders.readthedocs.io/en/latest/specs/)
enum Gradescope {
    struct Results: Encodable {
        var score: Double
        var execution_time: Int
        var output: String
        var visibility: String
        var tests: [Test]
    }

    struct Test: Encodable {
        var name: String
        var score: Double
        var max_score: Double
        var status: String
        var output: String
        var visibility: String
    }

    static func render(_ grades: [SubmissionGrade]) throws -> String {
        guard grades.count == 1, let grade = grades.first else {
            throw DescentError(
                "--format gradescope writes the results of one submission (as Gradescope's autograder grades one at a time)"
            )
        }
        let results = Results(
            score: GradeJSON.rounded(grade.points), execution_time: Int(grade.seconds.rounded(.up)),
            output: (["\(pointsText(grade.points)) of \(pointsText(grade.maxPoints)) points"] + grade.notes)
                .joined(separator: "\n"),
            visibility: "visible",
            tests: grade.exercises.map { exercise in
                Test(
                    name: "\(exercise.lesson): \(exercise.title ?? exercise.id)",
                    score: GradeJSON.rounded(exercise.points), max_score: exercise.maxPoints,
                    status: exercise.problem == nil && exercise.checks.allSatisfy(\.passed) ? "passed" : "failed",
                    output: exercise.feedback.joined(separator: "\n"), visibility: "visible")
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(results), as: UTF8.self) + "\n"
    }
}
