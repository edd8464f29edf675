import ArgumentParser
import CourseDriver
import Foundation
import LessonParser
import LessonRunner

/// Options shared by the commands that run lessons.
struct LessonOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Folder of lessons.", valueName: "dir"))
    var lessons = "lessons"

    @Option(
        name: .customLong("set"),
        help: ArgumentHelp("Override a hyperparameter (outputs are then shown, not checked).", valueName: "name=value"))
    var overrides: [String] = []

    @Flag(name: .shortAndLong, help: "Print only errors and the closing count.")
    var quiet = false

    @Option(name: .shortAndLong, help: "Lessons compiled and run at once (default: the number of cores).")
    var jobs: Int?

    @Flag(
        help:
            "At the end, print on stderr how often the compiler and lesson programs ran, and the seconds taken."
    )
    var stats = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    /// The overrides as name → text, validated for form.
    func overrideTexts() throws -> [(name: String, text: String)] {
        try overrides.map { item in
            guard let equals = item.firstIndex(of: "="), equals != item.startIndex else {
                throw ValidationError("--set needs NAME=VALUE, not '\(item)'")
            }
            return (String(item[..<equals]), String(item[item.index(after: equals)...]))
        }
    }

    /// The lesson files to run: the named ones (paths, or names in the lessons folder, with
    /// or without `.md`), else every `*.md` of the lessons folder, in name order.
    func lessonFiles(_ names: [String]) throws -> [String] {
        try LessonFiles.find(names, in: lessons)
    }

    /// The course driver these options describe.
    func driver() throws -> CourseDriver {
        var driver = try CourseDriver(lessons: lessons)
        if let jobs { driver.jobs = jobs }
        return driver
    }

    /// Prints the `--stats` line, when asked for, once the command is done however it ended
    /// (call it in a `defer` at the start).
    func printStatistics(since started: DispatchTime) {
        guard stats else { return }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        let (compiler, programs) = (WorkCounters.compilerRuns, WorkCounters.lessonProgramRuns)
        FileHandle.standardError.write(
            Data(
                ("stats: compiler runs \(compiler.count) (\(String(format: "%.2f", compiler.seconds)) s), "
                    + "lesson program runs \(programs.count) (\(String(format: "%.2f", programs.seconds)) s), "
                    + "\(String(format: "%.2f", seconds)) s in all\n").utf8))
    }
}
