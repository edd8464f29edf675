import ArgumentParser
import Foundation
import LessonRunner

/// `descent test`: run lessons and check every block; one line per failure, then
/// `N passed, N failed`.
struct TestCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run lessons and check what their blocks print.",
        discussion: "Exits with status 0 only when every block passes."
    )

    @OptionGroup var options: LessonOptions

    @Flag(help: "Rewrite the expected output of failing blocks in place.")
    var bless = false

    @Argument(help: ArgumentHelp("Lessons to run (paths or names in the lessons folder); all when none.", valueName: "lesson"))
    var lessonNames: [String] = []

    func run() throws {
        let outcomes = try CourseRun(options: options).run(try options.lessonFiles(lessonNames))
        for outcome in outcomes {
            Report.failures(of: outcome)
            if let run = outcome.run, run.overridden { Report.outputs(of: run) }
            if bless, let run = outcome.run, let (source, count) = Blesser.bless(run) {
                try Data(source.utf8).write(to: URL(fileURLWithPath: outcome.file), options: .atomic)
                print("\(outcome.file): rewrote \(count) expected output\(count == 1 ? "" : "s")")
            }
        }
        let passed = outcomes.map(\.passed).reduce(0, +)
        let failed = outcomes.map(\.failed).reduce(0, +)
        print("\(passed) passed, \(failed) failed")
        if failed > 0 { throw ExitCode.failure }
    }
}
