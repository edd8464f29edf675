import Foundation
import LessonRunner
import Testing

@testable import Grading

/// Grading whole classes in the sandbox: an honest one, and one whose every submission
/// attacks the grader through exercise `double` while answering `mean` honestly. Each
/// gets exactly the points its honest parts earn.
@Suite(.serialized) struct ClassGradingTests {
    static let honest = Result { try Fixtures.grade("honest") }
    static let attacks = Result { try Fixtures.grade("attacks") }

    @Test(arguments: [
        // student, double, mean
        ("ada", 2.0, 2.0),  // both right
        ("bo", 2, 1),  // mean divides by 3: the visible check passes, the hidden one does not
        ("cy", 2, 0),  // deleted the mean exercise
        ("dee", 2, 2),  // right, with braces and quotes in strings and a loop
        ("eli", 0, 0),  // handed in the student edition as it was
    ])
    func honestClass(_ student: String, _ double: Double, _ mean: Double) throws {
        let grade = try #require(try Self.honest.get()[student])
        #expect(grade.pointsByExercise == ["double": double, "mean": mean], "\(student): \(grade.feedbackText)")
    }

    @Test(arguments: [
        // student, points for double, points for mean, what the feedback says
        ("forger", 0.0, 2.0, "your code broke the grading protocol"),  // forged summaries, runner and channel lines
        ("exiter", 0, 2, "your code"),  // exit(0) inside the function
        ("shadow", 0, 2, "got 0.0"),  // shadowed abs and ==
        ("loosener", 0, 2, "got 3.0"),  // loosens a tolerance the checks read
        ("cdecl", 0, 2, "got 0.0"),  // @_cdecl clock, @_silgen_name check
        ("runtime-caller", 0, 2, "your code"),  // calls the grading entry points
        ("module-shadow", 0, 2, "got 0.0"),  // a type named LessonRuntime
        ("reader", 0, 2, "got -3.0"),  // reads the hidden checks from disk
        ("binary-reader", 0, 2, "got -3.0"),  // reads them from the compiled program
        ("channel-flooder", 0, 2, "your code broke the grading protocol"),  // floods its channel with guesses
        ("forkbomb", 0, 2, "did not finish within 3 s"),  // fork bomb
        ("flooder", 0, 2, "printed more than 1024 KiB"),  // output bomb
        ("looper", 0, 2, "did not finish within 3 s"),  // endless loop
        ("memhog", 0, 2, ""),  // exhausts memory (out of memory, or of time on a busy machine)
        ("partial", 1, 2, ""),  // right for the visible check, crashes after output on the hidden one
        ("check-changer", 0, 2, "expected 6.0 ± 1e-09, got 3.0"),  // rewrote the check, points and added a check
        ("no-compile", 0, 2, "cannot convert value of type 'String'"),  // does not compile
        ("comment-out", 0, 2, "got 0.0"),  // tries to comment out the checks
        ("top-level-loop", 2, 2, ""),  // loops at the top level: dropped, the function is right
        // Written for the checker/exercise split, the splice and the defensive reading:
        ("always-equal", 0, 2, "got 0.0"),  // returns a type whose == is always true
        ("pointer-poker", 0, 2, "got 0.0"),  // writes memory through pointers never named Unsafe
        ("param-hijack", 0, 2, "cannot find 'early' in scope"),  // code that runs as the parameters are built
        ("leaker", 1, 2, "0 of 1 hidden check passed"),  // carries a hidden argument out in a trap and an exit status
        ("yaml-bomb", 0, 2, "got -3.0"),  // front matter with an alias bomb
        ("deep-quotes", 0, 2, "got -3.0"),  // 60 000 nested `>` and an 840 KB line
        ("crlf-bom", 2, 2, ""),  // honest, with a byte-order mark and CRLF
        ("outside-edits", 2, 2, ""),  // honest function; edits outside it are dropped, not penalised
        ("symlinker", 0, 0, "not a regular file"),  // links to the instructor's own lesson
        ("tree-hog", 0, 2, ""),  // four children hold more memory than the tree may
        ("spinner", 2, 2, ""),  // 26 spinning threads: right only if held to one core
    ])
    func attackClass(_ student: String, _ double: Double, _ mean: Double, _ says: String) throws {
        let grade = try #require(try Self.attacks.get()[student])
        #expect(grade.pointsByExercise == ["double": double, "mean": mean], "\(student): \(grade.feedbackText)")
        #expect(says.isEmpty || grade.feedbackText.contains(says), "\(student): \(grade.feedbackText)")
    }

    @Test func anUnfinishedExerciseSaysSo() throws {
        let grade = try #require(try Self.honest.get()["eli"])
        #expect(
            grade.exercises.first?.feedback == [
                "01-tiny.md:30: check failed: Exercise double is not done yet",
                "01-tiny.md:30: check failed: expected 6.0 ± 1e-09, got nan",
                "0 of 1 hidden check passed",
            ])
    }

    @Test func feedbackNeverRevealsHiddenChecks() throws {
        let all = Array(try Self.honest.get().values) + Array(try Self.attacks.get().values)
        for grade in all {
            for secret in ["-1.5", "0.25", "150", "single value", "[-1, 5]", "square(mean"] {
                #expect(
                    !grade.feedbackText.contains(secret), "\(grade.student) is told '\(secret)': \(grade.feedbackText)")
            }
        }
    }

    /// The attacks the sandbox stops are real: outside it, one finds the lesson on disk and
    /// one holds more memory across its children than a sandboxed tree may. The
    /// exercise's own program holds no hidden check to find, sandbox or not.
    @Test func attacksWithoutTheSandbox() throws {
        let grader = Grader(lessons: try Fixtures.course, executor: try GradingExecutor(sandbox: nil))
        let attackers = try Fixtures.submissions("attacks").filter {
            ["binary-reader", "reader", "tree-hog"].contains($0.student)
        }
        let points = grader.grade(attackers).map(\.points)
        #expect(points.count == 3 && points[0] == 2 && points[1] == 4 && points[2] >= 3, "\(points)")
    }

    /// Of a hidden check that did not pass the student learns nothing but that.
    @Test func hiddenRunsTellNoStatus() throws {
        let grade = try #require(try Self.attacks.get()["leaker"])
        let hidden = try #require(grade.exercises.first { $0.id == "double" }?.checks.first { $0.hidden })
        #expect(hidden.reason == "your code stopped while the check ran", "\(hidden)")
        #expect(
            !grade.feedbackText.contains("exit status") && !grade.feedbackText.contains("hidden argument"),
            "\(grade.feedbackText)")
    }

    @Test func everyAttackIsGraded() throws {
        let attacks = try Self.attacks.get()
        #expect(attacks.count == 30)
        #expect(attacks.values.allSatisfy { $0.exercises.count == 2 })
    }
}
