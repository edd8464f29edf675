import Foundation

/// Everything in JSON, for tools: per student, per exercise, per check (hidden ones marked,
/// with their failures: this is the instructor's view), and the student-safe feedback.
enum GradeJSON {
    struct Report: Encodable {
        var submissions: [Student]
    }

    struct Student: Encodable {
        var student: String
        var path: String
        var points: Double
        var maxPoints: Double
        var exercises: [Exercise]
    }

    struct Exercise: Encodable {
        var lesson: String
        var id: String
        var title: String?
        var points: Double
        var maxPoints: Double
        var problem: String?
        var feedback: [String]
        var seconds: Double
        var checks: [Check]
    }

    struct Check: Encodable {
        var index: Int
        var hidden: Bool
        var name: String?
        var line: Int
        var points: Double
        var maxPoints: Double
        var passed: Bool
        var failures: [Failure]
        var reason: String?
    }

    struct Failure: Encodable {
        var line: Int
        var message: String
    }

    static func render(_ grades: [SubmissionGrade]) throws -> String {
        let report = Report(
            submissions: grades.map { grade in
                Student(
                    student: grade.student, path: grade.path, points: rounded(grade.points), maxPoints: grade.maxPoints,
                    exercises: grade.exercises.map { exercise in
                        Exercise(
                            lesson: exercise.lesson, id: exercise.id, title: exercise.title,
                            points: rounded(exercise.points),
                            maxPoints: exercise.maxPoints, problem: exercise.problem, feedback: exercise.feedback,
                            seconds: rounded(exercise.seconds),
                            checks: exercise.checks.map { check in
                                Check(
                                    index: check.index, hidden: check.hidden, name: check.name, line: check.line,
                                    points: rounded(check.passed ? check.maxPoints : 0),
                                    maxPoints: rounded(check.maxPoints),
                                    passed: check.passed,
                                    failures: check.failures.map { Failure(line: $0.line, message: $0.message) },
                                    reason: check.reason)
                            })
                    })
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: try encoder.encode(report), as: UTF8.self) + "\n"
    }

    static func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
}
