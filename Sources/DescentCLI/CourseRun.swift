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
        /// Problems found before running (a lesson with errors here is not run).
        var diagnostics: [Diagnostic]
        var run: LessonRun?

        var passed: Int { run?.passed ?? 0 }
        /// Failed blocks; a lesson that could not be run counts as one failure.
        var failed: Int { run?.failed ?? (diagnostics.isEmpty ? 0 : 1) }
    }

    let options: LessonOptions
    let progress = Progress()

    func run(_ files: [String]) throws -> [Outcome] {
        let parsed = files.map { file in (file, LessonReader.read(URL(fileURLWithPath: file), file: file)) }
        let overrides = try validatedOverrides(for: parsed.compactMap { $0.1.lesson })
        var runner = try Runner()
        var outcomes: [Outcome] = []
        for (index, (file, result)) in parsed.enumerated() {
            progress.show("[\(index + 1)/\(files.count)] \(file)")
            let errors = result.diagnostics.filter { $0.severity == .error }
            guard let lesson = result.lesson, errors.isEmpty else {
                outcomes.append(Outcome(file: file, diagnostics: result.diagnostics, run: nil))
                continue
            }
            runner.overrides = overrides[file] ?? [:]
            outcomes.append(Outcome(file: file, diagnostics: result.diagnostics, run: runner.run(lesson)))
        }
        progress.clear()
        return outcomes
    }

    /// `--set` values typed after each lesson's declaration of the parameter.
    private func validatedOverrides(for lessons: [Lesson]) throws -> [String: [String: ParameterValue]] {
        var result: [String: [String: ParameterValue]] = [:]
        for (name, text) in try options.overrideTexts() {
            var declared = false
            for lesson in lessons {
                guard let parameter = lesson.frontMatter.params.first(where: { $0.name == name }) else { continue }
                declared = true
                guard let value = parameter.value.parsingSameType(text) else {
                    throw ValidationError("--set \(name)=\(text): \(lesson.file):\(parameter.line) declares \(name) as \(parameter.value.swiftType)")
                }
                result[lesson.file, default: [:]][name] = value
            }
            if !declared { throw ValidationError("--set \(name)=…: no lesson declares a parameter '\(name)'") }
        }
        return result
    }
}

/// A one-line progress display on stderr, shown only when stderr is a terminal.
final class Progress: Sendable {
    private let enabled = isatty(2) == 1

    func show(_ line: String) {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K\(line)".utf8))
    }

    func clear() {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K".utf8))
    }
}
