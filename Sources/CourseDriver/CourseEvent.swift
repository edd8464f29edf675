/// What a course driver is doing, for a progress display. Events are delivered one at a
/// time (never two at once, whatever thread sends them), and a lesson's `finished` only
/// after those of every lesson before it in the list, so that what is shown of finished
/// lessons reads in the list's order however many run at once.
public enum CourseEvent: Sendable {
    /// Lesson `index` (from 0) of `total` started running.
    case started(index: Int, total: Int, file: String)
    /// Lesson `index` runs again with a value a reader may choose.
    case runningChoice(index: Int, total: Int, file: String, name: String, value: String)
    /// Lesson `index` is done, after `seconds` of running.
    case finished(index: Int, total: Int, outcome: LessonOutcome, seconds: Double)
    /// The site is being rendered into the folder `out`.
    case rendering(out: String)
    /// The site was written to the folder `out`.
    case rendered(out: String)
    /// `done` of `total` exercises were checked as `release` would check them.
    case checkingExercises(done: Int, total: Int)
    /// Checking exercises is over.
    case checkedExercises
}

/// Where a course driver sends its `CourseEvent`s.
public typealias CourseProgress = @Sendable (CourseEvent) -> Void
