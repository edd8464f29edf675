import CourseDriver
import Foundation

/// Progress on stderr, shown only when stderr is a terminal: a line that changes while work
/// goes on, and lines that stay when a piece of it is done.
final class Progress: @unchecked Sendable {
    private let enabled = isatty(2) == 1
    private let lock = NSLock()
    /// What each running lesson is doing, by its index in the run.
    private var running: [Int: String] = [:]

    func show(_ line: String) {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K\(line)".utf8))
    }

    /// Replaces the current line with one that stays.
    func finish(_ line: String) {
        guard enabled else { return }
        FileHandle.standardError.write(Data("\r\u{1B}[K\(line)\n".utf8))
    }

    /// Shows a course driver's events: one line that stays per finished lesson, in the
    /// lessons' order (`[2/6] lessons/x.md  5 passed, 0 failed  (1.2 s)`), under a line
    /// naming the lessons running now.
    var courseEvents: CourseProgress {
        { event in self.lock.withLock { self.show(event) } }
    }

    private func show(_ event: CourseEvent) {
        switch event {
        case .started(let index, let total, let file):
            running[index] = "[\(index + 1)/\(total)] \(file) …"
        case .runningChoice(let index, let total, let file, let name, let value):
            running[index] = "[\(index + 1)/\(total)] \(file) … with \(name) = \(value)"
        case .finished(let index, let total, let outcome, let seconds):
            running[index] = nil
            finish(
                "[\(index + 1)/\(total)] \(outcome.file)  \(outcome.passed) passed, \(outcome.failed) failed  "
                    + "(\(String(format: "%.1f", seconds)) s)")
        case .rendering(let out):
            return show("rendering \(out)/ …")
        case .rendered(let out):
            return finish("rendered \(out)/")
        case .checkingExercises(let done, let total):
            return show("[\(done)/\(total)] checking exercises as release would")
        case .checkedExercises:
            return show("")
        }
        if !running.isEmpty { show(running.sorted { $0.key < $1.key }.map(\.value).joined(separator: ", ")) }
    }
}
