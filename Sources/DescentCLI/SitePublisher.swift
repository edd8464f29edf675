import ArgumentParser
import Foundation
import LessonParser
import LessonRunner
import SiteRenderer

/// Renders the outcomes of a course run to a site folder and reports what happened.
enum SitePublisher {
    /// Prints each failure at its file:line, writes the site (even when blocks failed, so the
    /// author can look at it), then throws `ExitCode.failure` if anything failed. The course
    /// file of the `lessons` folder, if any, gives the front page and metadata.
    static func publish(
        _ outcomes: [CourseRun.Outcome], lessons folder: String, to output: OutputFolder,
        edition: SiteEdition = .student
    ) throws {
        let out = output.path
        let (course, courseProblems) = Course.read(folder: folder)
        var lessons: [SiteLesson] = []
        for outcome in outcomes {
            Report.failures(of: outcome)
            if let lesson = outcome.run?.lesson ?? outcome.lesson {
                lessons.append(
                    SiteLesson(
                        lesson: lesson, run: outcome.run, problems: outcome.diagnostics,
                        choices: outcome.choices))
            }
        }

        let progress = Progress()
        progress.show("rendering \(out)/ …")
        var site = try Site.build(
            lessons, course: course, edition: edition, typesetter: KaTeX(), highlighter: Pygments(), cache: .standard)
        site.diagnostics = courseProblems + site.diagnostics
        try SiteWriter.write(site, to: output)
        progress.finish("rendered \(out)/")
        site.diagnostics.forEach(Report.diagnostic)
        for weight in site.pageWeights {
            let choices = weight.choices == 0 ? "" : " and \(count(weight.choices, "choice"))"
            print("\(out)/\(weight.page): \(weight.kilobytes) kB with its figures\(choices)")
        }

        let failed = outcomes.map(\.failed).reduce(0, +)
        let figures = site.files.keys.filter { $0.hasSuffix(".svg") }.count
        let passed = outcomes.map(\.passed).reduce(0, +)
        let failing = failed > 0 || site.hasErrors
        Report.summary(
            "wrote \(out)/: \(count(lessons.count + 1, "page")), \(count(figures, "figure")); \(count(passed, "block")) passed, \(failed) failed",
            failed: failing)
        if failing { throw ExitCode.failure }
    }
}
