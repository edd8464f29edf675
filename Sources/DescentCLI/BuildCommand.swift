import ArgumentParser
import CourseDriver
import Foundation

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
            Pygments (Debian's python3-pygments), each in one process given only what the cache \
            lacks, and not started when it lacks nothing. Lessons run as many at once as --jobs \
            says (default: the number of cores). The \
            site is built beside the output folder and swapped in whole at the end; the folder is \
            replaced only when descent wrote it before (it holds .descent-output) or is empty, \
            and one descent writes it at a time. Exits with status 0 only when every block \
            passes and every link, image and formula is sound.
            """
    )

    @OptionGroup var options: LessonOptions

    @Option(help: ArgumentHelp("Folder the site is written to (replaced whole).", valueName: "dir"))
    var out = "site"

    @OptionGroup var output: OutputOptions

    @Flag(
        help:
            "Write the instructor's copy: the reference solutions and hidden checks are shown, and every page says so. The public site never shows them."
    )
    var solutions = false

    func validate() throws {
        if solutions && URL(fileURLWithPath: out).standardizedFileURL.lastPathComponent == "site" {
            throw ValidationError(
                "--solutions writes the instructor's copy, which holds the solutions: give it a folder of its own with --out DIR, not the public site's"
            )
        }
    }

    func run() throws {
        let started = DispatchTime.now()
        defer { options.printStatistics(since: started) }
        Report.quiet = options.quiet
        let folder = try output.claim(out, protecting: [options.lessons])
        let progress = Progress()
        let outcomes = try options.driver().run(
            try options.lessonFiles([]), overrides: try options.overrideTexts(), choices: true,
            progress: progress.courseEvents)
        outcomes.forEach(Report.failures)
        let site = try SitePublisher.publish(
            outcomes, lessons: options.lessons, to: folder, edition: solutions ? .instructor : .student,
            progress: progress.courseEvents)
        try Report.site(site, in: folder.path, of: outcomes)
    }
}
