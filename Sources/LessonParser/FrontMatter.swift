import Foundation
import Yams

/// The YAML header of a lesson, between a first line `---` and the next `---`.
public struct FrontMatter: Sendable, Equatable {
    public var title: String?
    public var summary: String?
    /// Hyperparameters with their defaults, in the order written.
    public var params: [Parameter]

    public init(title: String? = nil, summary: String? = nil, params: [Parameter] = []) {
        self.title = title
        self.summary = summary
        self.params = params
    }
}

/// A hyperparameter: a name a lesson program reads as `params.name`, and its value.
public struct Parameter: Sendable, Equatable {
    public var name: String
    public var value: ParameterValue
    /// The lesson line where it is declared.
    public var line: Int
    /// The values a reader of the site may choose among, the default included, in the order
    /// written (`start: {default: 20, choices: [5, 12, 20, 40]}`); empty when there are none.
    public var choices: [ParameterValue]

    public init(name: String, value: ParameterValue, line: Int, choices: [ParameterValue] = []) {
        self.name = name
        self.value = value
        self.line = line
        self.choices = choices
    }

    /// The choices other than the default, each with this parameter set to it.
    public var alternatives: [Parameter] {
        choices.filter { $0 != value }.map { Parameter(name: name, value: $0, line: line) }
    }
}

/// The value of a hyperparameter. Its case fixes the Swift type lesson code sees.
public enum ParameterValue: Sendable, Equatable {
    case integer(Int)
    case number(Double)
    case boolean(Bool)
    case string(String)
    case numbers([Double])

    /// The Swift type of `params.name` in a lesson program.
    public var swiftType: String {
        switch self {
        case .integer: "Int"
        case .number: "Double"
        case .boolean: "Bool"
        case .string: "String"
        case .numbers: "[Double]"
        }
    }

    /// Reads `text` (as given to `--set`) as a value of the same type as `self`.
    public func parsingSameType(_ text: String) -> ParameterValue? {
        switch self {
        case .integer: Int(text).map(ParameterValue.integer)
        case .number: Double(text).map(ParameterValue.number)
        case .boolean: Bool(text).map(ParameterValue.boolean)
        case .string: .string(text)
        case .numbers:
            Self.numberList(text).map(ParameterValue.numbers)
        }
    }

    /// The text a lesson program parses back: numbers in Swift's shortest round-trip form,
    /// lists comma-separated.
    public var encoded: String {
        switch self {
        case .integer(let value): String(value)
        case .number(let value): String(value)
        case .boolean(let value): String(value)
        case .string(let value): value
        case .numbers(let values): values.map { String($0) }.joined(separator: ",")
        }
    }

    private static func numberList(_ text: String) -> [Double]? {
        let body = text.trimmingPrefix("[").split(separator: "]", omittingEmptySubsequences: false).first ?? ""
        let parts = body.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
        let values = parts.compactMap { Double($0) }
        return values.count == parts.count ? values : nil
    }
}

// MARK: - Reading

extension FrontMatter {
    /// Splits `source` into front matter and body. The body keeps the front matter's lines
    /// as empty lines, so that every line number of the body is a line number of the file.
    static func split(_ source: String) -> (yaml: String?, body: String) {
        var lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first?.trimmingCharacters(in: .whitespacesAndNewlines) == "---",
              let end = lines.dropFirst().firstIndex(where: { $0.trimmingCharacters(in: .whitespacesAndNewlines) == "---" })
        else { return (nil, source) }
        let yaml = lines[1..<end].joined(separator: "\n")
        for index in 0...end { lines[index] = "" }
        return (yaml, lines.joined(separator: "\n"))
    }

    /// Reads the YAML text of a front matter that starts on the file's second line.
    static func read(_ yaml: String, file: String) -> (FrontMatter, [Diagnostic]) {
        let lineOffset = 1
        func diagnostic(_ mark: Mark?, _ message: String) -> Diagnostic {
            Diagnostic(file: file, line: (mark?.line ?? 0) + lineOffset, column: mark?.column ?? 1, message)
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let error as YamlError {
            return (FrontMatter(), [diagnostic(error.mark, "malformed front matter: \(error.problem)")])
        } catch {
            return (FrontMatter(), [Diagnostic(file: file, line: 1, "malformed front matter: \(error)")])
        }
        guard let root else { return (FrontMatter(), []) }
        guard case .mapping(let mapping) = root else {
            return (FrontMatter(), [diagnostic(root.mark, "front matter must be a mapping of keys to values")])
        }
        var frontMatter = FrontMatter()
        var diagnostics: [Diagnostic] = []
        for (key, value) in mapping {
            switch key.string {
            case "title": frontMatter.title = value.string
            case "summary": frontMatter.summary = value.string
            case "params":
                guard case .mapping(let params) = value else {
                    diagnostics.append(diagnostic(value.mark, "'params' must map names to values"))
                    continue
                }
                for (name, node) in params {
                    let line = (name.mark?.line ?? 0) + lineOffset
                    guard let name = name.string, name.isSwiftIdentifier else {
                        diagnostics.append(diagnostic(name.mark, "parameter name '\(name.string ?? "")' is not a Swift identifier"))
                        continue
                    }
                    switch Parameter.read(name: name, node, line: line, diagnostic: diagnostic) {
                    case .success(let parameter): frontMatter.params.append(parameter)
                    case .failure(let problem): diagnostics.append(problem)
                    }
                }
            default:
                diagnostics.append(diagnostic(key.mark, "unknown front matter key '\(key.string ?? "")' (expected title, summary, params)"))
            }
            if (key.string == "title" || key.string == "summary"), value.string == nil {
                diagnostics.append(diagnostic(value.mark, "'\(key.string ?? "")' must be text"))
            }
        }
        return (frontMatter, diagnostics)
    }
}

private extension Parameter {
    /// A parameter's node: a value, or `{default: VALUE, choices: [VALUE, …]}` where every
    /// choice has the default's type and the default is one of them.
    static func read(name: String, _ node: Node, line: Int,
                     diagnostic: (Mark?, String) -> Diagnostic) -> Result<Parameter, Diagnostic> {
        let kinds = "a number, integer, string, boolean or list of numbers"
        guard case .mapping(let mapping) = node else {
            guard let value = ParameterValue(node) else {
                return .failure(diagnostic(node.mark, "parameter '\(name)' must be \(kinds), or {default: …, choices: […]}"))
            }
            return .success(Parameter(name: name, value: value, line: line))
        }
        var fields: [String: Node] = [:]
        for (key, value) in mapping {
            guard let key = key.string, key == "default" || key == "choices" else {
                return .failure(diagnostic(key.mark, "unknown key '\(key.string ?? "")' in parameter '\(name)' (expected default, choices)"))
            }
            fields[key] = value
        }
        guard let defaultNode = fields["default"], let choicesNode = fields["choices"] else {
            return .failure(diagnostic(node.mark, "parameter '\(name)' needs both 'default' and 'choices'"))
        }
        guard let value = ParameterValue(defaultNode) else {
            return .failure(diagnostic(defaultNode.mark, "the default of '\(name)' must be \(kinds)"))
        }
        guard case .sequence(let sequence) = choicesNode, !sequence.isEmpty else {
            return .failure(diagnostic(choicesNode.mark, "the choices of '\(name)' must be a list of values, such as [5, 12, 20]"))
        }
        var choices: [ParameterValue] = []
        for choiceNode in sequence {
            guard let choice = ParameterValue(choiceNode).flatMap(value.sameType) else {
                return .failure(diagnostic(choiceNode.mark, "each choice of '\(name)' must be of type \(value.swiftType), like its default"))
            }
            guard !choices.contains(choice) else {
                return .failure(diagnostic(choiceNode.mark, "the choice \(choice.encoded) of '\(name)' is listed twice"))
            }
            choices.append(choice)
        }
        guard choices.contains(value) else {
            return .failure(diagnostic(choicesNode.mark, "the choices of '\(name)' must include its default, \(value.encoded)"))
        }
        return .success(Parameter(name: name, value: value, line: line, choices: choices))
    }
}

private extension ParameterValue {
    /// `other` as a value of `self`'s type, if it is one (an integer such as `5` is also a
    /// number).
    func sameType(_ other: ParameterValue) -> ParameterValue? {
        switch (self, other) {
        case (.integer, .integer), (.number, .number), (.boolean, .boolean), (.string, .string), (.numbers, .numbers): other
        case (.number, .integer(let value)): .number(Double(value))
        default: nil
        }
    }

    /// Plain YAML scalars are read as Swift reads them (`1e-5` is a number, as it is not in
    /// YAML 1.1); quoted scalars are strings.
    init?(_ node: Node) {
        switch node {
        case .scalar(let scalar) where scalar.style != .plain:
            self = .string(scalar.string)
        case .scalar(let scalar):
            let text = scalar.string
            if let value = Int(text) { self = .integer(value) }
            else if let value = Double(text), value.isFinite { self = .number(value) }
            else if text == "true" || text == "false" { self = .boolean(text == "true") }
            else { self = .string(text) }
        case .sequence(let sequence):
            let values = sequence.compactMap { node -> Double? in
                guard case .scalar(let scalar) = node, scalar.style == .plain else { return nil }
                return Double(scalar.string)
            }
            guard values.count == sequence.count else { return nil }
            self = .numbers(values)
        default:
            return nil
        }
    }
}

extension YamlError {
    var mark: Mark? {
        switch self {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _): mark
        default: nil
        }
    }

    var problem: String {
        switch self {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _): problem
        default: String(describing: self)
        }
    }
}

extension String {
    /// Whether this is a plain Swift identifier: a letter or `_`, then letters, digits or `_`.
    var isSwiftIdentifier: Bool {
        guard let first = unicodeScalars.first, first == "_" || first.properties.isAlphabetic else { return false }
        return unicodeScalars.allSatisfy { $0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0) }
    }
}
