import Foundation
import LessonParser
import LessonRunner
import SiteRenderer

/// The render and write stages: the outcomes of a course run to a site folder.
public enum SitePublisher {
    /// Renders `outcomes` (failing blocks marked on their pages) and writes the site to
    /// `output`, even when blocks failed, so that the author can look at it. The course file
    /// of the `lessons` folder, if any, gives the front page and metadata; its problems come
    /// first in the returned site's diagnostics.
    package static func publish(
        _ outcomes: [LessonOutcome], lessons folder: String, to output: OutputFolder, edition: SiteEdition = .student,
        progress: @escaping CourseProgress = { _ in }
    ) throws -> SiteOutput {
        progress(.rendering(out: output.path))
        let site = try render(outcomes, lessons: folder, edition: edition)
        try SiteWriter.write(site, to: output)
        progress(.rendered(out: output.path))
        return site
    }

    /// The site of `outcomes` in `edition`, rendered in memory; the course file's problems
    /// come first in its diagnostics.
    package static func render(
        _ outcomes: [LessonOutcome], lessons folder: String, edition: SiteEdition
    ) throws -> SiteOutput {
        let (course, courseProblems) = Course.read(folder: folder)
        let lessons = outcomes.compactMap { outcome in
            (outcome.run?.lesson ?? outcome.lesson).map { lesson in
                SiteLesson(lesson: lesson, run: outcome.run, problems: outcome.diagnostics, choices: outcome.choices)
            }
        }
        var site = try Site.build(
            lessons, course: course, edition: edition, typesetter: KaTeX(), highlighter: Pygments(),
            cache: .standard)
        site.diagnostics = courseProblems + site.diagnostics
        return site
    }
}
