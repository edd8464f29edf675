import Foundation

/// Finds the reference-solution regions of a code block: the lines from `// BEGIN SOLUTION`
/// to the next `// END SOLUTION`, markers included.
///
/// Regions may appear only in exercise blocks, must be closed and must not nest.
enum SolutionRegions {
    static let begin = "// BEGIN SOLUTION"
    static let end = "// END SOLUTION"

    static func find(in block: CodeBlock, file: String) -> (ranges: [ClosedRange<Int>], diagnostics: [Diagnostic]) {
        var ranges: [ClosedRange<Int>] = []
        var diagnostics: [Diagnostic] = []
        var open: (line: Int, column: Int)?
        for (offset, text) in block.code.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = block.firstContentLine + offset
            let column = text.prefix { $0 == " " || $0 == "\t" }.count + 1
            // Trimming is slow, and only a comment line can be a marker.
            guard text.drop(while: \.isWhitespace).hasPrefix("//") else { continue }
            let marker = text.trimmingCharacters(in: .whitespaces)
            guard marker == begin || marker == end else { continue }
            if block.role != .exercise {
                diagnostics.append(
                    Diagnostic(file: file, line: line, column: column, "'\(marker)' outside an exercise block"))
            } else if marker == begin {
                if let open {
                    diagnostics.append(
                        Diagnostic(
                            file: file, line: line, column: column,
                            "solution regions cannot nest (the one opened at line \(open.line) is still open)"))
                } else {
                    open = (line, column)
                }
            } else if let opened = open {
                ranges.append(opened.line...line)
                open = nil
            } else {
                diagnostics.append(
                    Diagnostic(file: file, line: line, column: column, "'\(end)' without a '\(begin)' before it"))
            }
        }
        if let open {
            diagnostics.append(
                Diagnostic(
                    file: file, line: open.line, column: open.column, "solution region is never closed with '\(end)'"))
        }
        return (ranges, diagnostics)
    }
}
