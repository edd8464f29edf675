import Foundation
import LessonParser

/// Gradescope's autograder `results.json` for one submission: the score, and one test per
/// exercise whose output is the student-safe feedback.
/// (https://gradescope-autograders.readthedocs.io/en/latest/specs/)
enum Gradescope {
    struct Results: Encodable {
        var score: Double
        var output: String
        var tests: [Test]
    }

    struct Test: Encodable {
        var name: String
        var score: Double
        var max_score: Double
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
            score: GradeJSON.rounded(grade.points),
            output: "\(pointsText(grade.points)) of \(pointsText(grade.maxPoints)) points",
            tests: grade.exercises.map { exercise in
                Test(
                    name: "\(exercise.lesson): \(exercise.title ?? exercise.id)",
                    score: GradeJSON.rounded(exercise.points),
                    max_score: exercise.maxPoints, output: exercise.feedback.joined(separator: "\n"),
                    visibility: "visible")
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(results), as: UTF8.self) + "\n"
    }
}
