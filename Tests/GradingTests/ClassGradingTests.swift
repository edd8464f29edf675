import Foundation
@testable import Grading
import LessonRunner
import Testing

/// Grading whole classes in the sandbox: an honest one, and one whose every submission
/// attacks the grader through exercise `double` while answering `mean` honestly. Each
/// gets exactly the points its honest parts earn.
@Suite(.serialized) struct ClassGradingTests {
    static let honest = Result { try Fixtures.grade("honest") }
    static let attacks = Result { try Fixtures.grade("attacks") }

    @Test(arguments: [
        // student, double, mean
        ("ada", 2.0, 2.0),  // both right
        ("bo", 2, 1),       // mean divides by 3: the visible check passes, the hidden one does not
        ("cy", 2, 0),       // deleted the mean exercise
        ("dee", 2, 2),      // right, with braces and quotes in strings and a loop
        ("eli", 0, 0),      // handed in the student edition as it was
    ])
    func honestClass(_ student: String, _ double: Double, _ mean: Double) throws {
        let grade = try #require(try Self.honest.get()[student])
        #expect(grade.pointsByExercise == ["double": double, "mean": mean], "\(student): \(grade.feedbackText)")
    }

    @Test(arguments: [
        // student, points for double, what the feedback says
        ("forger", 0.0, "expected 6.0 ± 1e-09, got 0.0"),               // forged summaries, runner and channel lines
        ("exiter", 0, "the program ended (exit status 0)"),              // exit(0) inside the function
        ("shadow", 0, "cannot declare operators"),                       // shadowed abs and ==
        ("loosener", 0, "may not use 'tolerance'"),                      // loosens a tolerance the checks read
        ("cdecl", 0, "'@_cdecl' is not allowed"),                        // @_cdecl clock, @_silgen_name check
        ("runtime-caller", 0, "names starting with '_'"),                // calls the grading entry points
        ("module-shadow", 0, "'LessonRuntime' is not allowed"),          // a type named LessonRuntime
        ("reader", 0, "got -3.0"),                                       // reads the hidden checks from disk
        ("binary-reader", 0, "got -3.0"),                                // reads them from the compiled program
        ("channel-flooder", 0, "wrote to the grading channel"),          // floods the result channel with guesses
        ("forkbomb", 0, "did not finish within 3 s"),                   // fork bomb
        ("flooder", 0, "printed more than 1024 KiB"),                    // output bomb
        ("looper", 0, "did not finish within 3 s"),                      // endless loop
        ("memhog", 0, ""),                                               // exhausts memory (said as running out of memory, or of time on a busy machine)
        ("partial", 1, ""),                                              // right for the visible check, crashes after output on the hidden one
        ("check-changer", 0, "expected 6.0 ± 1e-09, got 3.0"),         // rewrote the check, points and added a check
        ("no-compile", 0, "cannot convert value of type 'String'"),      // does not compile
        ("comment-out", 0, "unterminated /* comment"),                  // tries to comment out the checks
        ("top-level-loop", 0, "did not finish within 5 s"),             // loops before the checks can start
    ])
    func attackClass(_ student: String, _ double: Double, _ says: String) throws {
        let grade = try #require(try Self.attacks.get()[student])
        #expect(grade.pointsByExercise == ["double": double, "mean": 2], "\(student): \(grade.feedbackText)")
        #expect(says.isEmpty || grade.feedbackText.contains(says), "\(student): \(grade.feedbackText)")
    }

    @Test func anUnfinishedExerciseSaysSo() throws {
        let grade = try #require(try Self.honest.get()["eli"])
        #expect(grade.exercises.first?.feedback == [
            "01-tiny.md:30: check failed: Exercise double is not done yet",
            "01-tiny.md:30: check failed: expected 6.0 ± 1e-09, got nan",
            "0 of 1 hidden check passed",
        ])
    }

    @Test func feedbackNeverRevealsHiddenChecks() throws {
        let all = Array(try Self.honest.get().values) + Array(try Self.attacks.get().values)
        for grade in all {
            for secret in ["-1.5", "0.25", "single value", "[-1, 5]", "square(mean"] {
                #expect(!grade.feedbackText.contains(secret), "\(grade.student) is told '\(secret)': \(grade.feedbackText)")
            }
        }
    }

    /// The attacks that read files are real: outside the sandbox they find the hidden checks.
    @Test func readingAttacksSucceedWithoutTheSandbox() throws {
        let grader = Grader(lessons: try Fixtures.course, executor: try GradingExecutor(sandbox: nil))
        let readers = try Fixtures.submissions("attacks").filter { ["reader", "binary-reader"].contains($0.student) }
        #expect(grader.grade(readers).map(\.points) == [4, 4])
    }

    @Test func everyAttackIsGraded() throws {
        let attacks = try Self.attacks.get()
        #expect(attacks.count == 19)
        #expect(attacks.values.allSatisfy { $0.exercises.count == 2 })
    }
}
