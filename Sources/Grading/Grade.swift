/// The grade of one submission: points per exercise, per check.
public struct SubmissionGrade: Sendable, Equatable {
    /// The student's name: the shortest trailing part of the submission's path that no other
    /// submission of the class shares (see `StudentNames`).
    public var student: String
    /// The submission as named on the command line.
    public var path: String
    /// What the student is told about the submission as a whole: files that could not be
    /// read (or that there is no submission), exercise ids the course does not have.
    public var notes: [String] = []
    public var exercises: [ExerciseGrade]

    public init(student: String, path: String, notes: [String] = [], exercises: [ExerciseGrade]) {
        self.student = student
        self.path = path
        self.notes = notes
        self.exercises = exercises
    }

    public var points: Double { exercises.reduce(0) { $0 + $1.points } }
    public var maxPoints: Double { exercises.reduce(0) { $0 + $1.maxPoints } }
    /// Seconds spent on all its exercises.
    public var seconds: Double { exercises.reduce(0) { $0 + $1.seconds } }

    /// The same grade with every time set to 0, for outputs that compare equal across runs.
    public var withoutTimes: SubmissionGrade {
        var grade = self
        for exercise in grade.exercises.indices {
            grade.exercises[exercise].seconds = 0
            for check in grade.exercises[exercise].checks.indices {
                grade.exercises[exercise].checks[check].seconds = 0
            }
        }
        return grade
    }
}

/// The grade of one exercise. Its points are split equally over its check blocks, visible
/// and hidden; a check block earns its share when it runs to its end and none of its
/// assertions fails.
public struct ExerciseGrade: Sendable, Equatable {
    /// The lesson's file name, e.g. `01-derivatives.md`.
    public var lesson: String
    public var id: String
    public var title: String?
    public var maxPoints: Double
    public var checks: [CheckGrade]
    /// The file of the submission the exercise was taken from, relative to the submission
    /// (`01-derivatives.md`, `lessons/01-derivatives.md`); nil when it was not submitted.
    public var file: String?
    /// Why none of the checks could run (not submitted, rejected, does not compile); safe
    /// to show the student.
    public var problem: String?
    /// Seconds spent compiling and running.
    public var seconds: Double = 0

    public init(
        lesson: String, id: String, title: String?, maxPoints: Double, checks: [CheckGrade], file: String? = nil,
        problem: String? = nil, seconds: Double = 0
    ) {
        self.lesson = lesson
        self.id = id
        self.title = title
        self.maxPoints = maxPoints
        self.checks = checks
        self.file = file
        self.problem = problem
        self.seconds = seconds
    }

    public var points: Double { checks.filter(\.passed).reduce(0) { $0 + $1.maxPoints } }

    /// What the student may be told: the problem, each failed visible check with where it
    /// is in their own file (`file:line`, the line of the failed assertion in the check
    /// block as their file has it) and what it found, and how many hidden checks passed —
    /// never what a hidden check does or found.
    public var feedback: [String] {
        if let problem { return [problem] }
        var lines: [String] = []
        for check in checks where !check.hidden && !check.passed {
            lines += failures(of: check)
        }
        let hidden = checks.filter(\.hidden)
        if !hidden.isEmpty {
            lines.append(
                "\(hidden.filter(\.passed).count) of \(hidden.count) hidden check\(hidden.count == 1 ? "" : "s") passed"
            )
        }
        return lines
    }

    /// Why `check` did not pass, a line per failed assertion (or the reason), each at its
    /// place: a visible check's at the student's `file:line`, a hidden check's at the
    /// instructor's lesson line, marked so (for the instructor's eyes only).
    public func failures(of check: CheckGrade) -> [String] {
        func place(_ studentLine: Int?, lessonLine: Int) -> String {
            guard !check.hidden else { return "\(lesson):\(lessonLine) (the instructor's lesson)" }
            let file = self.file ?? lesson
            return (studentLine ?? check.studentLine).map { "\(file):\($0)" } ?? file
        }
        if check.failures.isEmpty {
            return ["\(place(nil, lessonLine: check.line)): check failed: \(check.reason ?? "it did not run")"]
        }
        return check.failures.map {
            "\(place($0.studentLine, lessonLine: $0.line)): check failed: \($0.message)"
        }
    }
}

/// The result of one check block.
public struct CheckGrade: Sendable, Equatable {
    public struct Failure: Sendable, Equatable {
        /// The line of the failed assertion in the instructor's lesson.
        public var line: Int
        /// Its line in the student's file (nil for hidden checks, and when their file does
        /// not hold the check block).
        public var studentLine: Int?
        public var message: String

        public init(line: Int, studentLine: Int?, message: String) {
            self.line = line
            self.studentLine = studentLine
            self.message = message
        }
    }

    /// Its position among the exercise's check blocks.
    public var index: Int
    public var hidden: Bool
    public var name: String?
    /// The line of its opening fence in the instructor's lesson.
    public var line: Int
    /// The line of its first content line in the student's file (nil for hidden checks,
    /// and when their file does not hold it).
    public var studentLine: Int?
    public var maxPoints: Double
    public var passed: Bool
    /// Its failed assertions.
    public var failures: [Failure]
    /// Why it failed when no assertion did (it trapped, ran out of time, …).
    public var reason: String?
    /// Seconds its run took (its programs' start, the blocks before it, and it).
    public var seconds: Double = 0

    public init(
        index: Int, hidden: Bool, name: String?, line: Int, studentLine: Int?, maxPoints: Double, passed: Bool,
        failures: [Failure], reason: String?, seconds: Double = 0
    ) {
        self.index = index
        self.hidden = hidden
        self.name = name
        self.line = line
        self.studentLine = studentLine
        self.maxPoints = maxPoints
        self.passed = passed
        self.failures = failures
        self.reason = reason
        self.seconds = seconds
    }
}
