import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// How a graded exercise's checks call the student's functions across a process boundary.
///
/// `descent grade` runs two programs for each check block. The *checker* is the
/// instructor's lesson with its checks, and in place of the exercise a proxy of each
/// function the student writes: same signature, and a body that sends the call to the
/// *exercise*, which is the student's code (spliced into the instructor's block) and
/// nothing of the checks. The checker decides every verdict; the exercise only answers.
///
/// Messages are lines of TAB-separated fields; each argument or value is one field of
/// `RemoteValue` tokens. The checker sends
///
///     call TAB function TAB argument…        (an argument that is a function: `f handle`)
///     return TAB value                       (what an argument function returned)
///
/// and the exercise answers a call with `return TAB value`, or `notdone` when the student
/// edition's stub ran; while it works it may send `callback TAB handle TAB argument…`,
/// which the checker answers by calling that argument function with those arguments
/// (the checks pass closures of their own: `stabilityBound(of: { cosh(3 * $0) }, at: 0)`).
/// A handle is valid while the call that passed it runs.
public struct RemoteArgument {
    enum Kind {
        case value(String)
        case function(([Substring]) throws -> String)
    }

    let kind: Kind

    public init<Value: RemoteValue>(_ value: Value) {
        kind = .value(value.field)
    }

    public init<A: RemoteValue, Result: RemoteValue>(_ function: @escaping (A) -> Result) {
        kind = .function { arguments in
            guard arguments.count == 1 else {
                throw RemoteError("a function of one argument was called with \(arguments.count)")
            }
            return function(try A.decode(field: arguments[0])).field
        }
    }

    public init<A: RemoteValue, B: RemoteValue, Result: RemoteValue>(_ function: @escaping (A, B) -> Result) {
        kind = .function { arguments in
            guard arguments.count == 2 else {
                throw RemoteError("a function of two arguments was called with \(arguments.count)")
            }
            return function(try A.decode(field: arguments[0]), try B.decode(field: arguments[1])).field
        }
    }
}

// MARK: - The checker

/// The checker's side: its reports to `descent` (see `CheckerReport`) and its calls to the
/// exercise.
enum GradingChecker {
    nonisolated(unsafe) private static var remote: RemoteLine?
    nonisolated(unsafe) private static var selected: Set<Int> = []
    nonisolated(unsafe) private static var current: Int?
    nonisolated(unsafe) private static var functions: [Int: ([Substring]) throws -> String] = [:]
    nonisolated(unsafe) private static var nextHandle = 0

    static var isOpen: Bool { remote != nil }

    static func open() {
        let environment = ProcessInfo.processInfo.environment
        guard environment[ProgramContract.gradingRoleVariable] == ProgramContract.GradingRole.checker.rawValue else {
            FileHandle.standardError.write(Data("error: this program is run by `descent grade`, not by hand\n".utf8))
            exit(70)
        }
        signal(SIGPIPE, SIG_IGN)  // a vanished exercise is a failed write, not a dead checker
        _ = fcntl(ProgramContract.checkerResults, F_SETFD, FD_CLOEXEC)
        remote = RemoteLine(input: ProgramContract.checkerReplies, output: ProgramContract.checkerCalls)
        selected = Set(
            (environment[ProgramContract.gradingChecksVariable] ?? "").split(separator: ",").compactMap { Int($0) })
        report(.start)
    }

    static func block(_ index: Int) {
        guard current == nil else { return }
        report(.block(index))
    }

    static func begin(_ index: Int) -> Bool {
        guard selected.contains(index) else { return false }
        current = index
        report(.begin(index))
        return true
    }

    static func done(_ index: Int) {
        guard current == index else { return }
        current = nil
        report(.done(index))
    }

    static func fail(line: Int, message: String) {
        guard let current else { return }
        report(.fail(check: current, line: line, message: message))
    }

    static func end() {
        report(.end)
    }

    static func report(_ report: CheckerReport) {
        RemoteLine.writeAll(report.line, to: ProgramContract.checkerResults)
    }

    /// Reports that the exercise broke the protocol, and stops.
    static func lost(_ reason: String) -> Never {
        report(.lost(reason))
        exit(0)
    }

    /// Calls function `function` of the exercise and waits for its value, answering its callbacks.
    static func call<Result: RemoteValue>(_ function: Int, _ arguments: [RemoteArgument], exercise: String, line: Int)
        -> Result
    {
        guard let connection = remote else { lost("the checker has no exercise to call") }
        let firstHandle = nextHandle
        var fields = ["call", String(function)]
        for argument in arguments {
            switch argument.kind {
            case .value(let field):
                fields.append(field)
            case .function(let body):
                functions[nextHandle] = body
                fields.append("f \(nextHandle)")
                nextHandle += 1
            }
        }
        defer { for handle in firstHandle..<nextHandle { functions[handle] = nil } }
        guard connection.send(fields) else { lost(ProgramContract.exerciseStopped) }
        while true {
            guard let message = connection.receive() else { lost(ProgramContract.exerciseStopped) }
            switch (message.first, message.count) {
            case ("return", 2):
                do { return try Result.decode(field: message[1]) } catch {
                    lost("your code returned something that is not a \(Result.remoteTypeName)")
                }
            case ("notdone", 1):
                LessonRuntime.check(false, "Exercise \(exercise) is not done yet", line: line)
                if let value = placeholder(Result.self) { return value }
                lost("exercise \(exercise) is not done yet")
            case ("callback", let count) where count >= 2:
                guard let handle = Int(message[1]), let body = functions[handle] else {
                    lost("your code called a function it was given after the call that gave it had returned")
                }
                let value: String
                do { value = try body(Array(message[2...])) } catch {
                    lost("your code called a function it was given wrongly: \(error)")
                }
                guard connection.send(["return", value]) else { lost(ProgramContract.exerciseStopped) }
            default:
                lost("your code broke the grading protocol")
            }
        }
    }
}

// MARK: - The exercise

/// The exercise's side: it serves the checker's calls until the checker is done.
enum ExerciseServer {
    nonisolated(unsafe) static var isServing = false
    /// Set when the student edition's stub runs during a call.
    nonisolated(unsafe) static var stubRan = false
    nonisolated(unsafe) private static var connection: RemoteLine?
    nonisolated(unsafe) private static var functions: [(RemoteCall) throws -> String] = []

    static func serve(_ served: [(RemoteCall) throws -> String]) -> Never {
        guard
            ProcessInfo.processInfo.environment[ProgramContract.gradingRoleVariable]
                == ProgramContract.GradingRole.exercise.rawValue
        else {
            FileHandle.standardError.write(Data("error: this program is run by `descent grade`, not by hand\n".utf8))
            exit(70)
        }
        signal(SIGPIPE, SIG_IGN)
        functions = served
        connection = RemoteLine(input: ProgramContract.exerciseCalls, output: ProgramContract.exerciseReplies)
        isServing = true
        while let message = receive() {
            answer(message)
        }
        exit(0)
    }

    private static func receive() -> [Substring]? {
        connection?.receive()
    }

    private static func send(_ fields: [String]) {
        guard let connection, connection.send(fields) else { exit(0) }
    }

    /// Answers a `call` message.
    private static func answer(_ message: [Substring]) {
        guard message.first == "call", message.count >= 2, let index = Int(message[1]),
            functions.indices.contains(index)
        else {
            fatalError("the checker sent an unexpected message")
        }
        let saved = stubRan
        stubRan = false
        do {
            let value = try functions[index](RemoteCall(arguments: Array(message[2...])))
            send(stubRan ? ["notdone"] : ["return", value])
        } catch {
            fatalError("the checker sent an argument that does not fit: \(error)")
        }
        stubRan = saved
    }

    /// Calls the checker's argument function `handle`, serving calls the checker makes meanwhile.
    static func callback<Result: RemoteValue>(_ handle: Int, _ arguments: [String]) -> Result {
        send(["callback", String(handle)] + arguments)
        while let message = receive() {
            if message.first == "return", message.count == 2, let value = try? Result.decode(field: message[1]) {
                return value
            }
            answer(message)
        }
        exit(0)
    }
}

/// One call from the checker, as the exercise reads it: its arguments, by position, read
/// as the type the instructor's signature gives them.
public struct RemoteCall {
    let arguments: [Substring]

    private func field(_ index: Int) throws -> Substring {
        guard arguments.indices.contains(index) else { throw RemoteError("argument \(index) is missing") }
        return arguments[index]
    }

    public func argument<Value: RemoteValue>(_ index: Int) throws -> Value {
        try Value.decode(field: field(index))
    }

    private func handle(_ index: Int) throws -> Int {
        let parts = try field(index).split(separator: " ")
        guard parts.count == 2, parts[0] == "f", let handle = Int(parts[1]) else {
            throw RemoteError("argument \(index) is not a function")
        }
        return handle
    }

    public func argument<A: RemoteValue, Result: RemoteValue>(_ index: Int) throws -> (A) -> Result {
        let handle = try handle(index)
        return { a in ExerciseServer.callback(handle, [a.field]) }
    }

    public func argument<A: RemoteValue, B: RemoteValue, Result: RemoteValue>(_ index: Int) throws -> (A, B) -> Result {
        let handle = try handle(index)
        return { a, b in ExerciseServer.callback(handle, [a.field, b.field]) }
    }

    /// The value a call returns, as its reply field.
    public func reply<Value: RemoteValue>(_ value: Value) -> String {
        value.field
    }
}

// MARK: - Called by generated grading programs

/// Opens the checker's channels; the first statement of a checker.
public func _gradingStart() {
    GradingChecker.open()
}

/// Reports that block `index` before the checks begins (so that its own time limit applies).
public func _gradingBlock(_ index: Int) {
    GradingChecker.block(index)
}

/// Whether check block `index` is to run this time; if so, reports that it begins.
public func _gradingCheck(_ index: Int) -> Bool {
    GradingChecker.begin(index)
}

/// Reports that check block `index` ran to its end.
public func _gradingCheckDone(_ index: Int) {
    GradingChecker.done(index)
}

/// Reports that the checker reached its end.
public func _gradingEnd() {
    GradingChecker.end()
}

/// The body of a proxy: calls the exercise's function `function` with `arguments`.
public func _remoteCall<Result: RemoteValue>(
    _ function: Int, _ arguments: [RemoteArgument], exercise: String, line: Int = #line
) -> Result {
    GradingChecker.call(function, arguments, exercise: exercise, line: line)
}

/// The last statement of an exercise program: serves the checker's calls, each function
/// by its index, until the checker is done.
public func _serveExercise(_ functions: [(RemoteCall) throws -> String]) -> Never {
    ExerciseServer.serve(functions)
}
