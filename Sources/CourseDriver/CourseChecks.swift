import CommonMark
import Foundation
import Grading
import LessonParser
import LessonRunner
import SiteRenderer

/// What `build` and `release` would find wrong besides the runs, so that `descent test`
/// catches it first.
public enum CourseChecks {
    /// The site's problems (a missing title, a broken link, anchor or image, a formula KaTeX
    /// rejects) in the lessons of `outcomes`, found by rendering the site in memory, nothing
    /// written; the other lessons of the course are rendered too, as targets of links.
    public static func site(of outcomes: [LessonOutcome], course: [String]) throws -> [Diagnostic] {
        let tested = Dictionary(outcomes.map { (LessonFiles.identity(of: $0.file), $0) }) { first, _ in first }
        var lessons: [SiteLesson] = []
        for file in (course + outcomes.map(\.file)).uniqued(by: LessonFiles.identity) {
            if let outcome = tested[LessonFiles.identity(of: file)] {
                if let lesson = outcome.run?.lesson ?? outcome.lesson {
                    lessons.append(SiteLesson(lesson: lesson, run: outcome.run, problems: outcome.diagnostics))
                }
            } else if let lesson = LessonReader.read(URL(fileURLWithPath: file), file: file).lesson {
                lessons.append(SiteLesson(lesson: lesson, run: nil))
            }
        }
        let site = try Site.build(lessons, typesetter: KaTeX(), highlighter: Unhighlighted(), cache: .standard)
        return site.diagnostics.filter { tested[LessonFiles.identity(of: $0.file)] != nil }
    }

    /// What `release` would refuse in the lessons that passed (an exercise without a
    /// solution region, a reference solution that fails, a stub that passes), found by
    /// grading each exercise's solution and stub as `release` does; each lesson's exercises
    /// compile once per version, and are taken from the cache after that, however the
    /// lesson's path was typed: they are graded under its identity (`LessonFiles.identity`),
    /// and the messages name it as typed. A lesson verified sound before, unchanged in all
    /// that grading reads, is not graded again (`VerificationRecords`). Nothing when no
    /// exercise of `course` has a solution region: that is a student's copy.
    public static func release(
        of outcomes: [LessonOutcome], course: [String], progress: @escaping CourseProgress = { _ in }
    ) throws -> [String] {
        let courseLessons = course.compactMap { LessonReader.read(URL(fileURLWithPath: $0), file: $0).lesson }
        let hasSolutions = courseLessons.contains { lesson in
            lesson.codeBlocks.contains { $0.role == .exercise && !$0.solutions.isEmpty }
        }
        var typed: [String: String] = [:]
        let lessons = outcomes.filter { $0.failed == 0 }.compactMap { $0.run?.lesson }
            .filter { lesson in lesson.codeBlocks.contains { $0.role == .exercise } }
            .map { lesson in
                var identified = lesson
                identified.file = LessonFiles.identity(of: lesson.file)
                typed[identified.file] = lesson.file
                return identified
            }
        guard hasSolutions, !lessons.isEmpty else { return [] }
        let executor = try GradingExecutor(sandbox: nil)
        let records = VerificationRecords(cache: .standard, executor: executor)
        let unverified = lessons.filter { !records.isVerified($0) }
        guard !unverified.isEmpty else { return [] }
        let release = CourseRelease(lessons: unverified)
        let events = OrderedEvents(progress)
        defer { events.send(.checkedExercises) }
        let problems = release.verify(with: Grader(lessons: unverified, executor: executor)) { done, total in
            events.send(.checkingExercises(done: done, total: total))
        }
        records.recordVerified(unverified, problems: problems)
        return problems.map { problem in
            typed.reduce(problem) { text, name in
                text.replacingOccurrences(of: name.key + ":", with: name.value + ":")
            }
        }
    }
}

/// Code left as escaped text: checks need no colours.
private struct Unhighlighted: CodeHighlighter {
    func highlight(_ samples: [String]) throws -> [String] {
        samples.map(HTMLFormatter.escape)
    }
}

private extension Array {
    /// The elements in order, each key once.
    func uniqued(by key: (Element) -> String) -> [Element] {
        var seen: Set<String> = []
        return filter { seen.insert(key($0)).inserted }
    }
}
