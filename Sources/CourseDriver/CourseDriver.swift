import Foundation
import LessonParser
import LessonRunner

/// The course pipeline as a library: parses and runs lessons, renders and writes the site,
/// and returns what happened as values (outcomes, the site, diagnostics); it prints nothing
/// and never exits. Progress goes to a `CourseProgress` the caller gives.
///
/// Lessons run `jobs` at a time; what a run returns, and everything built from it, is the
/// same whatever `jobs` is. A lesson that cannot be parsed or run is reported in its
/// outcome and the others still run.
public struct CourseDriver: Sendable {
    /// The lessons folder (its course file gives the site's front page).
    public var lessons: String
    /// Lessons run at once.
    public var jobs: Int

    private let runner: Runner

    /// Finds the toolchain lessons are compiled with; throws when it is not there.
    public init(lessons: String, jobs: Int = ProcessInfo.processInfo.activeProcessorCount) throws {
        self.lessons = lessons
        self.jobs = jobs
        runner = try Runner()
    }

    /// Parses and runs `files`, each lesson once however often or by whatever path it is
    /// named (the first name counts), and returns their outcomes in the order of `files`.
    ///
    /// `overrides` (`--set`, as name and text) apply to the lessons of `overridden`
    /// (identities, see `LessonFiles.identity`), to all when nil; each is parsed as the type
    /// its lesson declares, and one that no lesson declares, or of the wrong type, is
    /// refused before anything runs. With `choices`, a lesson none of whose parameters was
    /// overridden is also run with each value a reader may choose.
    public func run(
        _ files: [String], overrides: [(name: String, text: String)] = [], overridden: Set<String>? = nil,
        choices: Bool = false, progress: @escaping CourseProgress = { _ in }
    ) throws -> [LessonOutcome] {
        var seen: Set<String> = []
        let files = files.filter { seen.insert(LessonFiles.identity(of: $0)).inserted }
        let parsed = files.map { file in LessonReader.read(URL(fileURLWithPath: file), file: file) }
        let values = try Overrides.validated(
            overrides,
            for: zip(files, parsed).compactMap { file, result in
                overridden?.contains(LessonFiles.identity(of: file)) ?? true ? result.lesson : nil
            })
        let runner = runner
        let events = OrderedEvents(progress)
        return parallelMap(files.count, jobs: jobs) { index in
            let (file, result) = (files[index], parsed[index])
            events.send(.started(index: index, total: files.count, file: file))
            let started = DispatchTime.now()
            var outcome = LessonOutcome(file: file, lesson: result.lesson, diagnostics: result.diagnostics, run: nil)
            if let lesson = result.lesson, !result.diagnostics.contains(where: { $0.severity == .error }) {
                let own = values[lesson.file] ?? [:]
                outcome.run = runner.run(lesson, overrides: own)
                if choices && own.isEmpty {
                    for alternative in lesson.frontMatter.params.flatMap(\.alternatives) {
                        events.send(
                            .runningChoice(
                                index: index, total: files.count, file: file, name: alternative.name,
                                value: alternative.value.encoded))
                        outcome.choices.append(runner.run(lesson, overrides: [alternative.name: alternative.value]))
                    }
                }
            }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
            events.finish(index, outcome: outcome, seconds: seconds, total: files.count)
            return outcome
        }
    }
}

/// Sends a driver's events one at a time, holding back each lesson's `finished` until
/// those of the lessons before it were sent.
final class OrderedEvents: @unchecked Sendable {
    private let lock = NSLock()
    private let progress: CourseProgress
    private var held: [Int: CourseEvent] = [:]
    private var nextFinished = 0

    init(_ progress: @escaping CourseProgress) { self.progress = progress }

    func send(_ event: CourseEvent) { lock.withLock { progress(event) } }

    func finish(_ index: Int, outcome: LessonOutcome, seconds: Double, total: Int) {
        lock.withLock {
            held[index] = .finished(index: index, total: total, outcome: outcome, seconds: seconds)
            while let event = held.removeValue(forKey: nextFinished) {
                progress(event)
                nextFinished += 1
            }
        }
    }
}
