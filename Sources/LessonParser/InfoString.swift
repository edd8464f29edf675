/// Reads a fence's info string: role words, then `key=value` attributes and bare flags.
///
///     swift spec name=steps tolerance=1e-6 timeout=5 hidden
///     swift exercise id=central-difference points=2 title="Central difference"
///     swift check exercise=central-difference hidden
///     output
///
/// Anything else (an unknown role, attribute or flag, an attribute a role does not take,
/// a value of the wrong type) is an error: a typo must never turn into a silent skip.
struct InfoString {
    /// Column (1-based) of the info string's first character on the fence line.
    let column: Int
    let text: String

    struct Word {
        var text: Substring
        var column: Int
    }

    func parse(file: String, line: Int) -> (Role, Attributes, [Diagnostic]) {
        let words = self.words
        func error(_ word: Word?, _ message: String) -> Diagnostic {
            Diagnostic(file: file, line: line, column: word?.column ?? column, message)
        }
        var attributes = Attributes()
        guard let first = words.first else { return (.plain, attributes, []) }
        let role: Role
        var rest = words.dropFirst()
        switch first.text {
        case "output":
            role = .output
        case "swift":
            switch rest.first?.text {
            case "spec": role = .spec
            case "exercise": role = .exercise
            case "check": role = .check
            default: role = .swift
            }
            if role != .swift { rest = rest.dropFirst() }
        default:
            let message =
                "unknown code block role '\(first.text)' (expected swift, swift spec, swift exercise, swift check or output)"
            return (.plain, attributes, [error(first, message)])
        }
        var diagnostics: [Diagnostic] = []
        for word in rest {
            let key = word.text.prefix { $0 != "=" }
            let value: String? = key.count < word.text.count ? Self.unquoted(word.text.dropFirst(key.count + 1)) : nil
            guard Self.allowed[role, default: []].contains(String(key)) else {
                if role == .swift, word.column == rest.first?.column, !word.text.contains("=") {
                    diagnostics.append(
                        error(word, "unknown role word '\(key)' after 'swift' (expected spec, exercise or check)"))
                } else {
                    let known = Self.allowed[role, default: []].sorted().joined(separator: ", ")
                    diagnostics.append(
                        error(
                            word,
                            "unknown attribute '\(key)' for a \(role.displayName) block"
                                + (known.isEmpty ? " (it takes none)" : " (expected \(known))")))
                }
                continue
            }
            if let problem = attributes.set(String(key), value) {
                diagnostics.append(error(word, problem))
            }
        }
        if role == .exercise {
            if attributes.exercise == nil { diagnostics.append(error(first, "an exercise block needs id=")) }
            if attributes.points == nil { diagnostics.append(error(first, "an exercise block needs points=")) }
        }
        if role == .check, attributes.exercise == nil {
            diagnostics.append(error(first, "a check block needs exercise="))
        }
        return (role, attributes, diagnostics)
    }

    /// Which attributes each role takes.
    private static let allowed: [Role: Set<String>] = [
        .spec: ["hidden", "name", "tolerance", "timeout"],
        .exercise: ["id", "points", "title", "timeout", "hides"],
        .check: ["exercise", "hidden", "name", "tolerance", "timeout"],
    ]

    /// Words separated by spaces; a double-quoted value may contain spaces.
    private var words: [Word] {
        var words: [Word] = []
        var current = ""
        var start = 0
        var quoted = false
        for (offset, character) in text.enumerated() {
            if character == "\"" { quoted.toggle() }
            if character == " " && !quoted {
                if !current.isEmpty { words.append(Word(text: Substring(current), column: column + start)) }
                current = ""
                start = offset + 1
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { words.append(Word(text: Substring(current), column: column + start)) }
        return words
    }

    private static func unquoted(_ value: Substring) -> String {
        value.count >= 2 && value.first == "\"" && value.last == "\""
            ? String(value.dropFirst().dropLast()) : String(value)
    }
}

private extension Role {
    var displayName: String {
        switch self {
        case .swift: "swift"
        case .spec: "swift spec"
        case .output: "output"
        case .exercise: "swift exercise"
        case .check: "swift check"
        case .plain: "plain"
        }
    }
}

private extension Attributes {
    /// Sets one attribute from its text; returns a problem to report, or nil.
    mutating func set(_ key: String, _ value: String?) -> String? {
        if key == "hidden" {
            guard value == nil else { return "'hidden' is a flag and takes no value" }
            hidden = true
            return nil
        }
        guard let value, !value.isEmpty else { return "attribute '\(key)' needs a value (\(key)=…)" }
        switch key {
        case "name", "title":
            if key == "name" { name = value } else { title = value }
        case "id", "exercise":
            guard value.allSatisfy({ $0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" }) else {
                return "'\(key)' must be letters, digits, '-' or '_', not '\(value)'"
            }
            exercise = value
        case "tolerance":
            guard let number = Double(value), number >= 0, number.isFinite else {
                return "tolerance must be a number ≥ 0, not '\(value)'"
            }
            tolerance = number
        case "timeout":
            guard let number = Double(value), number > 0, number.isFinite else {
                return "timeout must be a number of seconds > 0, not '\(value)'"
            }
            timeout = number
        case "hides":
            let names = value.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            guard
                names.allSatisfy({ name in
                    name.first.map { $0.isLetter || $0 == "_" } == true
                        && name.allSatisfy { $0.isLetter || $0.isNumber || $0 == "_" }
                })
            else {
                return "hides must be names separated by commas (hides=centralDifference,Linear), not '\(value)'"
            }
            hides = names
        case "points":
            guard let number = Int(value), number >= 0 else {
                return "points must be a whole number ≥ 0, not '\(value)'"
            }
            points = number
        default:
            return "unknown attribute '\(key)'"
        }
        return nil
    }
}
