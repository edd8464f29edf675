import LessonParser
import LessonRunner
import SwiftParser
import SwiftSyntax

/// The two programs that grade one exercise of one submission (see `RemoteExercise` in
/// LessonRuntime for how they talk).
///
/// The *checker* holds the instructor's code only: the lesson's runnable blocks in order up
/// to the exercise's last check block, with every other exercise's reference solution, the
/// exercise's functions as proxies, and the exercise's own checks, each wrapped so that
/// `descent` can run one of them:
///
///     _gradingStart()
///     _gradingBlock(0)                      // each block before the checks is announced,
///     …spec blocks, other exercises…        // so its own time limit applies
///     _gradingBlock(3)
///     func double(_ x: Double) -> Double { return LessonRuntime._remoteCall(0, [RemoteArgument(x)], …) }
///     if _gradingCheck(0) {
///     …check block 0…
///     _gradingCheckDone(0)
///     }
///     _gradingEnd()
///
/// The *exercise* holds no check and no reference solution: the same spec blocks, every
/// other exercise as its student-edition stub, the instructor's exercise block with each
/// solution region taken from the student's function of the same name and argument labels
/// (see `RegionSplice`; edits outside the regions are dropped; a function the student
/// removed is a stub), each such body hiding what the exercise `hides=` (see `hiding`), and
/// last `_serveExercise([…])`.
struct GradingPrograms {
    let lesson: Lesson
    let exercise: CodeBlock
    let interface: ExerciseInterface

    /// The exercise's check blocks, in lesson order; a check's index is its position here.
    var checks: [CodeBlock] {
        lesson.codeBlocks.filter { $0.role == .check && $0.attributes.exercise == exercise.attributes.exercise }
    }

    /// The blocks that run before and between the checks (spec blocks and exercises).
    var preamble: [CodeBlock] {
        guard let last = checks.last else { return [] }
        return lesson.codeBlocks.filter { ($0.role == .spec || $0.role == .exercise) && $0.line < last.line }
    }

    private var id: String { exercise.attributes.exercise ?? "" }

    /// The checker's source.
    var checker: String {
        var lines = ProgramGenerator.header(for: lesson)
        lines.append("_gradingStart()")
        var checkIndex = 0
        var blockIndex = 0
        for block in lesson.codeBlocks where block.runs && block.line <= (checks.last?.line ?? 0) {
            switch block.role {
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
                let code = block.line == exercise.line ? interface.proxy(exercise: id) : block.code
                lines += ProgramGenerator.located(code, file: lesson.file, line: block.firstContentLine)
            }
        }
        lines.append("_gradingEnd()")
        return lines.joined(separator: "\n") + "\n"
    }

    /// The exercise program's source, with the student's exercise block `submitted`, which
    /// starts at line `line` of `file`.
    func exercise(submitted: String, file: String, line: Int) throws -> String {
        let bodies = try Self.bodies(in: submitted, for: interface)
        var lines = ProgramGenerator.header(for: lesson)
        for block in preamble where block.runs {
            if block.line == exercise.line {
                let code = interface.replacingBodies { index, function in
                    guard let body = bodies[index] else { return Self.stub(id) }
                    return Self.hiding(
                        exercise.attributes.hides, exercise: id,
                        body: RegionSplice(
                            code: block.code, function: function, lessonFile: lesson.file,
                            blockLine: block.firstContentLine
                        )
                        .body(student: body.text, studentFile: file, studentLine: line + body.line - 1))
                }
                lines += ProgramGenerator.located(code, file: lesson.file, line: block.firstContentLine)
            } else if block.role == .exercise {
                // Another exercise: its stub, as in the student edition (no reference solution).
                guard let other = try? ExerciseInterface(block, file: lesson.file) else { continue }
                let stub = other.replacingBodies { _, _ in Self.stub(block.attributes.exercise ?? "") }
                lines += ProgramGenerator.located(stub, file: lesson.file, line: block.firstContentLine)
            } else {
                lines += ProgramGenerator.located(block.code, file: lesson.file, line: block.firstContentLine)
            }
        }
        lines.append(interface.server)
        return lines.joined(separator: "\n") + "\n"
    }

    /// A graded function's `body` (the text between its braces) in which the names the
    /// exercise `hides=` and the core's module name (so `DescentCore.name` too) cannot be used:
    /// it opens, on the line of the `{`, with local declarations that shadow them, and the body
    /// runs as a closure called at once, so that a body of one expression still returns it:
    ///
    ///     { @available(*, unavailable, message: "…") enum centralDifference {}; … return {
    ///     …the body…
    ///     }() }
    ///
    /// The compiler itself then refuses any use of a hidden name there (`centralDifference(…)`:
    /// "'centralDifference' cannot be constructed"; `centralDifference.self`: the message).
    static func hiding(_ names: [String], exercise id: String, body: String) -> String {
        guard !names.isEmpty else { return body }
        let declarations = (names + ["DescentCore"]).map { name in
            let message = "exercise \(id) is graded without the core's \(name): write it yourself"
            return " @available(*, unavailable, message: \(ProgramGenerator.literal(message))) enum \(name) {};"
        }
        return declarations.joined() + " return {" + body + "}() "
    }

    private static func stub(_ id: String) -> String {
        " return exerciseNotDone(\(ProgramGenerator.literal(id))) "
    }

    /// The bodies of the student's top-level functions that match the interface's (same
    /// name and argument labels), by the interface's index: their text between the braces,
    /// and the line (in `code`) where it starts.
    static func bodies(in code: String, for interface: ExerciseInterface) throws -> [Int: (text: String, line: Int)] {
        let tree = try SwiftSource.parse(code)
        let converter = SourceLocationConverter(fileName: "", tree: tree)
        let bytes = Array(code.utf8)
        var bodies: [Int: (text: String, line: Int)] = [:]
        for item in tree.statements {
            guard let function = item.item.as(FunctionDeclSyntax.self), let body = function.body,
                body.leftBrace.presence == .present, body.rightBrace.presence == .present
            else { continue }
            let labels = function.signature.parameterClause.parameters.map {
                $0.firstName.text == "_" ? nil : $0.firstName.text
            }
            guard
                let index = interface.functions.firstIndex(where: {
                    $0.name == function.name.text && $0.parameters.map(\.label) == labels
                }),
                bodies[index] == nil
            else { continue }
            let start = body.leftBrace.endPositionBeforeTrailingTrivia.utf8Offset
            let end = body.rightBrace.positionAfterSkippingLeadingTrivia.utf8Offset
            guard start <= end, end <= bytes.count else { continue }
            bodies[index] = (
                String(decoding: bytes[start..<end], as: UTF8.self),
                converter.location(for: body.leftBrace.positionAfterSkippingLeadingTrivia).line
            )
        }
        return bodies
    }
}
