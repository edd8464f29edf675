/// A failure that is fully said by one message: of the tool (no compiler, no pipe, a helper
/// program that failed), of its input (a lesson that is not there, a `--set` no lesson
/// declares, a submission that cannot be graded) or of a piece of a lesson (a link that
/// points nowhere, a formula the typesetter rejects). The message is printed as it is
/// (`Error: …` for a command), so it says what and, when it can, where.
///
/// One type for all of them: the modules that throw it all read lessons, so it lives here.
/// A problem at a place in a lesson that an editor should jump to is a `Diagnostic`.
public struct DescentError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
