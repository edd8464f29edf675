import Foundation
import LessonParser
import LessonRuntime
#if canImport(Glibc)
import Glibc
#endif

/// Compiles and runs the programs that grade one exercise, and reports what the program
/// said over its authenticated channel (see `GradingChannel`) — never what it printed.
///
/// The program is started with a fresh random key on fd 3, which it reads and closes before
/// any lesson code runs, and the write end of the result pipe on fd 4. Whatever the program
/// does, `run` returns: it is killed (with everything it started) when its time is up or it
/// prints more than `outputLimit` bytes.
public struct GradingExecutor: Sendable {
    /// Where student code runs; nil runs the program directly (only for trusted code).
    public var sandbox: Sandbox?
    /// Seconds the compiler may take on one program.
    public var compileTimeLimit: Double = 120
    /// Bytes of address space the compiler may use on one program (with a sandbox).
    public var compileMemory = 4 << 30
    /// Bytes the program may print (stdout and stderr together); what it prints is not read.
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
        let key = SHA256.key(source + "\n" + toolchain.fingerprint + "\ngrading 1")
        var cache = ProgramCache(toolchain: toolchain, folder: toolchain.buildDirectory.appendingPathComponent("grading-programs"),
                                 compileTimeLimit: compileTimeLimit)
        // Student code reaches the compiler too: bound its memory as well as its time.
        cache.launcher = sandbox.map { [$0.prlimit, "--as=\(compileMemory)", "--"] } ?? []
        // Code under grading may run the program but not read it: it holds the hidden checks.
        cache.mode = 0o711
        do {
            switch try cache.compile(source, key: key, place: ("", 0)) {
            case .compiled(let executable): return .compiled(executable: executable)
            case .failed(let diagnostics): return .failed(diagnostics)
            }
        } catch {
            return .failed([Diagnostic(file: "", line: 0, "cannot compile: \(error)")])
        }
    }

    // MARK: - Running

    /// What an authenticated program reported, in order.
    public enum Event: Sendable, Equatable {
        case start
        /// Block `i` before the checks (a spec block or an exercise) begins.
        case block(Int)
        case begin(Int)
        case fail(check: Int, line: Int, message: String)
        case done(Int)
        case end
    }

    public enum Ending: Sendable, Equatable {
        case exited(Int32)
        case signalled(Int32)
        /// Stopped after this many seconds; `check` is the check block that was running.
        case timedOut(seconds: Double, check: Int?)
        /// Stopped for printing more than this many bytes.
        case flooded(Int)
        /// Stopped for writing this many lines to the result channel that were not the runtime's.
        case forged(Int)
        case failedToStart(String)
    }

    public struct Run: Sendable {
        public var events: [Event]
        public var ending: Ending
        /// The last 16 KiB the program wrote to stderr (for traps' messages).
        public var errorOutput: String
        /// Lines on the result channel that did not authenticate.
        public var rejectedLines: Int
    }

    /// Runs a compiled grading program once.
    ///
    /// - Parameters:
    ///   - checks: the check blocks to run this time (`DESCENT_GRADING_CHECKS`).
    ///   - blockSeconds: time for each block before the checks, from when it reports that it began.
    ///   - checkSeconds: time for each check block, from when it reports that it began.
    ///   Between blocks, `graceSeconds` at most; all in all, the sum of the blocks' times.
    ///   - slot: the parallel job running it (selects the sandbox's user).
    public func run(_ executable: String, checks: [Int], environment: [String: String],
                    blockSeconds: [Double], checkSeconds: [Int: Double], slot: Int) -> Run {
        var key = [UInt8](repeating: 0, count: 32)
        var generator = SystemRandomNumberGenerator()
        for index in key.indices { key[index] = UInt8.random(in: .min ... .max, using: &generator) }
        let total = blockSeconds.reduce(0, +) + checks.reduce(0) { $0 + (checkSeconds[$1] ?? 0) } + graceSeconds

        var childEnvironment = environment
        childEnvironment[GradingChannel.environmentKey] = "3,4"
        childEnvironment[GradingChannel.checksKey] = checks.map(String.init).joined(separator: ",")
        childEnvironment["SWIFT_BACKTRACE"] = "enable=no"
        childEnvironment["OPENBLAS_NUM_THREADS"] = "1"
        let command: (String, [String])
        if let sandbox {
            chmod(executable, 0o711) // also for programs cached before this rule
            command = sandbox.command(program: executable, slot: slot, cpuSeconds: Int(total.rounded(.up)) + 2, environment: childEnvironment)
        } else {
            command = (executable, [])
            childEnvironment["PATH"] = ProcessInfo.processInfo.environment["PATH"]
        }

        var events: [Event] = []
        var rejected = 0
        var pending: [UInt8] = []
        var errorOutput: [UInt8] = []
        var printed = 0
        let started = DispatchTime.now()
        var checkStarted: (index: Int, time: DispatchTime)?
        // The time limit of what runs now, and when it started.
        var stage = (seconds: graceSeconds, time: started)
        func seconds(_ value: Double) -> DispatchTime { started + value }

        func take(_ bytes: ArraySlice<UInt8>) {
            pending += bytes
            while let newline = pending.firstIndex(of: UInt8(ascii: "\n")) {
                let line = Substring(decoding: pending[..<newline], as: UTF8.self)
                pending.removeFirst(newline + 1)
                guard let (kind, fields) = GradingChannel.verify(line, key: key, sequence: events.count),
                      let event = Self.event(kind, fields) else {
                    rejected += 1
                    continue
                }
                events.append(event)
                switch event {
                case .block(let index):
                    stage = (blockSeconds.indices.contains(index) ? blockSeconds[index] : graceSeconds, DispatchTime.now())
                case .begin(let index):
                    checkStarted = (index, DispatchTime.now())
                    stage = (checkSeconds[index] ?? graceSeconds, DispatchTime.now())
                case .done:
                    checkStarted = nil
                    stage = (graceSeconds, DispatchTime.now())
                default:
                    break
                }
            }
        }

        let deadline = { () -> DispatchTime in
            min(seconds(total), stage.time + stage.seconds)
        }
        let ending: Ending
        do {
            let process = ChildProcess(executable: command.0, arguments: command.1,
                                           environment: sandbox == nil ? childEnvironment : ["PATH": "/usr/bin:/bin"], key: key)
            let result = try process.run(deadline: deadline) { stream, bytes in
                switch stream {
                case .results:
                    take(bytes)
                    return pending.count < 1 << 16 && rejected <= Self.rejectedLineLimit
                case .stdout, .stderr:
                    printed += bytes.count
                    if stream == .stderr {
                        errorOutput += bytes
                        if errorOutput.count > 1 << 14 { errorOutput.removeFirst(errorOutput.count - (1 << 14)) }
                    }
                    return printed <= outputLimit
                }
            }
            switch result {
            case .exited(let status): ending = .exited(status)
            case .signalled(let signal): ending = .signalled(signal)
            case .timedOut:
                ending = .timedOut(seconds: stage.seconds, check: checkStarted?.index)
            case .stopped: ending = printed > outputLimit ? .flooded(outputLimit) : .forged(max(rejected, 1))
            }
        } catch {
            ending = .failedToStart("\(error)")
        }
        return Run(events: events, ending: ending, errorOutput: String(decoding: errorOutput, as: UTF8.self), rejectedLines: rejected)
    }

    /// Lines on the result channel without a valid MAC that stop the program.
    static let rejectedLineLimit = 100

    private static func event(_ kind: String, _ fields: [String]) -> Event? {
        switch (kind, fields.count) {
        case ("start", 0): .start
        case ("block", 1): Int(fields[0]).map(Event.block)
        case ("begin", 1): Int(fields[0]).map(Event.begin)
        case ("done", 1): Int(fields[0]).map(Event.done)
        case ("fail", 3): Int(fields[0]).flatMap { check in Int(fields[1]).map { Event.fail(check: check, line: $0, message: fields[2]) } }
        case ("end", 0): .end
        default: nil
        }
    }
}
