import ArgumentParser
import Foundation
import LessonParser
import SiteRenderer

/// `descent build`: run every lesson and write the course site.
///
/// Failures are shown twice: on the terminal at their file:line, and on the page, where the
/// failing block is marked. The site is written even then, so the author can look at it,
/// and the command exits non-zero.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Run every lesson and write the course site.",
        discussion: """
            Math is typeset with KaTeX (node, Debian's katex package) and Swift highlighted with \
            Pygments (Debian's python3-pygments), each in one process for the whole build. The \
            site is built beside the output folder and swapped in whole at the end. Exits with \
            status 0 only when every block passes and every link, image and formula is sound.
            """
    )

    @OptionGroup var options: LessonOptions

    @Option(help: ArgumentHelp("Folder the site is written to (replaced whole).", valueName: "dir"))
    var out = "site"

    func run() throws {
        let outcomes = try CourseRun(options: options).run(try options.lessonFiles([]))
        var lessons: [SiteLesson] = []
        for outcome in outcomes {
            Report.failures(of: outcome)
            if let run = outcome.run {
                lessons.append(SiteLesson(lesson: run.lesson, run: run, problems: outcome.diagnostics))
            } else if let lesson = LessonReader.read(URL(fileURLWithPath: outcome.file), file: outcome.file).lesson {
                lessons.append(SiteLesson(lesson: lesson, run: nil, problems: outcome.diagnostics))
            }
        }

        let progress = Progress()
        progress.show("rendering \(out)/ …")
        let site = try Site.build(lessons, typesetter: KaTeX(), highlighter: Pygments())
        try SiteWriter.write(site, to: URL(fileURLWithPath: out))
        progress.finish("rendered \(out)/")
        site.diagnostics.forEach { print($0) }

        let failed = outcomes.map(\.failed).reduce(0, +)
        let figures = site.files.keys.filter { $0.hasSuffix(".svg") }.count
        let passed = outcomes.map(\.passed).reduce(0, +)
        print("wrote \(out)/: \(lessons.count + 1) pages, \(figures) figure\(figures == 1 ? "" : "s"); \(passed) blocks passed, \(failed) failed")
        if failed > 0 || site.hasErrors { throw ExitCode.failure }
    }
}
