import ArgumentParser
import CourseDriver
import Foundation
import LessonParser
import LessonRunner

/// `descent test`: run lessons and check every block; one line per failure, then
/// `N passed, N failed`.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run lessons and check what their blocks print.",
        discussion: """
            Exits with status 0 only when every block passes. With --bless, a block that fails \
            only because its output differs gets its expected output rewritten: the lines that \
            fail become what was printed, the lines that match stay as written. The command \
            then exits 0 when every failure was blessed.
            """
    )

    @OptionGroup var options: LessonOptions

    @Flag(help: "Rewrite the failing lines of expected outputs in place.")
    var bless = false

    @Argument(
        help: ArgumentHelp("Lessons to run (paths or names in the lessons folder); all when none.", valueName: "lesson")
    )
    var lessonNames: [String] = []

    func validate() throws {
        if bless && !options.overrides.isEmpty {
            throw ValidationError(
                "--bless writes the outputs of the lessons' own parameters; it cannot be used with --set")
        }
    }

    func run() throws {
        let started = DispatchTime.now()
        defer { options.printStatistics(since: started) }
        Report.quiet = options.quiet
        let progress = Progress()
        let outcomes = try options.driver().run(
            try options.lessonFiles(lessonNames), overrides: try options.overrideTexts(),
            progress: progress.courseEvents)
        var blessed = 0
        for outcome in outcomes {
            Report.failures(of: outcome)
            if let run = outcome.run, run.overridden { Report.outputs(of: run) }
            if bless, let run = outcome.run {
                blessed += try Self.bless(run, file: outcome.file)
            }
        }
        // What build and release would refuse: each is one more failure.
        let course = (try? options.lessonFiles([])) ?? []
        let siteErrors = try CourseChecks.site(of: outcomes, course: course).filter { $0.severity == .error }
        siteErrors.forEach(Report.diagnostic)
        let releaseErrors =
            options.overrides.isEmpty
            ? try CourseChecks.release(of: outcomes, course: course, progress: progress.courseEvents) : []
        releaseErrors.forEach(Report.diagnostic)
        let passed = outcomes.map(\.passed).reduce(0, +)
        let failed = outcomes.map(\.failed).reduce(0, +) - blessed + siteErrors.count + releaseErrors.count
        Report.summary(
            bless ? "\(passed) passed, \(blessed) blessed, \(failed) failed" : "\(passed) passed, \(failed) failed",
            failed: failed > 0)
        if failed > 0 { throw ExitCode.failure }
    }

    /// Blesses `run`'s lesson and reports it; returns how many expected outputs were rewritten.
    static func bless(_ run: LessonRun, file: String) throws -> Int {
        let blessing = try LessonBlessing.bless(run, file: file)
        blessing.refused.forEach(Report.diagnostic)
        if blessing.fileChanged {
            Report.diagnostic(
                "\(file): error: not blessed: the file changed while its lesson ran; run descent test --bless again")
        } else if blessing.rewritten > 0 {
            Report.info("\(file): rewrote \(count(blessing.rewritten, "expected output"))")
        }
        return blessing.rewritten
    }
}
