import Synchronization

/// How much work this process has done that a cache could have spared: compiler runs (a
/// lesson program, a grading program or one of the libraries lessons link) and lesson
/// program runs. `descent … --stats` prints them; the authoring benchmark checks, with them,
/// that redrawing figures compiles nothing.
public enum WorkCounters {
    private static let compilations = Atomic<Int>(0)
    private static let programRuns = Atomic<Int>(0)

    /// Times this process started the Swift compiler.
    public static var compilerRuns: Int { compilations.load(ordering: .relaxed) }
    /// Times this process started a lesson program.
    public static var lessonProgramRuns: Int { programRuns.load(ordering: .relaxed) }

    static func countCompilerRun() { compilations.add(1, ordering: .relaxed) }
    static func countLessonProgramRun() { programRuns.add(1, ordering: .relaxed) }
}
