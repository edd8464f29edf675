/// A parsed lesson: its front matter and its content, in source order.
public struct Lesson: Sendable {
    /// The path used in diagnostics and `#sourceLocation`, e.g. `lessons/01-derivatives.md`.
    public var file: String
    /// The file name without extension, e.g. `01-derivatives`; names the lesson's site folder.
    public var slug: String
    /// The lesson's text, exactly as read.
    public var source: String
    public var frontMatter: FrontMatter
    public var items: [LessonItem]

    public init(file: String, slug: String, source: String, frontMatter: FrontMatter, items: [LessonItem]) {
        self.file = file
        self.slug = slug
        self.source = source
        self.frontMatter = frontMatter
        self.items = items
    }
}

/// One top-level piece of a lesson: CommonMark prose, or a fenced code block.
public enum LessonItem: Sendable {
    /// Markdown text starting at `line` (code blocks excluded), kept for the renderer.
    case prose(markdown: String, line: Int)
    case code(CodeBlock)
}

/// A fenced code block and what its info string says about it.
public struct CodeBlock: Sendable, Equatable {
    public var role: Role
    public var attributes: Attributes
    /// The block's content, without fences.
    public var code: String
    /// The line of the opening fence.
    public var line: Int
    /// The lines of the content: first content line through last (empty when there is none).
    public var contentLines: Range<Int>
    /// Lines between `// BEGIN SOLUTION` and `// END SOLUTION`, markers included (exercises only).
    public var solutions: [ClosedRange<Int>]
    /// Spaces before the opening fence, which cmark removes from each content line: add it
    /// to a column in `code` to get the column in the lesson.
    public var indent: Int

    public init(
        role: Role, attributes: Attributes, code: String, line: Int,
        contentLines: Range<Int>, solutions: [ClosedRange<Int>] = [], indent: Int = 0
    ) {
        self.role = role
        self.attributes = attributes
        self.code = code
        self.line = line
        self.contentLines = contentLines
        self.solutions = solutions
        self.indent = indent
    }

    /// The first line of the block's content (the line after the opening fence).
    public var firstContentLine: Int { line + 1 }

    /// Whether the block's code runs (`spec`, `exercise` and `check` blocks).
    public var runs: Bool { role == .spec || role == .exercise || role == .check }
}

/// What a code block is for, from the first words of its info string.
public enum Role: String, Sendable, Equatable {
    /// ` ```swift ` — shown, never run.
    case swift
    /// ` ```swift spec ` — run in order with the lesson's other runnable blocks.
    case spec
    /// ` ```output ` — the expected output of the spec block before it.
    case output
    /// ` ```swift exercise id=… points=… ` — code a student completes.
    case exercise
    /// ` ```swift check exercise=… ` — assertions that grade an exercise.
    case check
    /// A fence without an info string: shown as plain text.
    case plain
}

/// The `key=value` attributes and bare flags that follow a block's role words.
public struct Attributes: Sendable, Equatable {
    /// `hidden`: the block runs but is not shown (on a check: not given to students).
    public var hidden = false
    /// `name=`: a stable name for the block.
    public var name: String?
    /// `tolerance=`: numbers in the expected output match within this absolute difference.
    public var tolerance: Double?
    /// `timeout=`: seconds the block may run (default 60).
    public var timeout: Double?
    /// `id=` on an exercise, `exercise=` on a check.
    public var exercise: String?
    /// `points=` on an exercise.
    public var points: Int?
    /// `title=` on an exercise.
    public var title: String?
    /// `hides=` on an exercise: names of the core (functions, types) that compute its answer
    /// or most of it, which the student's code may not use when it is graded.
    public var hides: [String] = []

    public init() {}
}

// MARK: - Views

public extension Lesson {
    /// All code blocks, in source order.
    var codeBlocks: [CodeBlock] {
        items.compactMap { if case .code(let block) = $0 { block } else { nil } }
    }

    /// The blocks that run, each with the `output` block that follows it, if any.
    var cells: [Cell] {
        var cells: [Cell] = []
        for block in codeBlocks {
            if block.role == .output, let last = cells.indices.last {
                cells[last].expected = block
            } else if block.runs {
                cells.append(Cell(block: block, expected: nil))
            }
        }
        return cells
    }
}

/// A runnable block and its expected output.
public struct Cell: Sendable, Equatable {
    public var block: CodeBlock
    /// The ` ```output ` block written after it.
    public var expected: CodeBlock?
}
