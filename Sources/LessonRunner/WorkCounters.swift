import Foundation
import Synchronization

/// How much work this process has done that a cache could have spared: compiler runs (a
/// lesson program, a grading program or one of the libraries lessons link) and lesson
/// program runs (grading's pairs of programs among them), with the seconds they took (added
/// up: runs at once count each). `descent … --stats` prints them; the authoring benchmark
/// checks with them that redrawing figures compiles nothing, and what a build spends besides
/// compiling and running.
public enum WorkCounters {
    private static let compilations = Atomic<Int>(0)
    private static let compilationNanoseconds = Atomic<Int>(0)
    private static let programRuns = Atomic<Int>(0)
    private static let programNanoseconds = Atomic<Int>(0)

    /// Times this process ran the Swift compiler, and the seconds those runs took.
    public static var compilerRuns: (count: Int, seconds: Double) {
        (compilations.load(ordering: .relaxed), Double(compilationNanoseconds.load(ordering: .relaxed)) / 1e9)
    }

    /// Times this process ran a lesson program, and the seconds those runs took.
    public static var lessonProgramRuns: (count: Int, seconds: Double) {
        (programRuns.load(ordering: .relaxed), Double(programNanoseconds.load(ordering: .relaxed)) / 1e9)
    }

    /// Counts a compiler run that started at `started` and has just ended.
    static func countCompilerRun(since started: DispatchTime) {
        compilations.add(1, ordering: .relaxed)
        compilationNanoseconds.add(nanoseconds(since: started), ordering: .relaxed)
    }

    /// Counts a lesson program run (or one of grading's checker and exercise programs, which
    /// run as a pair and count once) that started at `started` and has just ended.
    package static func countLessonProgramRun(since started: DispatchTime) {
        programRuns.add(1, ordering: .relaxed)
        programNanoseconds.add(nanoseconds(since: started), ordering: .relaxed)
    }

    private static func nanoseconds(since started: DispatchTime) -> Int {
        Int(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds)
    }
}
