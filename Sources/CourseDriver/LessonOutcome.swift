import LessonParser
import LessonRunner

/// One lesson's outcome in a course run.
public struct LessonOutcome: Sendable {
    /// The lesson's file as it was named (typed, or found in the lessons folder): what
    /// diagnostics and reports print.
    public var file: String
    /// The parsed lesson, unless it could not be read at all.
    public var lesson: Lesson?
    /// Problems found before running (a lesson with errors here is not run).
    public var diagnostics: [Diagnostic]
    public var run: LessonRun?
    /// One run per value a reader may choose (see `Parameter.choices`), each with one
    /// parameter changed; outputs are shown, not checked, as with `--set`.
    public var choices: [LessonRun] = []

    public var passed: Int { run?.passed ?? 0 }
    /// Failed blocks, in the default run and the choices' runs; a lesson that could not be
    /// run counts as one failure.
    public var failed: Int { (run?.failed ?? (diagnostics.isEmpty ? 0 : 1)) + choices.map(\.failed).reduce(0, +) }
}
