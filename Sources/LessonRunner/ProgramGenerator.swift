import LessonParser

/// Generates the Swift program that runs a lesson's runnable blocks in order, as cells of
/// one notebook sharing top-level state.
///
/// Each block is preceded by `_beginCell(i)` and wrapped in `#sourceLocation`, so that
/// compiler errors, traps and `#line` point at the lesson's own file and line. The
/// hyperparameters become a `params` value whose fields are typed from the front matter and
/// read from the environment at each access, which tells the runner which blocks read them.
package struct ProgramGenerator {
    /// Modules every lesson program imports.
    package static let imports = ["Foundation", "DescentCore", "Plotting", "LessonRuntime"]

    let lesson: Lesson

    var source: String {
        var lines = Self.header(for: lesson)
        for (index, cell) in lesson.cells.enumerated() {
            lines.append("")
            lines.append("_beginCell(\(index))")
            lines += Self.located(cell.block.code, file: lesson.file, line: cell.block.firstContentLine)
        }
        lines.append("_endProgram()")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The imports, and `params`: the lesson's hyperparameters, typed from its front matter.
    package static func header(for lesson: Lesson) -> [String] {
        var lines = imports.map { "import \($0)" }
        lines.append("")
        lines.append("/// The lesson's hyperparameters, from its front matter or `--set`.")
        lines.append("struct LessonParameters {")
        for parameter in lesson.frontMatter.params {
            // In backticks: a parameter may be named like a keyword (`class`, `in`).
            lines.append(
                "    var `\(parameter.name)`: \(parameter.value.swiftType) { _parameter(\"\(parameter.name)\") }")
        }
        lines.append("}")
        lines.append("let params = LessonParameters()")
        return lines
    }

    /// `code` between `#sourceLocation` directives that give it the file and first line it
    /// has in the lesson.
    package static func located(_ code: String, file: String, line: Int) -> [String] {
        [
            "#sourceLocation(file: \(literal(file)), line: \(line))",
            code.hasSuffix("\n") ? String(code.dropLast()) : code,
            "#sourceLocation()",
        ]
    }

    /// A Swift string literal for `text`.
    package static func literal(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\"": result += "\\\""
            case "\n", "\r", "\t", "\0": result += "\\u{\(String(scalar.value, radix: 16))}"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result + "\""
    }
}
