import Foundation
import LessonParser

/// Rewrites the expected output of every block that fails only because its printed output
/// no longer matches it, touching nothing else in the lesson (as pytest-doctestplus'
/// overwrite mode does).
///
/// Only the lines that fail are rewritten: the expected lines are paired with the printed
/// ones (the longest run of pairs that match, in order, as a line diff pairs them), a line
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
                  diagnostics.allSatisfy({ $0.line == expected.line })
            else { continue }
            let range = (expected.contentLines.lowerBound - 1)..<(expected.contentLines.upperBound - 1)
            let indent = String(repeating: " ", count: expected.indent)
            let fence = lines[expected.line - 1].drop { $0 == " " }.prefix { $0 == "`" || $0 == "~" }
            let printed = OutputMatcher.normalized(result.output).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            if !fence.isEmpty, let closing = printed.first(where: { closes(indent + $0, fence: fence) }) {
                refused.append(Diagnostic(file: run.lesson.file, line: expected.line,
                    "not blessed: the printed line '\(closing)' would close the output block's fence \(fence)"))
                continue
            }
            // A lesson's lines end at a carriage return too: a printed one would split its line.
            if let line = printed.first(where: { $0.unicodeScalars.contains("\r") }) {
                refused.append(Diagnostic(file: run.lesson.file, line: expected.line,
                    "not blessed: the printed line \(line.debugDescription) holds a carriage return (\\r), which would end a line of the lesson"))
                continue
            }
            let matcher = OutputMatcher(tolerance: result.cell.block.attributes.tolerance)
            let written = Array(lines[range])
            let blessed = merge(written: written, printed: printed == [""] ? [] : printed, indent: indent, matcher: matcher)
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
        let pairs = matchingPairs(expected.count, printed.count) { matcher.matches(actual: printed[$1], expected: expected[$0]) }
        var kept: [Int: Int] = [:]
        for (e, p) in pairs { kept[p] = e }
        return printed.indices.map { p in kept[p].map { written[$0] } ?? indent + printed[p] }
    }

    /// The longest sequence of pairs (i, j), increasing in both, with `match(i, j)`: lines
    /// common to both ends are paired first, the rest by a longest-common-subsequence table
    /// (up to a million cells; beyond that the middle is left unpaired).
    static func matchingPairs(_ m: Int, _ n: Int, match: (Int, Int) -> Bool) -> [(Int, Int)] {
        var head = 0
        while head < min(m, n) && match(head, head) { head += 1 }
        var tail = 0
        while tail < min(m, n) - head && match(m - 1 - tail, n - 1 - tail) { tail += 1 }
        let (rows, columns) = (m - head - tail, n - head - tail)
        var middle: [(Int, Int)] = []
        if rows > 0 && columns > 0 && rows * columns <= 1_000_000 {
            // length[i][j]: the longest run of pairs among rows i… and columns j… of the middle.
            var length = Array(repeating: Array(repeating: 0, count: columns + 1), count: rows + 1)
            for i in stride(from: rows - 1, through: 0, by: -1) {
                for j in stride(from: columns - 1, through: 0, by: -1) {
                    length[i][j] = match(head + i, head + j) ? length[i + 1][j + 1] + 1 : max(length[i + 1][j], length[i][j + 1])
                }
            }
            var (i, j) = (0, 0)
            while i < rows && j < columns {
                if match(head + i, head + j) && length[i][j] == length[i + 1][j + 1] + 1 {
                    middle.append((head + i, head + j))
                    (i, j) = (i + 1, j + 1)
                } else if length[i + 1][j] >= length[i][j + 1] {
                    i += 1
                } else {
                    j += 1
                }
            }
        }
        return (0..<head).map { ($0, $0) } + middle + (0..<tail).reversed().map { (m - 1 - $0, n - 1 - $0) }
    }
}
