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
    public var defaultTimeout: Double = 60
    /// Bytes a lesson program may print (stdout and stderr together) before it is stopped.
    public var outputLimit = 8 << 20
    /// Hyperparameter values from `--set`, by name; with any, outputs are not checked.
    public var overrides: [String: ParameterValue] = [:]

    private let toolchain: Toolchain

    public init() throws {
        toolchain = try Toolchain.locate()
    }

    public func run(_ lesson: Lesson) -> LessonRun {
        let cells = lesson.cells
        let changed = lesson.frontMatter.params.compactMap { parameter in
            overrides[parameter.name].map { Parameter(name: parameter.name, value: $0, line: parameter.line) }
        }
        func everyCell(_ status: CellRun.Status) -> LessonRun {
            LessonRun(lesson: lesson, cells: cells.map { CellRun(cell: $0, status: status) }, overrides: changed)
        }
        do {
            let source = ProgramGenerator(lesson: lesson).source
            let cache = ProgramCache(toolchain: toolchain, folder: toolchain.buildDirectory.appendingPathComponent("lesson-programs"))
            let key = "\(lesson.slug)-" + SHA256.key(source + "\n" + toolchain.fingerprint)
            switch try cache.compile(source, key: key, place: (lesson.file, 1)) {
            case .failed(let diagnostics):
                return LessonRun(lesson: lesson, cells: Self.compileFailures(diagnostics, cells: cells, lesson: lesson), overrides: changed)
            case .compiled(let executable):
                let values = parameterValues(of: lesson)
                let records = RunRecords(folder: URL(fileURLWithPath: executable).deletingLastPathComponent())
                var results: [CellRun]
                if let recorded = records.load(values, cells: cells) {
                    results = recorded
                } else {
                    let (ran, endedWell) = try execute(executable, lesson: lesson, cells: cells, values: values)
                    if endedWell { records.save(ran, for: values) }
                    results = ran
                }
                if changed.isEmpty { results = results.map { Self.checkingOutput($0, file: lesson.file) } }
                return LessonRun(lesson: lesson, cells: results, overrides: changed)
            }
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
            if index == 0 { own += unplaced; unplaced = [] }
            return CellRun(cell: cell, status: own.isEmpty ? .notRun("the lesson does not compile") : .failed(own))
        }
    }

    /// The value of every hyperparameter for this run, as the program reads it.
    private func parameterValues(of lesson: Lesson) -> [String: String] {
        Dictionary(uniqueKeysWithValues: lesson.frontMatter.params.map { ($0.name, (overrides[$0.name] ?? $0.value).encoded) })
    }

    /// Runs a compiled lesson program and splits what it did by block; `endedWell` is false
    /// when the program was stopped or did not exit with status 0.
    private func execute(_ executable: String, lesson: Lesson, cells: [Cell], values: [String: String]) throws -> (results: [CellRun], endedWell: Bool) {
        let figures = FileManager.default.temporaryDirectory.appendingPathComponent("descent-figures-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: figures, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: figures) }

        let nonce = (0..<4).map { _ in String(UInt64.random(in: .min ... .max), radix: 36) }.joined()
        var environment = ProcessInfo.processInfo.environment
        environment[ProgramContract.channelVariable] = nonce
        environment[ProgramContract.figuresVariable] = figures.path
        environment["SWIFT_BACKTRACE"] = "enable=no"
        for (name, value) in values {
            environment[ProgramContract.parameterPrefix + name] = value
        }

        var results = cells.map { CellRun(cell: $0, status: .notRun("an earlier block stopped the lesson")) }
        var current: Int?
        var failures: [Int: [Diagnostic]] = [:]
        var demultiplexer = CellDemultiplexer(nonce: nonce)
        var printed = 0
        var cellStart = DispatchTime.now()
        let timeout = { (index: Int?) -> Double in index.flatMap { cells[$0].block.attributes.timeout } ?? defaultTimeout }

        func take(_ pieces: [CellDemultiplexer.Piece]) {
            for piece in pieces {
                switch piece {
                case .text(let bytes):
                    if let current { results[current].output += String(decoding: bytes, as: UTF8.self) }
                case .message(.cell(let index)) where cells.indices.contains(index):
                    current = index
                    results[index].status = .passed
                    cellStart = DispatchTime.now()
                case .message(.figure(let name, let caption)) where isFigureName(name):
                    let svg = (try? String(contentsOf: figures.appendingPathComponent("\(name).svg"), encoding: .utf8)) ?? ""
                    if let current { results[current].figures.append(Figure(name: name, caption: caption, svg: svg)) }
                case .message(.failure(let line, let message)):
                    if let current { failures[current, default: []].append(Diagnostic(file: lesson.file, line: line, message)) }
                case .message(.cell), .message(.figure):
                    break // out of range, or a name no figure() call sends
                }
            }
        }

        let process = ChildProcess(executable: executable, environment: environment)
        let ending = try process.run(deadline: { cellStart + timeout(current) }) { stream, bytes in
            printed += bytes.count
            switch stream {
            case .stdout: take(demultiplexer.feed(bytes))
            case .stderr: if let current { results[current].errorOutput += String(decoding: bytes, as: UTF8.self) }
            case .results: break // a lesson program has no private channel
            }
            return printed <= outputLimit
        }
        take(demultiplexer.finish())

        if let current, let problem = Self.describe(ending, timeout: timeout(current), limit: outputLimit, stderr: results[current].errorOutput) {
            let block = cells[current].block
            let line = Self.trapLine(in: results[current].errorOutput, file: lesson.file) ?? block.firstContentLine
            failures[current, default: []].append(Diagnostic(file: lesson.file, line: line, problem))
        } else if current == nil, let problem = Self.describe(ending, timeout: defaultTimeout, limit: outputLimit, stderr: "") {
            failures[0, default: []].append(Diagnostic(file: lesson.file, line: 1, "the lesson program failed before its first block: \(problem)"))
        }
        for (index, diagnostics) in failures where results.indices.contains(index) {
            results[index].status = .failed(diagnostics)
        }
        return (results, ending == .exited(0))
    }

    /// Why a run that ended this way failed, or nil when it ended well.
    private static func describe(_ ending: ChildProcess.Ending, timeout: Double, limit: Int, stderr: String) -> String? {
        let detail = messageLines(ofErrorOutput: stderr).suffix(5).joined(separator: "\n")
        switch ending {
        case .exited(0): return nil
        case .exited(let status): return "the block exited with status \(status)" + (detail.isEmpty ? "" : ":\n\(detail)")
        case .signalled(let signal): return "the block trapped (signal \(signal))" + (detail.isEmpty ? "" : ":\n\(detail)")
        case .timedOut: return "the block did not finish within \(timeout.secondsText) s and was stopped (set timeout= to allow more)"
        case .stopped: return "the lesson printed more than \(limit >> 20) MiB and was stopped"
        }
    }

    /// The lesson line a Swift runtime error names (`lessons/x.md:12: Fatal error: …`), if any.
    private static func trapLine(in stderr: String, file: String) -> Int? {
        for line in stderr.split(separator: "\n") {
            guard let range = line.range(of: "\(file):") else { continue }
            if let number = Int(line[range.upperBound...].prefix { $0.isNumber }) { return number }
        }
        return nil
    }

    /// Compares a block's output with its expected output, when it has one.
    private static func checkingOutput(_ result: CellRun, file: String) -> CellRun {
        guard let expected = result.cell.expected, result.status == .passed || !result.diagnostics.isEmpty else { return result }
        let matcher = OutputMatcher(tolerance: result.cell.block.attributes.tolerance)
        guard !matcher.matches(actual: result.output, expected: expected.code) else { return result }
        var checked = result
        let diff = OutputMatcher.diff(expected: expected.code, actual: result.output)
        let mismatch = Diagnostic(file: file, line: expected.line, "output differs from the expected output (- expected, + printed):\n\(diff)")
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
/// stack trace the runtime prints after a trap (its header and frame lines).
package func messageLines(ofErrorOutput stderr: String) -> [Substring] {
    stderr.split(separator: "\n")
        .prefix { !$0.hasPrefix("Current stack trace:") && !$0.hasPrefix("Stack dump:") }
        .filter { line in
            !line.isEmpty && !(line.first?.isNumber == true || line.hasPrefix("#") || line.hasPrefix(" ") || line.hasPrefix("\t"))
        }
}
