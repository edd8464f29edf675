import Foundation
import LessonParser
import LessonRuntime

/// The run stage: a parsed lesson in, a `LessonRun` out.
///
/// Generates one program for the lesson, compiles it (or takes it from the cache), runs it
/// with a time limit per block and a cap on what it may print, and checks each block's
/// output and assertions. Whatever the lesson does, `run` returns.
public struct Runner: Sendable {
    /// Seconds a block may run when it sets no `timeout=`.
    public var defaultTimeout: Double = Self.standardTimeout
    /// The default of `defaultTimeout`.
    public static let standardTimeout: Double = 60
    /// Bytes a lesson program may print (stdout and stderr together) before it is stopped.
    public var outputLimit = 8 << 20

    private let toolchain: Toolchain

    public init() throws {
        toolchain = try Toolchain.locate()
    }

    /// Runs `lesson` with the hyperparameter values of `overrides` (from `--set`, by name)
    /// in place of its defaults; with any, outputs are shown, not checked.
    ///
    /// A lesson has one program however its file was named (`lessons/x.md`, `./lessons/x.md`,
    /// `/abs/lessons/x.md`): the program places its code in `/lesson/x.md`, the file's name
    /// alone in a fixed folder, so its source, hence its cache entry and recorded runs,
    /// depend on the lesson's contents only; what the run reports is placed in `lesson.file`
    /// again. The folder is absolute so that debug information, hence a crash's stack, keeps
    /// the path as written (a relative one would be joined to the compiler's folder).
    public func run(_ lesson: Lesson, overrides: [String: ParameterValue] = [:]) -> LessonRun {
        var anonymous = lesson
        anonymous.file = "/lesson/" + (lesson.file as NSString).lastPathComponent
        var run = running(anonymous, overrides: overrides)
        run.lesson = lesson
        for index in run.cells.indices {
            guard case .failed(let diagnostics) = run.cells[index].status else { continue }
            run.cells[index].status = .failed(
                diagnostics.map { diagnostic in
                    var placed = diagnostic
                    if placed.file == anonymous.file { placed.file = lesson.file }
                    return placed
                })
        }
        return run
    }

    private func running(_ lesson: Lesson, overrides: [String: ParameterValue]) -> LessonRun {
        let cells = lesson.cells
        let changed = lesson.frontMatter.params.compactMap { parameter in
            overrides[parameter.name].map { Parameter(name: parameter.name, value: $0, line: parameter.line) }
        }
        func everyCell(_ status: CellRun.Status) -> LessonRun {
            LessonRun(lesson: lesson, cells: cells.map { CellRun(cell: $0, status: status) }, overrides: changed)
        }
        // A lesson of prose and shown code has nothing to run, so no program is built.
        guard !cells.isEmpty else { return LessonRun(lesson: lesson, cells: [], overrides: changed) }
        do {
            let source = ProgramGenerator(lesson: lesson).source
            let key = "\(lesson.slug)-" + SHA256.key(source + "\n" + toolchain.fingerprint)
            // The value of every hyperparameter for this run, as the program reads it.
            let values = Dictionary(
                uniqueKeysWithValues: lesson.frontMatter.params.map {
                    ($0.name, (overrides[$0.name] ?? $0.value).encoded)
                })
            let records = RunRecords(cache: toolchain.cache, program: key)
            var results: [CellRun]
            // A recorded run needs no program: it is compiled only to run.
            if let recorded = records.load(values, cells: cells) {
                results = recorded
            } else {
                let cache = ProgramCache(toolchain: toolchain, kind: "programs")
                switch try cache.compile(source, key: key, place: (lesson.file, 1)) {
                case .failed(let diagnostics):
                    return LessonRun(
                        lesson: lesson, cells: Self.compileFailures(diagnostics, cells: cells, lesson: lesson),
                        overrides: changed)
                case .compiled(let executable):
                    let (ran, endedWell) = try execute(executable, lesson: lesson, cells: cells, values: values)
                    if endedWell { records.save(ran, for: values) }
                    results = ran
                }
            }
            if changed.isEmpty { results = results.map { Self.checkingOutput($0, file: lesson.file) } }
            results = Self.unfinishedExercisesOnce(results, lesson: lesson)
            return LessonRun(lesson: lesson, cells: results, overrides: changed)
        } catch {
            return everyCell(.failed([Diagnostic(file: lesson.file, line: 1, "cannot run lesson: \(error)")]))
        }
    }

    /// Compiler errors go to the blocks they point into; the other blocks did not run.
    private static func compileFailures(_ diagnostics: [Diagnostic], cells: [Cell], lesson: Lesson) -> [CellRun] {
        var unplaced = diagnostics.filter { diagnostic in
            !cells.contains { $0.block.contentLines.contains(diagnostic.line) && diagnostic.file == lesson.file }
        }
        return cells.enumerated().map { index, cell in
            var own = diagnostics.filter { $0.file == lesson.file && cell.block.contentLines.contains($0.line) }
                .map { diagnostic in
                    var placed = diagnostic
                    placed.column += cell.block.indent
                    return placed
                }
            if index == 0 {
                own += unplaced
                unplaced = []
            }
            return CellRun(cell: cell, status: own.isEmpty ? .notRun("the lesson does not compile") : .failed(own))
        }
    }

    /// Runs a compiled lesson program and splits what it did by block; `endedWell` is false
    /// when the program was stopped or did not exit with status 0.
    private func execute(_ executable: String, lesson: Lesson, cells: [Cell], values: [String: String]) throws -> (
        results: [CellRun], endedWell: Bool
    ) {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("descent-run-\(UUID().uuidString)")
        let figures = scratch.appendingPathComponent("figures"), crashes = scratch.appendingPathComponent("crashes")
        try FileManager.default.createDirectory(at: figures, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: crashes, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: scratch) }

        let nonce = (0..<4).map { _ in String(UInt64.random(in: .min ... .max), radix: 36) }.joined()
        var environment = ProcessInfo.processInfo.environment
        environment[ProgramContract.channelVariable] = nonce
        environment[ProgramContract.figuresVariable] = figures.path
        environment["SWIFT_BACKTRACE"] = CrashReport.environment(folder: crashes)
        PortableMath.apply(to: &environment)
        for (name, value) in values {
            environment[ProgramContract.parameterPrefix + name] = value
        }

        var results = cells.map { CellRun(cell: $0, status: .notRun("an earlier block stopped the lesson")) }
        var current: Int?
        var lastThrow: [UInt] = []
        var failures: [Int: [Diagnostic]] = [:]
        var demultiplexer = CellDemultiplexer(nonce: nonce)
        var printed = 0
        var cellStart = DispatchTime.now()
        let timeout = { (index: Int?) -> Double in
            index.flatMap { cells[$0].block.attributes.timeout } ?? defaultTimeout
        }

        func take(_ pieces: [CellDemultiplexer.Piece]) {
            for piece in pieces {
                switch piece {
                case .text(let bytes):
                    if let current { results[current].output += String(decoding: bytes, as: UTF8.self) }
                case .message(.cell(let index)) where cells.indices.contains(index):
                    current = index
                    lastThrow = []
                    results[index].status = .passed
                    cellStart = DispatchTime.now()
                case .message(.figure(let name, let caption)) where isFigureName(name):
                    let svg =
                        (try? String(contentsOf: figures.appendingPathComponent("\(name).svg"), encoding: .utf8)) ?? ""
                    if let current { results[current].figures.append(Figure(name: name, caption: caption, svg: svg)) }
                case .message(.read(let name)):
                    if let current { results[current].reads.insert(name) }
                case .message(.failure(let line, let message)):
                    if let current {
                        failures[current, default: []].append(Diagnostic(file: lesson.file, line: line, message))
                    }
                case .message(.thrown(let offsets)):
                    lastThrow = offsets
                case .message(.cell), .message(.figure):
                    break  // out of range, or a name no figure() call sends
                }
            }
        }

        let process = ChildProcess(executable: executable, environment: environment)
        let started = DispatchTime.now()
        let ending = try process.run(deadline: { cellStart + timeout(current) }) { stream, bytes in
            printed += bytes.count
            switch stream {
            case .stdout: take(demultiplexer.feed(bytes))
            case .stderr: if let current { results[current].errorOutput += String(decoding: bytes, as: UTF8.self) }
            case .results: break  // a lesson program has no private channel
            }
            return printed <= outputLimit
        }
        WorkCounters.countLessonProgramRun(since: started)
        take(demultiplexer.finish())

        let crash = CrashReport.read(from: crashes)
        if let current,
            let problem = Self.describe(
                ending, timeout: timeout(current), limit: outputLimit, stderr: results[current].errorOutput,
                crash: crash)
        {
            // An error no code caught is reported where it was thrown; a trap where it trapped.
            let locations =
                ThrowSite.isUncaughtError(problem)
                ? ThrowSite.locations(of: lastThrow, in: executable, compiler: toolchain.compiler)
                : crash?.crashedFrames.compactMap(\.sourceLocation) ?? []
            failures[current, default: []] += Self.place(
                problem, at: locations, in: lesson, block: cells[current].block)
            results[current].stoppedTheProgram = true
        } else if current == nil,
            let problem = Self.describe(ending, timeout: defaultTimeout, limit: outputLimit, stderr: "", crash: crash)
        {
            failures[0, default: []].append(
                Diagnostic(file: lesson.file, line: 1, "the lesson program failed before its first block: \(problem)"))
        }
        for (index, diagnostics) in failures where results.indices.contains(index) {
            results[index].status = .failed(diagnostics)
        }
        return (results, ending == .exited(0))
    }

    /// Why a run that ended this way failed, or nil when it ended well: for a trap, the
    /// runtime's message (`Fatal error: Index out of range`), without the path it names.
    private static func describe(
        _ ending: ChildProcess.Ending, timeout: Double, limit: Int, stderr: String, crash: CrashReport?
    ) -> String? {
        var details = messageLines(ofErrorOutput: stderr).suffix(5).map { line in
            // In the lesson's terms: `Fatal error: Error raised at top level: LessonProgram.Oops()`
            // reads `uncaught error: Oops()`.
            String(line).replacing("Fatal error: Error raised at top level:", with: "uncaught error:")
                .replacing("\(Toolchain.moduleName).", with: "")
        }
        if let failure = crash?.runtimeFailure { details.append(failure) }
        let detail = details.isEmpty ? "" : ": " + details.joined(separator: "\n")
        switch ending {
        case .exited(0): return nil
        case .exited(let status): return "the block exited with status \(status)" + detail
        case .signalled(let signal) where [SIGILL, SIGTRAP].contains(signal):
            return "the block trapped" + (detail.isEmpty ? " (signal \(signal))" : detail)
        case .signalled(let signal) where crash?.runawayRecursion != nil:
            return
                "the block ran out of stack: \(crash?.runawayRecursion ?? "") calls itself without end, or too deeply (signal \(signal))"
        case .signalled(let signal):
            let name = strsignal(signal).map { String(cString: $0).lowercased() } ?? "signal"
            return "the block crashed (\(name), signal \(signal))" + detail
        case .timedOut:
            return
                "the block did not finish within \(timeout.secondsText) s and was stopped (set timeout= to allow more)"
        case .stopped: return "the lesson printed more than \(limit >> 20) MiB and was stopped"
        }
    }

    /// `problem` at the statement that caused it: the innermost of `stack` (source locations,
    /// innermost first) that lies in the lesson, however deep in the standard or core library
    /// the program stopped, with a note at the failing block's own statement when that one is
    /// in an earlier block (a function it called). Without one (a time limit, a flood), at
    /// the block's first line.
    private static func place(
        _ problem: String, at stack: [CrashReport.SourceLocation], in lesson: Lesson, block: CodeBlock
    ) -> [Diagnostic] {
        // Line 0 is the compiler's own code; column 0 a function's entry, before any statement.
        let inLesson = stack.filter { $0.file == lesson.file && $0.line > 0 }
        let locations = inLesson.filter { $0.column > 0 } + inLesson.filter { $0.column == 0 }
        func diagnostic(_ location: CrashReport.SourceLocation, _ severity: Diagnostic.Severity, _ message: String)
            -> Diagnostic
        {
            // Columns count from the block's code, which the lesson may indent.
            let indent = lesson.cells.first { $0.block.contentLines.contains(location.line) }?.block.indent ?? 0
            return Diagnostic(
                file: lesson.file, line: location.line, column: max(location.column, 1) + indent, severity: severity,
                message)
        }
        guard let innermost = locations.first else {
            return [Diagnostic(file: lesson.file, line: block.firstContentLine, problem)]
        }
        var placed = [diagnostic(innermost, .error, problem)]
        if !block.contentLines.contains(innermost.line),
            let caller = locations.first(where: { block.contentLines.contains($0.line) })
        {
            placed.append(diagnostic(caller, .note, "called from here"))
        }
        return placed
    }

    /// One error per unfinished exercise. A stub (`exerciseNotDone`) reports, from inside the
    /// exercise's code, that the exercise is not done each time it is called; only the first
    /// report is kept, and the failures of the exercise's checks, which follow from it, are
    /// dropped (their blocks still fail).
    private static func unfinishedExercisesOnce(_ results: [CellRun], lesson: Lesson) -> [CellRun] {
        let exercises = lesson.cells.map(\.block).filter { $0.role == .exercise }
        func exercise(at line: Int) -> String? {
            exercises.first { $0.contentLines.contains(line) }?.attributes.exercise
        }
        var unfinished: Set<String> = []
        return results.map { result in
            guard case .failed(let diagnostics) = result.status else { return result }
            var kept: [Diagnostic] = []
            for diagnostic in diagnostics {
                if diagnostic.severity == .note {
                    kept.append(diagnostic)  // where a trap in the exercise's code was called from
                } else if let id = exercise(at: diagnostic.line) {
                    if unfinished.insert(id).inserted { kept.append(diagnostic) }
                } else if !(result.cell.block.role == .check
                    && result.cell.block.attributes.exercise.map(unfinished.contains) == true)
                {
                    kept.append(diagnostic)
                }
            }
            var filtered = result
            filtered.status = .failed(kept)
            return filtered
        }
    }

    /// Compares a block's output with its expected output, when it has one.
    private static func checkingOutput(_ result: CellRun, file: String) -> CellRun {
        guard let expected = result.cell.expected, !result.stoppedTheProgram,
            result.status == .passed || !result.diagnostics.isEmpty
        else { return result }
        let matcher = OutputMatcher(tolerance: result.cell.block.attributes.tolerance)
        guard !matcher.matches(actual: result.output, expected: expected.code) else { return result }
        var checked = result
        let diff = matcher.difference(
            actual: result.output, expected: expected.code, firstLine: expected.contentLines.lowerBound)
        let mismatch = Diagnostic(
            file: file, line: diff.line, column: diff.column + expected.indent,
            "output differs from the expected output (- expected, + printed):\n\(diff.text)")
        checked.status = .failed(result.diagnostics + [mismatch])
        return checked
    }
}

package extension Double {
    /// Seconds as a person writes them: `60`, `0.5`.
    var secondsText: String {
        self == rounded() ? String(Int(self)) : String(self)
    }
}

/// The lines of a Swift program's stderr that a person reads: its messages, without the
/// stack trace the runtime prints after a trap (its header and frame lines, the backtracer's
/// progress and warnings), and without the path of the generated program or library source
/// that a runtime error names (`Swift/ContiguousArrayBuffer.swift:692: Fatal error: …` reads
/// `Fatal error: …`).
package func messageLines(ofErrorOutput stderr: String) -> [Substring] {
    stderr.split(separator: "\n")
        .prefix { !$0.hasPrefix("Current stack trace:") && !$0.hasPrefix("Stack dump:") }
        .filter { line in
            !line.isEmpty && !line.hasPrefix("*** ") && !line.hasPrefix("swift-runtime: ")
                && !(line.first?.isNumber == true || line.hasPrefix("#") || line.hasPrefix(" ") || line.hasPrefix("\t"))
        }
        .map { line in
            guard let located = line.firstMatch(of: #/^[^\s:]+:[0-9]+: /#) else { return line }
            return line[located.range.upperBound...]
        }
}
