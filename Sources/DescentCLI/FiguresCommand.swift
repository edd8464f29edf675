import ArgumentParser
import Foundation

/// `descent figures LESSON --set NAME=VALUE…`: re-run one lesson with other hyperparameters
/// and rewrite its page and figures in the site, without recompiling it.
///
/// The other lessons keep their defaults (their recorded runs are reused), so the site stays
/// whole; only the named lesson's outputs and figures change.
struct FiguresCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "figures",
        abstract: "Redraw one lesson's figures and outputs with overridden hyperparameters.",
        discussion: "Prints a summary and what failed; --verbose also prints every output."
    )

    @OptionGroup var options: LessonOptions

    @Option(help: ArgumentHelp("Folder of the site to rewrite.", valueName: "dir"))
    var out = "site"

    @Argument(help: ArgumentHelp("The lesson (path or name in the lessons folder).", valueName: "lesson"))
    var lesson: String

    @OptionGroup var output: OutputOptions

    @Flag(name: .shortAndLong, help: "Also print what each block of the lesson printed.")
    var verbose = false

    func run() throws {
        Report.quiet = options.quiet
        let named = try options.lessonFiles([lesson])[0]
        let folder = try output.claim(out, protecting: [options.lessons, named])
        let all = try options.lessonFiles([])
        let standardized = { (path: String) in URL(fileURLWithPath: path).standardizedFileURL.path }
        let file = all.first { standardized($0) == standardized(named) } ?? named
        let files = all.contains(file) ? all : all + [file]
        let outcomes = try CourseRun(options: options, overridden: [file], choices: true).run(files)
        if let run = outcomes.first(where: { $0.file == file })?.run {
            if verbose { Report.outputs(of: run) }
            let figures = run.cells.map(\.figures.count).reduce(0, +)
            let values = run.overrides.map { "\($0.name) = \($0.value.encoded)" }
            Report.info(
                "\(file): \(count(run.cells.count, "block")) ran"
                    + (values.isEmpty ? " with the lesson's defaults" : " with \(values.joined(separator: ", "))")
                    + "; \(count(figures, "figure")) drawn, \(run.failed) failed")
        }
        try SitePublisher.publish(outcomes, lessons: options.lessons, to: folder)
    }
}
