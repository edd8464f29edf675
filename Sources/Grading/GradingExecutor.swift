import Foundation
import LessonParser
import LessonRunner
import LessonRuntime

#if canImport(Glibc)
    import Glibc
#endif

/// Compiles and runs the two programs that grade one exercise (see `RemoteExercise` in
/// LessonRuntime): the checker, which holds the instructor's code and decides every
/// verdict, runs as `descent` does; the exercise, which holds the student's code and
/// nothing else, runs in the sandbox. They talk over two pipes; the checker reports to
/// `descent` on a third, which the exercise never has. Whatever they do, `run` returns:
/// both are killed (with everything they started) when the time is up or they print more
/// than `outputLimit` bytes.
public struct GradingExecutor: Sendable {
    /// Where student code runs; nil runs it directly (only for trusted code).
    public var sandbox: Sandbox?
    /// Seconds the compiler may take on one program.
    public var compileTimeLimit: Double = 120
    /// Bytes the compiler may use on one program, all its processes together and each one's
    /// address space (with a sandbox).
    public var compileMemory = 4 << 30
    /// Bytes the programs may print (stdout and stderr together); what they print is not read.
    public var outputLimit = 1 << 20
    /// Seconds allowed between blocks (after the program starts, after a check ends).
    public var graceSeconds: Double = 10

    let toolchain: Toolchain

    public init(sandbox: Sandbox?) throws {
        self.sandbox = sandbox
        toolchain = try Toolchain.locate()
    }

    // MARK: - Compiling

    public enum Compilation: Sendable, Equatable {
        case compiled(executable: String)
        /// The compiler's errors (`file:line:col: error: …`).
        case failed([Diagnostic])
    }

    /// Compiles `source`, or takes it from the cache (keyed by the SHA-256 of the source and
    /// the libraries it links, so that no crafted source can pass for another).
    public func compile(_ source: String) -> Compilation {
        let key = SHA256.key(source + "\n" + toolchain.fingerprint + "\ngrading 2")
        var cache = ProgramCache(
            toolchain: toolchain, kind: "grading-programs", compileTimeLimit: compileTimeLimit)
        // Student code reaches the compiler too: bound the memory, CPU and processes of its
        // whole tree as well as its time, and kill whatever it leaves behind.
        var group: ControlGroup?
        defer { group?.destroy() }
        do {
            if let sandbox {
                let joined = try sandbox.controlGroup(memory: compileMemory)
                group = joined
                let readable = compilerFolders
                cache.launcher = {
                    joined.joinCommand + sandbox.compileCommand(readable: readable, staging: $0, memory: compileMemory)
                }
            }
            switch try cache.compile(source, key: key, place: ("", 0)) {
            case .compiled(let executable): return .compiled(executable: executable)
            case .failed(let diagnostics): return .failed(diagnostics)
            }
        } catch {
            return .failed([Diagnostic(file: "", line: 0, "cannot compile: \(error)")])
        }
    }

    /// What the compiler reads: the toolchain, and the libraries' modules, objects and headers.
    private var compilerFolders: [String] {
        let compiler = URL(fileURLWithPath: toolchain.compiler).resolvingSymlinksInPath()
        let toolchainRoot = compiler.deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .path
        var includes: [String] = []
        for (flag, value) in zip(toolchain.flags, toolchain.flags.dropFirst()) where flag == "-I" {
            includes.append(value)
        }
        let folders = [toolchainRoot, toolchain.buildDirectory.path] + includes
        return folders.filter { folder in !folders.contains { $0 != folder && folder.hasPrefix($0 + "/") } }
    }

    // MARK: - Running

    public enum Ending: Sendable, Equatable {
        case exited(Int32)
        case signalled(Int32)
        /// Stopped after this many seconds; `check` is the check block that was running.
        case timedOut(seconds: Double, check: Int?)
        /// Stopped for printing more than this many bytes.
        case flooded(Int)
        /// Killed because the checker ended first.
        case stopped
        case failedToStart(String)
    }

    public struct Run: Sendable {
        package var events: [CheckerReport]
        public var checker: Ending
        public var exercise: Ending
        /// The last 16 KiB each wrote to stderr (for traps' messages).
        public var checkerErrors: String
        public var exerciseErrors: String
        /// Whether the exercise's tree reached its control group's memory limit.
        public var exerciseRanOutOfMemory = false
    }

    /// Runs the checker with check block `check` only, against a fresh exercise.
    ///
    /// - Parameters:
    ///   - blockSeconds: time for each block before the checks, from when it reports that it began.
    ///   - checkSeconds: time for the check block, from when it reports that it began.
    ///   Between blocks, `graceSeconds` at most; all in all, the sum of the blocks' times.
    ///   - slot: the parallel job running it (selects the sandbox's user).
    public func run(
        checker: String, exercise: String, check: Int, environment: [String: String],
        blockSeconds: [Double], checkSeconds: Double, slot: Int
    ) -> Run {
        let total = blockSeconds.reduce(0, +) + checkSeconds + graceSeconds
        var checkerEnvironment = environment.merging(ProcessInfo.processInfo.environment.filter { $0.key == "PATH" }) {
            $1
        }
        checkerEnvironment[ProgramContract.gradingRoleVariable] = ProgramContract.GradingRole.checker.rawValue
        checkerEnvironment[ProgramContract.gradingChecksVariable] = String(check)
        var exerciseEnvironment = environment
        exerciseEnvironment[ProgramContract.gradingRoleVariable] = ProgramContract.GradingRole.exercise.rawValue
        exerciseEnvironment["SWIFT_BACKTRACE"] = "enable=no"
        exerciseEnvironment["OPENBLAS_NUM_THREADS"] = "1"
        checkerEnvironment["SWIFT_BACKTRACE"] = "enable=no"
        checkerEnvironment["OPENBLAS_NUM_THREADS"] = "1"

        var events: [CheckerReport] = []
        var pending: [UInt8] = []
        var errors = ["", ""].map { _ in [UInt8]() }
        var printed = 0
        let started = DispatchTime.now()
        var checkStarted: Int?
        // The time limit of what runs now, and when it started.
        var stage = (seconds: graceSeconds, time: started)

        func take(_ bytes: ArraySlice<UInt8>) {
            pending += bytes
            while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: pending[..<newline], as: UTF8.self)
                pending.removeFirst(newline + 1)
                guard let event = CheckerReport(line: line[...]) else { continue }
                events.append(event)
                switch event {
                case .block(let index):
                    stage = (
                        blockSeconds.indices.contains(index) ? blockSeconds[index] : graceSeconds, DispatchTime.now()
                    )
                case .begin(let index):
                    checkStarted = index
                    stage = (checkSeconds, DispatchTime.now())
                case .done:
                    checkStarted = nil
                    stage = (graceSeconds, DispatchTime.now())
                default:
                    break
                }
            }
        }

        let endings: [ChildProcess.Ending]
        var group: ControlGroup?
        defer { group?.destroy() }
        do {
            group = try sandbox?.controlGroup(memory: sandbox?.memory ?? 0)
            let calls = try DescriptorPipe(), replies = try DescriptorPipe()
            var checkerProcess = ChildProcess(executable: checker, environment: checkerEnvironment)
            checkerProcess.descriptors = [
                ProgramContract.checkerCalls: calls.write, ProgramContract.checkerReplies: replies.read,
            ]
            checkerProcess.resultsDescriptor = ProgramContract.checkerResults
            let sandboxed = sandbox.map { sandbox in
                let (bwrap, arguments) = sandbox.command(
                    program: exercise, slot: slot, cpuSeconds: Int(total.rounded(.up)) + 2,
                    environment: exerciseEnvironment)
                return (group?.joinCommand ?? []) + [bwrap] + arguments
            }
            var exerciseProcess = ChildProcess(
                executable: sandboxed?[0] ?? exercise, arguments: Array(sandboxed?.dropFirst() ?? []),
                environment: sandbox == nil ? exerciseEnvironment : ["PATH": "/usr/bin:/bin"])
            exerciseProcess.descriptors = [
                ProgramContract.exerciseCalls: calls.read, ProgramContract.exerciseReplies: replies.write,
            ]
            let began = DispatchTime.now()
            defer { WorkCounters.countLessonProgramRun(since: began) }
            endings = try ChildProcess.runTogether(
                [checkerProcess, exerciseProcess], deadline: { min(started + total, stage.time + stage.seconds) }
            ) { process, stream, bytes in
                switch stream {
                case .results:
                    take(bytes)
                    return pending.count < 1 << 20
                case .stdout, .stderr:
                    printed += bytes.count
                    if stream == .stderr {
                        errors[process] += bytes
                        if errors[process].count > 1 << 14 {
                            errors[process].removeFirst(errors[process].count - (1 << 14))
                        }
                    }
                    return printed <= outputLimit
                }
            }
        } catch {
            return Run(
                events: events, checker: .failedToStart("\(error)"), exercise: .failedToStart("\(error)"),
                checkerErrors: "", exerciseErrors: "")
        }
        func ending(_ ending: ChildProcess.Ending) -> Ending {
            switch ending {
            case .exited(let status): .exited(status)
            case .signalled(let signal): .signalled(signal)
            case .timedOut: .timedOut(seconds: stage.seconds, check: checkStarted)
            case .stopped: printed > outputLimit ? .flooded(outputLimit) : .stopped
            }
        }
        return Run(
            events: events, checker: ending(endings[0]), exercise: ending(endings[1]),
            checkerErrors: String(decoding: errors[0], as: UTF8.self),
            exerciseErrors: String(decoding: errors[1], as: UTF8.self),
            exerciseRanOutOfMemory: group?.ranOutOfMemory ?? false)
    }
}
