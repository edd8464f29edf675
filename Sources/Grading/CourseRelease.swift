import Foundation
import LessonParser
import LessonRunner

/// The release stage: the instructor's lessons in, the student edition out, verified both
/// ways before anything is written (as nbgrader's `validate` and `validate --invert`):
/// every reference solution earns all its points, and every stub fails at least one check.
public struct CourseRelease: Sendable {
    public var lessons: [Lesson]
    public var editions: [StudentEdition]

    public init(lessons: [Lesson]) {
        self.lessons = lessons
        editions = lessons.map(StudentEdition.init)
    }

    /// The lesson's file name in the edition.
    private func name(_ lesson: Lesson) -> String { (lesson.file as NSString).lastPathComponent }

    /// Problems that keep the edition from being released, each at the instructor's
    /// file:line; empty when there are none.
    public func verify(with grader: Grader, progress: @escaping @Sendable (Int, Int) -> Void = { _, _ in }) -> [String]
    {
        var problems: [String] = []
        for (lesson, edition) in zip(lessons, editions) {
            let parsed = LessonReader.parse(edition.text, file: name(lesson))
            for diagnostic in parsed.diagnostics where diagnostic.severity == .error {
                problems.append("\(lesson.file): error: the student edition does not parse: \(diagnostic)")
            }
            for block in lesson.codeBlocks where block.role == .exercise && block.solutions.isEmpty {
                problems.append(
                    "\(lesson.file):\(block.line):1: error: exercise \(block.attributes.exercise ?? "?") has no '// BEGIN SOLUTION' region"
                )
            }
        }
        let reference = Submission(
            student: "reference solutions", path: "", files: lessons.map { (name($0), $0.source) })
        let stubs = Submission(
            student: "student edition", path: "", files: zip(lessons, editions).map { (name($0), $1.text) })
        let grades = grader.grade([reference, stubs], progress: progress)
        let blocks = lessons.flatMap { lesson in lesson.codeBlocks.filter { $0.role == .exercise }.map { (lesson, $0) }
        }
        for ((lesson, block), solved) in zip(blocks, grades[0].exercises)
        where solved.points < solved.maxPoints || solved.problem != nil {
            var details = solved.problem.map { [$0] } ?? []
            for check in solved.checks where !check.passed {
                let kind = check.hidden ? "hidden check" : "check"
                details += check.failures.map { "\(lesson.file):\($0.line): \(kind) failed: \($0.message)" }
                if check.failures.isEmpty {
                    details.append("\(lesson.file):\(check.line): \(kind) failed: \(check.reason ?? "it did not run")")
                }
            }
            problems.append(
                "\(lesson.file):\(block.line):1: error: the reference solution of exercise \(solved.id) does not pass its checks:\n"
                    + details.map { "  " + $0 }.joined(separator: "\n"))
        }
        // An exercise without a solution region is its own stub: that it passes is said above.
        for ((lesson, block), stub) in zip(blocks, grades[1].exercises) where !block.solutions.isEmpty {
            if let problem = stub.problem {
                problems.append(
                    "\(lesson.file):\(block.line):1: error: the stub of exercise \(stub.id) cannot be graded (each solution region must be inside the body of a top-level function whose parameters and result can cross a process boundary):\n  "
                        + problem.replacingOccurrences(of: "\n", with: "\n  "))
            } else if stub.maxPoints > 0 && stub.points >= stub.maxPoints {
                problems.append(
                    "\(lesson.file):\(block.line):1: error: the stub of exercise \(stub.id) passes every check; add a check that an unsolved exercise fails"
                )
            }
        }
        return problems
    }
}
