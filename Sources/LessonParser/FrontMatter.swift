import Foundation
import Yams

/// The YAML header of a lesson, between a first line `---` and the next `---`.
public struct FrontMatter: Sendable, Equatable {
    public var title: String?
    public var summary: String?
    /// Hyperparameters with their defaults, in the order written.
    public var params: [Parameter]
    /// Whether it was read without errors. When it was not, what it seems to lack (a
    /// title) follows from the error already reported, and is not reported again.
    public var isSound = true

    public init(title: String? = nil, summary: String? = nil, params: [Parameter] = [], isSound: Bool = true) {
        self.title = title
        self.summary = summary
        self.params = params
        self.isSound = isSound
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
    ///
    /// A front matter whose closing `---` is missing is taken to end before its first empty
    /// line, code fence or heading (or at the end of the file); `closed` is then false.
    static func split(_ source: String) -> (yaml: String?, body: String, closed: Bool) {
        var lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        guard lines.first?.trimmingCharacters(in: .whitespacesAndNewlines) == "---" else { return (nil, source, true) }
        let closing = lines.dropFirst().firstIndex { $0.trimmingCharacters(in: .whitespacesAndNewlines) == "---" }
        let end =
            closing ?? lines.dropFirst().firstIndex { line in
                line.allSatisfy(\.isWhitespace) || line.hasPrefix("```") || line.hasPrefix("~~~") || line.hasPrefix("#")
            } ?? lines.count
        let yaml = lines[1..<end].joined(separator: "\n")
        for index in 0..<min(closing.map { $0 + 1 } ?? end, lines.count) { lines[index] = "" }
        return (yaml, lines.joined(separator: "\n"), closing != nil)
    }

    /// Reads the front matter of `source`: one error for a block that is never closed, and
    /// none of what YAML then finds wrong, since its end is only a guess.
    static func read(from source: String, file: String) -> (
        frontMatter: FrontMatter, body: String, diagnostics: [Diagnostic]
    ) {
        let (yaml, body, closed) = split(source)
        guard let yaml else { return (FrontMatter(), body, []) }
        var (frontMatter, diagnostics) = read(yaml, file: file)
        if !closed {
            let end = yaml.split(separator: "\n", omittingEmptySubsequences: false).count + 2
            diagnostics = [
                Diagnostic(
                    file: file, line: 1, column: 1,
                    "the front matter is never closed: add a line '---' after it (before line \(end))")
            ]
            frontMatter.isSound = false
        }
        return (frontMatter, body, diagnostics)
    }

    /// Reads the YAML text of a front matter that starts on the file's second line.
    static func read(_ yaml: String, file: String) -> (FrontMatter, [Diagnostic]) {
        let lineOffset = 1
        func diagnostic(_ mark: Mark?, _ message: String) -> Diagnostic {
            Diagnostic(file: file, line: (mark?.line ?? 0) + lineOffset, column: mark?.column ?? 1, message)
        }
        let unsound = FrontMatter(isSound: false)
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch YamlError.duplicatedKeysInMapping(let duplicates, let context) {
            let key = duplicates.sorted().first ?? ""
            guard let (first, second) = Self.occurrences(ofKey: key, in: yaml) else {
                return (unsound, [diagnostic(context.mark, "duplicate key '\(key)' in the front matter")])
            }
            return (
                unsound,
                [
                    Diagnostic(
                        file: file, line: second.line + lineOffset, column: second.column,
                        "duplicate key '\(key)' (first given on line \(first.line + lineOffset))")
                ]
            )
        } catch let error as YamlError {
            // An unclosed bracket or quote is reported where it opens, not where YAML gave up.
            let (mark, problem) = error.located
            let line = mark.flatMap {
                yaml.split(separator: "\n", omittingEmptySubsequences: false).dropFirst($0.line - 1).first
            }
            if let mark, line?.dropFirst(mark.column - 1).first == "\t" {
                return (unsound, [diagnostic(mark, "malformed front matter: YAML is indented with spaces, not tabs")])
            }
            return (unsound, [diagnostic(mark, "malformed front matter: \(problem)")])
        } catch {
            return (unsound, [Diagnostic(file: file, line: 1, "malformed front matter: \(error)")])
        }
        guard let root else { return (FrontMatter(), []) }
        guard case .mapping(let mapping) = root else {
            return (unsound, [diagnostic(root.mark, "front matter must be a mapping of keys to values")])
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
                        diagnostics.append(
                            diagnostic(name.mark, "parameter name '\(name.string ?? "")' is not a Swift identifier"))
                        continue
                    }
                    switch Parameter.read(name: name, node, line: line, diagnostic: diagnostic) {
                    case .success(let parameter): frontMatter.params.append(parameter)
                    case .failure(let problem): diagnostics.append(problem)
                    }
                }
            default:
                diagnostics.append(
                    diagnostic(
                        key.mark, "unknown front matter key '\(key.string ?? "")' (expected title, summary, params)"))
            }
            if key.string == "title" || key.string == "summary", value.string == nil {
                diagnostics.append(diagnostic(value.mark, "'\(key.string ?? "")' must be text"))
            }
        }
        frontMatter.isSound = diagnostics.isEmpty
        return (frontMatter, diagnostics)
    }

    /// The line and column where `key` is first and second given as a key at the same
    /// indentation in `yaml`.
    private static func occurrences(ofKey key: String, in yaml: String) -> (
        first: (line: Int, column: Int), second: (line: Int, column: Int)
    )? {
        var first: (mark: (line: Int, column: Int), indent: Int)?
        for (index, line) in yaml.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let indent = line.prefix { $0 == " " }.count
            let rest = line.dropFirst(indent)
            guard rest.hasPrefix(key), rest.dropFirst(key.count).drop(while: { $0 == " " }).hasPrefix(":") else {
                continue
            }
            let mark = (line: index + 1, column: indent + 1)
            if let first, first.indent == indent { return (first.mark, mark) }
            if first == nil { first = (mark, indent) }
        }
        return nil
    }
}

private extension Parameter {
    /// A parameter's node: a value, or `{default: VALUE, choices: [VALUE, …]}` where every
    /// choice has the default's type and the default is one of them.
    static func read(
        name: String, _ node: Node, line: Int,
        diagnostic: (Mark?, String) -> Diagnostic
    ) -> Result<Parameter, Diagnostic> {
        let kinds = "a number, integer, string, boolean or list of numbers"
        guard case .mapping(let mapping) = node else {
            guard let value = ParameterValue(node) else {
                if case .sequence(let items) = node,
                    let item = items.first(where: { ParameterValue($0)?.isNumber != true })
                {
                    return .failure(
                        diagnostic(item.mark, "parameter '\(name)' is a list, and a list may hold only numbers"))
                }
                return .failure(
                    diagnostic(node.mark, "parameter '\(name)' must be \(kinds), or {default: …, choices: […]}"))
            }
            return .success(Parameter(name: name, value: value, line: line))
        }
        var fields: [String: Node] = [:]
        for (key, value) in mapping {
            guard let key = key.string, key == "default" || key == "choices" else {
                return .failure(
                    diagnostic(
                        key.mark, "unknown key '\(key.string ?? "")' in parameter '\(name)' (expected default, choices)"
                    ))
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
            return .failure(
                diagnostic(choicesNode.mark, "the choices of '\(name)' must be a list of values, such as [5, 12, 20]"))
        }
        var choices: [ParameterValue] = []
        for choiceNode in sequence {
            guard let choice = ParameterValue(choiceNode).flatMap(value.sameType) else {
                return .failure(
                    diagnostic(
                        choiceNode.mark, "each choice of '\(name)' must be of type \(value.swiftType), like its default"
                    ))
            }
            guard !choices.contains(choice) else {
                return .failure(
                    diagnostic(choiceNode.mark, "the choice \(choice.encoded) of '\(name)' is listed twice"))
            }
            choices.append(choice)
        }
        guard choices.contains(value) else {
            return .failure(
                diagnostic(choicesNode.mark, "the choices of '\(name)' must include its default, \(value.encoded)"))
        }
        return .success(Parameter(name: name, value: value, line: line, choices: choices))
    }
}

private extension ParameterValue {
    /// `other` as a value of `self`'s type, if it is one (an integer such as `5` is also a
    /// number).
    func sameType(_ other: ParameterValue) -> ParameterValue? {
        switch (self, other) {
        case (.integer, .integer), (.number, .number), (.boolean, .boolean), (.string, .string), (.numbers, .numbers):
            other
        case (.number, .integer(let value)): .number(Double(value))
        default: nil
        }
    }

    var isNumber: Bool {
        switch self {
        case .integer, .number: true
        default: false
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
            if let value = Int(text) {
                self = .integer(value)
            } else if let value = Double(text), value.isFinite {
                self = .number(value)
            } else if text == "true" || text == "false" {
                self = .boolean(text == "true")
            } else {
                self = .string(text)
            }
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
    /// Where the problem is, and what it is: at the construct YAML was reading (`while
    /// parsing a flow sequence`) when it names one, else where it stopped.
    var located: (Mark?, String) {
        switch self {
        case .scanner(let context?, let problem, _, _), .parser(let context?, let problem, _, _),
            .composer(let context?, let problem, _, _):
            (context.mark, "\(problem) (\(context.text) that starts here)")
        case .scanner(_, let problem, let mark, _), .parser(_, let problem, let mark, _),
            .composer(_, let problem, let mark, _):
            (mark, problem)
        default:
            (nil, String(describing: self))
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
