/// Checks that hold across a lesson's blocks: every `output` block follows a spec block,
/// exercise ids are unique, every check names an exercise defined before it, names are
/// unique.
struct LessonValidator {
    let lesson: Lesson

    var diagnostics: [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        func error(_ block: CodeBlock, _ message: String) {
            diagnostics.append(Diagnostic(file: lesson.file, line: block.line, message))
        }
        var previous: CodeBlock?
        var exercises: [String: Int] = [:]
        var names: [String: Int] = [:]
        for block in lesson.codeBlocks {
            switch block.role {
            case .output where previous?.role != .spec:
                error(block, "an output block must come right after a swift spec block")
            case .exercise:
                if let id = block.attributes.exercise {
                    if let first = exercises[id] {
                        error(block, "exercise id '\(id)' is already used at line \(first)")
                    }
                    exercises[id] = exercises[id] ?? block.line
                }
            case .check:
                if let id = block.attributes.exercise, exercises[id] == nil {
                    error(block, "check for exercise '\(id)', but no exercise block with id=\(id) comes before it")
                }
            default:
                break
            }
            if let name = block.attributes.name {
                if let first = names[name] { error(block, "block name '\(name)' is already used at line \(first)") }
                names[name] = names[name] ?? block.line
            }
            previous = block
        }
        return diagnostics
    }
}
