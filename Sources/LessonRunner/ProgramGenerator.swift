import Foundation
import LessonParser

/// Generates the Swift program that runs a lesson's runnable blocks in order, as cells of
/// one notebook sharing top-level state.
///
/// Each block is preceded by `_beginCell(i)` and wrapped in `#sourceLocation`, so that
/// compiler errors, traps and `#line` point at the lesson's own file and line. The
/// hyperparameters become a `params` value whose fields are typed from the front matter and
/// read from the environment at run time.
struct ProgramGenerator {
    /// Modules every lesson program imports.
    static let imports = ["Foundation", "DescentCore", "Plotting", "LessonRuntime"]

    let lesson: Lesson

    var source: String {
        var lines = Self.imports.map { "import \($0)" }
        lines.append("")
        lines.append("/// The lesson's hyperparameters, from its front matter or `--set`.")
        lines.append("struct LessonParameters {")
        for parameter in lesson.frontMatter.params {
            lines.append("    let \(parameter.name): \(parameter.value.swiftType) = _parameter(\"\(parameter.name)\")")
        }
        lines.append("}")
        lines.append("let params = LessonParameters()")
        for (index, cell) in lesson.cells.enumerated() {
            lines.append("")
            lines.append("_beginCell(\(index))")
            lines.append("#sourceLocation(file: \(Self.literal(lesson.file)), line: \(cell.block.firstContentLine))")
            lines.append(cell.block.code.hasSuffix("\n") ? String(cell.block.code.dropLast()) : cell.block.code)
            lines.append("#sourceLocation()")
        }
        lines.append("_endProgram()")
        return lines.joined(separator: "\n") + "\n"
    }

    /// A Swift string literal for `text`.
    static func literal(_ text: String) -> String {
        "\"" + text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"") + "\""
    }
}
