import ArgumentParser
import Foundation
import LessonRunner
import SiteRenderer

/// Renders the outcomes of a course run to a site folder and reports what happened.
enum SitePublisher {
    /// Prints each failure at its file:line, writes the site (even when blocks failed, so the
    /// author can look at it), then throws `ExitCode.failure` if anything failed.
    static func publish(_ outcomes: [CourseRun.Outcome], to folder: OutputFolder) throws {
        let out = folder.path
        var lessons: [SiteLesson] = []
        for outcome in outcomes {
            Report.failures(of: outcome)
            if let lesson = outcome.run?.lesson ?? outcome.lesson {
                lessons.append(SiteLesson(lesson: lesson, run: outcome.run, problems: outcome.diagnostics))
            }
        }

        let progress = Progress()
        progress.show("rendering \(out)/ …")
        let site = try Site.build(lessons, typesetter: KaTeX(), highlighter: Pygments())
        try SiteWriter.write(site, to: folder)
        progress.finish("rendered \(out)/")
        site.diagnostics.forEach(Report.diagnostic)

        let failed = outcomes.map(\.failed).reduce(0, +)
        let figures = site.files.keys.filter { $0.hasSuffix(".svg") }.count
        let passed = outcomes.map(\.passed).reduce(0, +)
        let failing = failed > 0 || site.hasErrors
        Report.summary("wrote \(out)/: \(count(lessons.count + 1, "page")), \(count(figures, "figure")); \(count(passed, "block")) passed, \(failed) failed", failed: failing)
        if failing { throw ExitCode.failure }
    }
}
