import ArgumentParser
import CourseDriver
import Foundation
import LessonParser
import LessonRunner
import SiteRenderer

/// What the commands print about a run, in the `file:line:col: error: …` form editors read.
///
/// On a terminal, a diagnostic's place is bold and its severity coloured (clang's and
/// rustc's colours), and so is the summary; never when stdout is not a terminal or
/// `NO_COLOR` is set (no-color.org). With `-q`, only errors and the closing count.
enum Report {
    /// Set from `-q`: print errors and the closing count only (no notes or outputs).
    nonisolated(unsafe) static var quiet = false
    static let colours = isatty(1) == 1 && (ProcessInfo.processInfo.environment["NO_COLOR"] ?? "").isEmpty

    /// One entry per failing block (its diagnostics), and one per lesson for blocks not run.
    static func failures(of outcome: LessonOutcome) {
        outcome.diagnostics.forEach(diagnostic)
        guard let run = outcome.run else { return }
        for cell in run.cells {
            cell.diagnostics.forEach(diagnostic)
        }
        let notRun = run.cells.compactMap { cell -> String? in
            if case .notRun(let reason) = cell.status { reason } else { nil }
        }
        if let reason = notRun.first {
            diagnostic("\(run.lesson.file): note: \(count(notRun.count, "block")) not run: \(reason)")
        }
        for choice in outcome.choices {
            let values = choice.overrides.map { "\($0.name) = \($0.value.encoded)" }.joined(separator: ", ")
            for cell in choice.cells {
                for var diagnostic in cell.diagnostics {
                    diagnostic.message = "with \(values) (a reader's choice): " + diagnostic.message
                    print(diagnostic)
                }
            }
        }
    }

    /// What a written site holds and what is wrong in it (its diagnostics, each page's
    /// weight), then the closing count of `outcomes`, the runs it shows; throws
    /// `ExitCode.failure` when a block failed or the site has errors.
    static func site(_ site: SiteOutput, in out: String, of outcomes: [LessonOutcome]) throws {
        site.diagnostics.forEach(diagnostic)
        for weight in site.pageWeights {
            let choices = weight.choices == 0 ? "" : " and \(count(weight.choices, "choice"))"
            print("\(out)/\(weight.page): \(weight.kilobytes) kB with its figures\(choices)")
        }
        let pages = outcomes.filter { $0.run != nil || $0.lesson != nil }.count + 1
        let figures = site.files.keys.filter { $0.hasSuffix(".svg") }.count
        let passed = outcomes.map(\.passed).reduce(0, +)
        let failed = outcomes.map(\.failed).reduce(0, +)
        let failing = failed > 0 || site.hasErrors
        summary(
            "wrote \(out)/: \(count(pages, "page")), \(count(figures, "figure")); \(count(passed, "block")) passed, \(failed) failed",
            failed: failing)
        if failing { throw ExitCode.failure }
    }

    /// What each block printed, for runs whose outputs are shown rather than checked.
    static func outputs(of run: LessonRun) {
        guard !quiet else { return }
        for cell in run.cells where !cell.output.isEmpty {
            print("\(run.lesson.file):\(cell.cell.block.line): output:")
            print(cell.output, terminator: cell.output.hasSuffix("\n") ? "" : "\n")
        }
    }

    static func diagnostic(_ diagnostic: Diagnostic) {
        self.diagnostic(diagnostic.description)
    }

    /// Prints `place: severity: message` (further lines may follow), coloured on a terminal.
    static func diagnostic(_ text: String) {
        let severities: [(name: String, colour: String)] = [("error", "31"), ("warning", "35"), ("note", "36")]
        let firstLine = text.prefix { $0 != "\n" }
        guard
            let (severity, range) = severities.lazy.compactMap({ severity in
                firstLine.range(of: ": \(severity.name): ").map { (severity, $0) }
            }).first
        else {
            return info(text)
        }
        if quiet && severity.name != "error" { return }
        guard colours else { return print(text) }
        let place = text[..<range.lowerBound], rest = text[range.upperBound...]
        let message = rest.prefix { $0 != "\n" }, more = rest.dropFirst(message.count)
        print("\u{1B}[1m\(place): \u{1B}[1;\(severity.colour)m\(severity.name):\u{1B}[0;1m \(message)\u{1B}[0m\(more)")
    }

    /// Prints a line that is neither an error nor a summary (not with `-q`).
    static func info(_ text: String) {
        if !quiet { print(text) }
    }

    /// Prints the closing count: green when nothing failed, red when something did.
    static func summary(_ text: String, failed: Bool) {
        print(colours ? "\u{1B}[1;\(failed ? "31" : "32")m\(text)\u{1B}[0m" : text)
    }
}

/// `1 block`, `2 blocks`, `0 figures`.
func count(_ number: Int, _ noun: String) -> String {
    "\(number) \(noun)\(number == 1 ? "" : "s")"
}
