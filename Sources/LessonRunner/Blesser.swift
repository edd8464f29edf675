import Foundation
import LessonParser

/// Rewrites the expected output of every block that fails only because its printed output
/// no longer matches it, touching nothing else in the lesson (as pytest-doctestplus'
/// overwrite mode does).
///
/// Only the lines that fail are rewritten: the expected lines are paired with the printed
/// ones as `LineDiff` pairs them (the same diff a failing block shows), a line
/// that matches its partner stays as the author wrote it — `3.14` for a printed `3.14159`
/// — and the others become what was printed. The blessed output matches what was printed,
/// so the block passes on the next run.
public enum Blesser {
    /// The lesson's new text, the number of `output` blocks rewritten, and the blocks that
    /// failed only on their output but cannot be blessed, each with its reason.
    public struct Blessing: Sendable {
        public var source: String
        public var count: Int
        public var refused: [Diagnostic]
    }

    /// `text` is the lesson's file as read, whose lesson `run` ran: every line keeps its own
    /// ending (`\r\n`, `\r` or `\n`), and a rewritten line takes the ending of its block's
    /// opening fence.
    public static func bless(_ run: LessonRun, text: String) -> Blessing {
        var (lines, endings) = Self.lines(of: text)
        var count = 0
        var refused: [Diagnostic] = []
        // From the bottom up, so earlier line numbers stay valid.
        for result in run.cells.reversed() {
            // Only a block whose one problem is its output: never one that did not compile,
            // trapped or failed a check, whose output is not what it should print.
            guard let expected = result.cell.expected, case .failed(let diagnostics) = result.status,
                diagnostics.allSatisfy({ (expected.line...expected.contentLines.upperBound).contains($0.line) })
            else { continue }
            let range = (expected.contentLines.lowerBound - 1)..<(expected.contentLines.upperBound - 1)
            let indent = String(repeating: " ", count: expected.indent)
            let fence = lines[expected.line - 1].drop { $0 == " " }.prefix { $0 == "`" || $0 == "~" }
            let printed = OutputMatcher.normalized(result.output).split(
                separator: "\n", omittingEmptySubsequences: false
            ).map(String.init)
            if !fence.isEmpty, let closing = printed.first(where: { closes(indent + $0, fence: fence) }) {
                refused.append(
                    Diagnostic(
                        file: run.lesson.file, line: expected.line,
                        "not blessed: the printed line '\(closing)' would close the output block's fence \(fence)"))
                continue
            }
            // A lesson's lines end at a carriage return too: a printed one would split its line.
            if let line = printed.first(where: { $0.unicodeScalars.contains("\r") }) {
                refused.append(
                    Diagnostic(
                        file: run.lesson.file, line: expected.line,
                        "not blessed: the printed line \(line.debugDescription) holds a carriage return (\\r), which would end a line of the lesson"
                    ))
                continue
            }
            let matcher = OutputMatcher(tolerance: result.cell.block.attributes.tolerance)
            let written = Array(lines[range])
            let blessed = merge(
                written: written, printed: printed == [""] ? [] : printed, indent: indent, matcher: matcher)
            let ending = endings[expected.line - 1].isEmpty ? "\n" : endings[expected.line - 1]
            lines.replaceSubrange(range, with: blessed)
            endings.replaceSubrange(range, with: Array(repeating: ending, count: blessed.count))
            count += 1
        }
        // Every line but the last is ended (a block the file ended in has lines after its
        // fence now), and the last is not, as before.
        let source = lines.indices.map { i in
            lines[i] + (i == lines.count - 1 ? "" : endings[i].isEmpty ? "\n" : endings[i])
        }
        return Blessing(source: source.joined(), count: count, refused: refused.reversed())
    }

    /// The text's lines and the ending of each (the last one's is empty): they are the lines
    /// of the lesson's normalised source, one for one.
    static func lines(of text: String) -> (lines: [String], endings: [String]) {
        var lines: [String] = [], endings: [String] = [], line = ""
        // `\r\n` is one Character.
        for character in text {
            if character == "\n" || character == "\r\n" || character == "\r" {
                lines.append(line)
                endings.append(String(character))
                line = ""
            } else {
                line.append(character)
            }
        }
        return (lines + [line], endings + [""])
    }

    /// Whether `line` closes a code block opened by `fence`, as CommonMark reads it: up to
    /// three spaces, at least as many of the fence's character, then only spaces or tabs.
    static func closes(_ line: String, fence: Substring) -> Bool {
        let spaces = line.prefix { $0 == " " }.count
        let rest = line.dropFirst(spaces)
        let run = rest.prefix { $0 == fence.first }.count
        return spaces <= 3 && run >= fence.count && rest.dropFirst(run).allSatisfy { $0 == " " || $0 == "\t" }
    }

    /// The printed lines, each replaced by the written line it is paired with when they
    /// match. `written` are the lesson's lines (with the block's indent), `printed` the output.
    static func merge(written: [String], printed: [String], indent: String, matcher: OutputMatcher) -> [String] {
        let expected = written.map { $0.hasPrefix(indent) ? String($0.dropFirst(indent.count)) : $0 }
        let pairs = LineDiff.pairs(expected.count, printed.count) {
            matcher.matches(actual: printed[$1], expected: expected[$0])
        }
        var kept: [Int: Int] = [:]
        for (e, p) in pairs { kept[p] = e }
        return printed.indices.map { p in kept[p].map { written[$0] } ?? indent + printed[p] }
    }
}
