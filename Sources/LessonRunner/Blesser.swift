import Foundation
import LessonParser

/// Rewrites the expected output of every block that fails only because its printed output
/// no longer matches it, touching nothing else in the lesson (as pytest-doctestplus' overwrite mode does).
public enum Blesser {
    /// The lesson's new text, and how many `output` blocks changed; nil when none did.
    public static func bless(_ run: LessonRun) -> (source: String, count: Int)? {
        var lines = run.lesson.source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var count = 0
        // From the bottom up, so earlier line numbers stay valid.
        for result in run.cells.reversed() {
            // Only a block whose one problem is its output: never one that did not compile,
            // trapped or failed a check, whose output is not what it should print.
            guard let expected = result.cell.expected, case .failed(let diagnostics) = result.status,
                  diagnostics.allSatisfy({ $0.line == expected.line })
            else { continue }
            let replacement = OutputMatcher.normalized(result.output).split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
            let range = (expected.contentLines.lowerBound - 1)..<(expected.contentLines.upperBound - 1)
            lines.replaceSubrange(range, with: replacement == [""] ? [] : replacement)
            count += 1
        }
        return count == 0 ? nil : (lines.joined(separator: "\n"), count)
    }
}
