import ArgumentParser
import Foundation
import LessonParser
import LessonRunner

/// Parses and runs a list of lessons, one after another, with progress on the terminal.
/// A lesson that cannot be parsed or run is reported and the others still run.
struct CourseRun {
    /// One lesson's outcome.
    struct Outcome {
        var file: String
        /// The parsed lesson, unless it could not be read at all.
        var lesson: Lesson?
        /// Problems found before running (a lesson with errors here is not run).
        var diagnostics: [Diagnostic]
        var run: LessonRun?
        /// One run per value a reader may choose (see `Parameter.choices`), each with one
        /// parameter changed; outputs are shown, not checked, as with `--set`.
        var choices: [LessonRun] = []

        var passed: Int { run?.passed ?? 0 }
        /// Failed blocks, in the default run and the choices' runs; a lesson that could not be
        /// run counts as one failure.
        var failed: Int { (run?.failed ?? (diagnostics.isEmpty ? 0 : 1)) + choices.map(\.failed).reduce(0, +) }
    }

    let options: LessonOptions
    /// The lesson files `--set` applies to; all when nil.
    var overridden: Set<String>? = nil
    /// Whether lessons are also run with each value a reader may choose (for the site); a
    /// lesson whose parameters `--set` changed is not.
    var choices = false
    let progress = Progress()

    func run(_ files: [String]) throws -> [Outcome] {
        let parsed = files.map { file in (file, LessonReader.read(URL(fileURLWithPath: file), file: file)) }
        let overrides = try validatedOverrides(for: parsed.compactMap { $0.1.lesson })
        var runner = try Runner()
        var outcomes: [Outcome] = []
        for (index, (file, result)) in parsed.enumerated() {
            let label = "[\(index + 1)/\(files.count)] \(file)"
            progress.show(label + " …")
            let started = DispatchTime.now()
            var outcome = Outcome(file: file, lesson: result.lesson, diagnostics: result.diagnostics, run: nil)
            if let lesson = result.lesson, !result.diagnostics.contains(where: { $0.severity == .error }) {
                runner.overrides = overrides[file] ?? [:]
                outcome.run = runner.run(lesson)
                if choices && runner.overrides.isEmpty {
                    for alternative in lesson.frontMatter.params.flatMap(\.alternatives) {
                        progress.show(label + " … with \(alternative.name) = \(alternative.value.encoded)")
                        runner.overrides = [alternative.name: alternative.value]
                        outcome.choices.append(runner.run(lesson))
                    }
                }
            }
            let seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
            progress.finish(
                label + "  \(outcome.passed) passed, \(outcome.failed) failed  (\(String(format: "%.1f", seconds)) s)")
            outcomes.append(outcome)
        }
        return outcomes
    }

    /// `--set` values typed after each lesson's declaration of the parameter.
    private func validatedOverrides(for lessons: [Lesson]) throws -> [String: [String: ParameterValue]] {
        var result: [String: [String: ParameterValue]] = [:]
        for (name, text) in try options.overrideTexts() {
            var declared = false
            for lesson in lessons where overridden?.contains(lesson.file) ?? true {
                guard let parameter = lesson.frontMatter.params.first(where: { $0.name == name }) else { continue }
                declared = true
                guard let value = parameter.value.parsingSameType(text) else {
                    throw CommandError(
                        "--set \(name)=\(text): \(lesson.file):\(parameter.line) declares \(name) as \(parameter.value.swiftType)"
                    )
                }
                result[lesson.file, default: [:]][name] = value
            }
            if !declared {
                let declaredNames = lessons.filter { overridden?.contains($0.file) ?? true }.flatMap {
                    $0.frontMatter.params.map(\.name)
                }
                let suggestions = closestNames(to: name, among: declaredNames)
                let hint =
                    suggestions.isEmpty
                    ? (declaredNames.isEmpty
                        ? "" : " (declared: \(Set(declaredNames).sorted().joined(separator: ", ")))")
                    : "; did you mean " + suggestions.map { "'\($0)'" }.joined(separator: " or ") + "?"
                throw CommandError("--set \(name)=…: no lesson declares a parameter '\(name)'" + hint)
            }
        }
        return result
    }
}

/// Progress on stderr, shown only when stderr is a terminal: a line that changes while a
/// lesson runs, and one that stays when it is done.
final class Progress: Sendable {
    private let enabled = isatty(2) == 1

    func show(_ line: String) {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K\(line)".utf8))
    }

    /// Replaces the current line with one that stays.
    func finish(_ line: String) {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K\(line)\n".utf8))
    }
}
