/// The contract between `descent` and the programs it generates: the environment variables
/// and file descriptors each side reads, in one place for both sides.
package enum ProgramContract {
    // MARK: Lesson programs (`descent test`, `build`)

    /// The nonce that marks control messages on stdout (see `ControlMessage`).
    package static let channelVariable = "DESCENT_CHANNEL"
    /// The folder figures are written to.
    package static let figuresVariable = "DESCENT_FIGURES"
    /// `DESCENT_PARAM_<name>`: a hyperparameter's value (see `ParameterType`).
    package static let parameterPrefix = "DESCENT_PARAM_"

    // MARK: Grading programs (`descent grade`)

    /// Which side of a graded exercise the program is: `checker` or `exercise`.
    package static let gradingRoleVariable = "DESCENT_GRADING"
    /// Why the checker lost the exercise when the exercise just ended (its pipe closed): the
    /// grader then says how it ended, where other reasons are the cause themselves.
    package static let exerciseStopped = "your code stopped"
    /// The checker's check blocks to run, as comma-separated indices.
    package static let gradingChecksVariable = "DESCENT_GRADING_CHECKS"

    /// The two programs of a graded exercise (see `RemoteExercise`).
    package enum GradingRole: String {
        /// The instructor's lesson and checks, with the exercise's functions as proxies.
        case checker
        /// The student's exercise, serving the checker's calls; it holds no check.
        case exercise
    }

    /// The checker's descriptors: results to `descent`; calls to, and replies from, the exercise.
    package static let checkerResults: Int32 = 3
    package static let checkerCalls: Int32 = 4
    package static let checkerReplies: Int32 = 5
    /// The exercise's descriptors: calls from, and replies to, the checker.
    package static let exerciseCalls: Int32 = 3
    package static let exerciseReplies: Int32 = 4

    /// The longest line either side of the remote channel accepts.
    package static let remoteLineLimit = 8 << 20
}
