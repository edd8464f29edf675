/// The grade of one submission: points per exercise, per check.
public struct SubmissionGrade: Sendable {
    /// The student's name: the submission's folder or file name, without extension.
    public var student: String
    /// The submission as named on the command line.
    public var path: String
    public var exercises: [ExerciseGrade]

    public var points: Double { exercises.reduce(0) { $0 + $1.points } }
    public var maxPoints: Double { exercises.reduce(0) { $0 + $1.maxPoints } }
}

/// The grade of one exercise. Its points are split equally over its check blocks, visible
/// and hidden; a check block earns its share when it runs to its end and none of its
/// assertions fails.
public struct ExerciseGrade: Sendable {
    /// The lesson's file name, e.g. `01-derivatives.md`.
    public var lesson: String
    public var id: String
    public var title: String?
    public var maxPoints: Double
    public var checks: [CheckGrade]
    /// Why none of the checks could run (not submitted, rejected, does not compile); safe
    /// to show the student.
    public var problem: String?
    /// Seconds spent compiling and running.
    public var seconds: Double = 0

    public var points: Double { checks.filter(\.passed).reduce(0) { $0 + $1.maxPoints } }

    /// What the student may be told: the problem, each failed visible check with where it
    /// is in their edition and what it found, and how many hidden checks passed — never
    /// what a hidden check does or found.
    public var feedback: [String] {
        if let problem { return [problem] }
        var lines: [String] = []
        for check in checks where !check.hidden && !check.passed {
            let place = check.studentLine.map { "\(lesson):\($0)" } ?? lesson
            if check.failures.isEmpty {
                lines.append("\(place): check failed: \(check.reason ?? "it did not run")")
            }
            for failure in check.failures {
                lines.append(
                    "\(failure.studentLine.map { "\(lesson):\($0)" } ?? place): check failed: \(failure.message)")
            }
        }
        let hidden = checks.filter(\.hidden)
        if !hidden.isEmpty {
            lines.append(
                "\(hidden.filter(\.passed).count) of \(hidden.count) hidden check\(hidden.count == 1 ? "" : "s") passed"
            )
        }
        return lines
    }
}

/// The result of one check block.
public struct CheckGrade: Sendable {
    public struct Failure: Sendable, Equatable {
        /// The line of the failed assertion in the instructor's lesson.
        public var line: Int
        /// Its line in the student edition (nil for hidden checks).
        public var studentLine: Int?
        public var message: String
    }

    /// Its position among the exercise's check blocks.
    public var index: Int
    public var hidden: Bool
    public var name: String?
    /// The line of its opening fence in the instructor's lesson.
    public var line: Int
    /// The line of its first content line in the student edition (nil for hidden checks).
    public var studentLine: Int?
    public var maxPoints: Double
    public var passed: Bool
    /// Its failed assertions.
    public var failures: [Failure]
    /// Why it failed when no assertion did (it trapped, ran out of time, …).
    public var reason: String?
}
