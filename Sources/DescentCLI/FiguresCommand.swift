import ArgumentParser
import Foundation

/// `descent figures LESSON --set NAME=VALUE…`: re-run one lesson with other
/// hyperparameters and rewrite its figures in the site, without recompiling it.
struct FiguresCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "figures",
        abstract: "Redraw one lesson's figures and outputs with overridden hyperparameters."
    )

    @OptionGroup var options: LessonOptions

    @Option(help: ArgumentHelp("Site folder whose figures are rewritten.", valueName: "dir"))
    var out = "site"

    @Argument(help: ArgumentHelp("The lesson (path or name in the lessons folder).", valueName: "lesson"))
    var lesson: String

    func run() throws {
        let outcomes = try CourseRun(options: options).run(try options.lessonFiles([lesson]))
        var written = 0
        for outcome in outcomes {
            Report.failures(of: outcome)
            guard let run = outcome.run else { continue }
            Report.outputs(of: run)
            let folder = URL(fileURLWithPath: out).appendingPathComponent(run.lesson.slug)
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            for figure in run.cells.flatMap(\.figures) {
                let file = folder.appendingPathComponent("\(figure.name).svg")
                try Data(figure.svg.utf8).write(to: file, options: .atomic)
                print("wrote \(file.path)")
                written += 1
            }
        }
        if outcomes.contains(where: { $0.failed > 0 }) { throw ExitCode.failure }
        if written == 0 { print("the lesson drew no figures") }
    }
}
