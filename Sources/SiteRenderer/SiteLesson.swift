import LessonParser
import LessonRunner

/// One lesson as the site sees it: parsed, and run unless it had errors.
public struct SiteLesson: Sendable {
    public var lesson: Lesson
    /// The run's outputs, figures and verdicts; nil when the lesson was not run.
    public var run: LessonRun?
    /// What the parser found wrong; shown at the top of the lesson's page.
    public var problems: [Diagnostic]
    /// The runs with each value a reader may choose, one parameter changed in each (its
    /// `overrides`); the page lets the reader switch to them.
    public var choices: [LessonRun]

    public init(lesson: Lesson, run: LessonRun?, problems: [Diagnostic] = [], choices: [LessonRun] = []) {
        self.lesson = lesson
        self.run = run
        self.problems = problems
        self.choices = choices
    }
}
