import LessonParser
import LessonRunner

/// The program that grades one exercise of one submission, on its own.
///
/// It is the lesson's runnable blocks in order up to the exercise's last check block, where
/// the exercise is the student's code, every other exercise is the reference solution (so
/// that a mistake in one exercise never costs points in another), and the only checks are
/// the exercise's own, each wrapped so that `descent` can run any subset of them:
///
///     _gradingStart()                        // reads the key before any lesson code runs
///     _gradingBlock(0)                       // each block before the checks is announced,
///     …spec blocks, other exercises (reference)…   // so its own time limit applies
///     _gradingBlock(3)
///     #sourceLocation(file: "<submission>", line: …)
///     …the student's exercise…
///     if _gradingCheck(0) {
///     #sourceLocation(file: "lessons/….md", line: …)
///     …check block 0…
///     _gradingCheckDone(0)
///     }
///     …
///     _gradingEnd()
///
/// Each check block is a scope of its own when graded.
struct ExerciseProgram {
    let lesson: Lesson
    let exercise: CodeBlock
    /// The student's code for the exercise.
    let submitted: String
    /// The name and first line of the student's code in diagnostics.
    let submittedFile: String
    let submittedLine: Int

    /// The exercise's check blocks, in lesson order; a check's index is its position here.
    var checks: [CodeBlock] {
        lesson.codeBlocks.filter { $0.role == .check && $0.attributes.exercise == exercise.attributes.exercise }
    }

    /// The blocks that run before and between the checks (spec blocks and exercises).
    var preamble: [CodeBlock] {
        guard let last = checks.last else { return [] }
        return lesson.codeBlocks.filter { ($0.role == .spec || $0.role == .exercise) && $0.line < last.line }
    }

    var source: String {
        var lines = ProgramGenerator.header(for: lesson)
        lines.append("_gradingStart()")
        var checkIndex = 0
        var blockIndex = 0
        for block in lesson.codeBlocks where block.runs {
            guard let lastCheck = checks.last, block.line <= lastCheck.line else { break }
            switch block.role {
            case .exercise where block.attributes.exercise == exercise.attributes.exercise:
                lines.append("_gradingBlock(\(blockIndex))")
                blockIndex += 1
                lines += ProgramGenerator.located(submitted, file: submittedFile, line: submittedLine)
            case .check where block.attributes.exercise == exercise.attributes.exercise:
                lines.append("if _gradingCheck(\(checkIndex)) {")
                lines += ProgramGenerator.located(block.code, file: lesson.file, line: block.firstContentLine)
                lines.append("_gradingCheckDone(\(checkIndex))")
                lines.append("}")
                checkIndex += 1
            case .check:
                continue
            default:
                lines.append("_gradingBlock(\(blockIndex))")
                blockIndex += 1
                lines += ProgramGenerator.located(block.code, file: lesson.file, line: block.firstContentLine)
            }
        }
        lines.append("_gradingEnd()")
        return lines.joined(separator: "\n") + "\n"
    }
}
