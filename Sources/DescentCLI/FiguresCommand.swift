import ArgumentParser
import CourseDriver
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
        let started = DispatchTime.now()
        defer { options.printStatistics(since: started) }
        Report.quiet = options.quiet
        let named = try options.lessonFiles([lesson])[0]
        let folder = try output.claim(out, protecting: [options.lessons, named])
        let identity = LessonFiles.identity(of: named)
        let progress = Progress()
        // The whole course runs (from its recorded runs) so that the site stays whole; the
        // named lesson runs last when it is not in the lessons folder.
        let outcomes = try options.driver().run(
            try options.lessonFiles([]) + [named], overrides: try options.overrideTexts(), overridden: [identity],
            choices: true, progress: progress.courseEvents)
        if let run = outcomes.first(where: { LessonFiles.identity(of: $0.file) == identity })?.run {
            if verbose { Report.outputs(of: run) }
            let figures = run.cells.map(\.figures.count).reduce(0, +)
            let values = run.overrides.map { "\($0.name) = \($0.value.encoded)" }
            Report.info(
                "\(run.lesson.file): \(count(run.cells.count, "block")) ran"
                    + (values.isEmpty ? " with the lesson's defaults" : " with \(values.joined(separator: ", "))")
                    + "; \(count(figures, "figure")) drawn, \(run.failed) failed")
        }
        outcomes.forEach(Report.failures)
        let site = try SitePublisher.publish(
            outcomes, lessons: options.lessons, to: folder, progress: progress.courseEvents)
        try Report.site(site, in: folder.path, of: outcomes)
    }
}
