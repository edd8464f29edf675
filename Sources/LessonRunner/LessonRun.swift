import LessonParser

/// What running a lesson produced: per runnable block, what it printed, its figures and
/// its verdict.
public struct LessonRun: Sendable {
    public var lesson: Lesson
    public var cells: [CellRun]
    /// The hyperparameters `--set` changed, with the values they ran with, in front-matter
    /// order; when there are any, outputs were shown, not checked.
    public var overrides: [Parameter]

    public init(lesson: Lesson, cells: [CellRun], overrides: [Parameter] = []) {
        self.lesson = lesson
        self.cells = cells
        self.overrides = overrides
    }

    public var overridden: Bool { !overrides.isEmpty }

    public var passed: Int { cells.filter { $0.status == .passed }.count }
    public var failed: Int { cells.count - passed }
}

/// One runnable block's result.
public struct CellRun: Sendable {
    public enum Status: Sendable, Equatable, Codable {
        case passed
        /// It ran, or tried to, and something is wrong; each diagnostic says what and where.
        case failed([Diagnostic])
        /// It never ran, for this reason (the lesson did not compile, an earlier block trapped).
        case notRun(String)
    }

    public var cell: Cell
    /// What the block printed on stdout.
    public var output: String
    /// What the block printed on stderr.
    public var errorOutput: String
    public var figures: [Figure]
    public var status: Status
    /// The hyperparameters the block read while it ran, by name.
    public var reads: Set<String>
    /// Whether the program stopped in this block (it trapped, ran out of time or printed
    /// too much): what it printed is cut short, so it is not compared with the expected output.
    public var stoppedTheProgram = false

    public init(
        cell: Cell, output: String = "", errorOutput: String = "", figures: [Figure] = [],
        status: Status, reads: Set<String> = []
    ) {
        self.cell = cell
        self.output = output
        self.errorOutput = errorOutput
        self.figures = figures
        self.status = status
        self.reads = reads
    }

    public var diagnostics: [Diagnostic] {
        if case .failed(let diagnostics) = status { diagnostics } else { [] }
    }
}

/// A figure a block drew.
public struct Figure: Sendable, Equatable, Codable {
    /// Names the file: `site/<lesson>/<name>.svg`.
    public var name: String
    public var caption: String
    /// The complete SVG document.
    public var svg: String

    public init(name: String, caption: String, svg: String) {
        self.name = name
        self.caption = caption
        self.svg = svg
    }
}
