import Foundation

/// A hyperparameter value as the runner passes it: `DESCENT_PARAM_<name>` in the
/// environment, so that changing it needs no recompilation.
public protocol ParameterType {
    init?(parameterText: String)
}

extension Int: ParameterType {
    public init?(parameterText: String) { self.init(parameterText) }
}

extension Double: ParameterType {
    public init?(parameterText: String) { self.init(parameterText) }
}

extension Bool: ParameterType {
    public init?(parameterText: String) { self.init(parameterText) }
}

extension String: ParameterType {
    public init?(parameterText: String) { self = parameterText }
}

extension Array: ParameterType where Element == Double {
    /// A comma-separated list of numbers.
    public init?(parameterText: String) {
        let parts = parameterText.split(separator: ",")
        let values = parts.compactMap { Double($0.trimmingCharacters(in: .whitespaces)) }
        guard values.count == parts.count else { return nil }
        self = values
    }
}

/// Reads hyperparameter `name`; called by the generated `params` value at every access, so
/// that the runner learns which blocks read which parameter (the first read in each block is
/// reported over the channel).
public func _parameter<Value: ParameterType>(_ name: String) -> Value {
    ParameterReads.note(name)
    let text = ParameterReads.environment[ProgramContract.parameterPrefix + name]
    guard let text, let value = Value(parameterText: text) else {
        FileHandle.standardError.write(
            Data("error: hyperparameter '\(name)' is missing or not a \(Value.self): \(text ?? "unset")\n".utf8))
        exit(70)
    }
    return value
}

/// Which parameters the current block has read. Blocks run one after another, but a block's
/// code may read a parameter from several threads at once, hence the lock.
enum ParameterReads {
    nonisolated(unsafe) private static var reported: Set<String> = []
    private static let lock = NSLock()
    static let environment = ProcessInfo.processInfo.environment

    /// Reports `name` to the runner, unless the current block has read it before.
    static func note(_ name: String) {
        let first = lock.withLock { reported.insert(name).inserted }
        if first { Channel.send(.read(name: name)) }
    }

    /// A new block starts: each parameter is reported again at its first read.
    static func beginCell() {
        lock.withLock { reported.removeAll() }
    }
}
