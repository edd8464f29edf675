import Foundation

/// Everything in JSON, for tools: per student, per exercise, per check (hidden ones marked,
/// with their failures: this is the instructor's view), the student-safe feedback, and each
/// visible check's and failure's line in the student's file (`student_line`, in the
/// exercise's `file`). It reads back into the same grades (`decode`), so that shards graded
/// apart can be merged (see `ClassShard`); a shard's JSON also says which shard it is.
enum GradeJSON {
    struct Report: Codable {
        var shard: ClassShard?
        var submissions: [Student]
    }

    struct Student: Codable {
        var student: String
        var path: String
        var points: Double
        var maxPoints: Double
        var notes: [String]
        var exercises: [Exercise]
    }

    struct Exercise: Codable {
        var lesson: String
        var id: String
        var title: String?
        var file: String?
        var points: Double
        var maxPoints: Double
        var problem: String?
        var feedback: [String]
        var seconds: Double
        var checks: [Check]
    }

    struct Check: Codable {
        var index: Int
        var hidden: Bool
        var name: String?
        var line: Int
        var studentLine: Int?
        var points: Double
        var maxPoints: Double
        var passed: Bool
        var failures: [Failure]
        var reason: String?
        var seconds: Double
    }

    struct Failure: Codable {
        var line: Int
        var studentLine: Int?
        var message: String
    }

    static func render(_ grades: [SubmissionGrade], shard: ClassShard? = nil) throws -> String {
        let report = Report(
            shard: shard,
            submissions: grades.map { grade in
                Student(
                    student: grade.student, path: grade.path, points: rounded(grade.points), maxPoints: grade.maxPoints,
                    notes: grade.notes,
                    exercises: grade.exercises.map { exercise in
                        Exercise(
                            lesson: exercise.lesson, id: exercise.id, title: exercise.title, file: exercise.file,
                            points: rounded(exercise.points), maxPoints: exercise.maxPoints, problem: exercise.problem,
                            feedback: exercise.feedback, seconds: rounded(exercise.seconds),
                            checks: exercise.checks.map { check in
                                Check(
                                    index: check.index, hidden: check.hidden, name: check.name, line: check.line,
                                    studentLine: check.studentLine, points: rounded(check.passed ? check.maxPoints : 0),
                                    maxPoints: rounded(check.maxPoints), passed: check.passed,
                                    failures: check.failures.map {
                                        Failure(line: $0.line, studentLine: $0.studentLine, message: $0.message)
                                    },
                                    reason: check.reason, seconds: rounded(check.seconds))
                            })
                    })
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.keyEncodingStrategy = .convertToSnakeCase
        return String(decoding: try encoder.encode(report), as: UTF8.self) + "\n"
    }

    /// The grades (and the shard, if any) a `render` wrote. Points are not read back but
    /// derived again: a check's share is its exercise's points over its number of checks,
    /// as the grader computes it, so the grades render as they did before.
    static func decode(_ data: Data) throws -> (grades: [SubmissionGrade], shard: ClassShard?) {
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        let report = try decoder.decode(Report.self, from: data)
        let grades = report.submissions.map { student in
            SubmissionGrade(
                student: student.student, path: student.path, notes: student.notes,
                exercises: student.exercises.map { exercise in
                    let share = exercise.checks.isEmpty ? 0 : exercise.maxPoints / Double(exercise.checks.count)
                    return ExerciseGrade(
                        lesson: exercise.lesson, id: exercise.id, title: exercise.title, maxPoints: exercise.maxPoints,
                        checks: exercise.checks.map { check in
                            CheckGrade(
                                index: check.index, hidden: check.hidden, name: check.name, line: check.line,
                                studentLine: check.studentLine, maxPoints: share, passed: check.passed,
                                failures: check.failures.map {
                                    .init(line: $0.line, studentLine: $0.studentLine, message: $0.message)
                                },
                                reason: check.reason, seconds: check.seconds)
                        },
                        file: exercise.file, problem: exercise.problem, seconds: exercise.seconds)
                })
        }
        return (grades, report.shard)
    }

    static func rounded(_ value: Double) -> Double { (value * 1000).rounded() / 1000 }
}
