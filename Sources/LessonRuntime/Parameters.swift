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

/// Reads hyperparameter `name`; called by the generated `params` value.
public func _parameter<Value: ParameterType>(_ name: String) -> Value {
    let text = ProcessInfo.processInfo.environment[ProgramContract.parameterPrefix + name]
    guard let text, let value = Value(parameterText: text) else {
        FileHandle.standardError.write(Data("error: hyperparameter '\(name)' is missing or not a \(Value.self): \(text ?? "unset")\n".utf8))
        exit(70)
    }
    return value
}
