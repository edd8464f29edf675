/// What an exercise may not contain, checked before it is compiled with the checks.
///
/// The checks call the runtime by full name (`LessonRuntime.checkClose(…)`), so the rules
/// are about what could change what a check means or reach around the runtime:
/// - no underscored attributes (`@_cdecl`, `@_silgen_name`, `@_section`, …), which could
///   replace C or runtime functions the checks depend on;
/// - no operator declarations (`static func ==`, `infix operator`, `precedencegroup`),
///   which could change what `==` or `<` mean in a check;
/// - imports only from `allowedImports`;
/// - no names that start with `_` (the runtime's and the standard library's internals), no
///   `unsafe…`/`Unsafe…`/`Unmanaged`/`OpaquePointer` and the usual raw-memory accessors
///   (`pointee`, `load`, `advanced`, `malloc`, `getenv`, …), no `dlsym`/`dlopen`,
///   no mention of `LessonRuntime`, no `#sourceLocation`;
/// - no top-level declaration named like something the lesson's spec or check blocks use
///   (other than as an argument label), and no member of an extension named like any of
///   their identifiers, unless the reference solution declares it too (a student's `abs`,
///   `f` or `Array.count` would otherwise replace the one the checks call), and no
///   use of a top-level `var` of the lesson that the checks read (other than as a label);
/// - no module names (`Swift`, `Foundation`, `LessonRuntime`, …) as declared names.
struct ExerciseScreen {
    static let allowedImports: Set<String> = ["Foundation", "DescentCore", "Plotting", "_Differentiation", "Swift"]
    static let moduleNames: Set<String> = ["Swift", "Foundation", "FoundationEssentials", "DescentCore", "Plotting", "LessonRuntime",
                                           "LessonProgram", "Glibc", "Darwin", "Dispatch", "_Differentiation"]
    static let forbiddenNames: Set<String> = ["LessonRuntime", "dlsym", "dlopen", "dlvsym", "dladdr", "dlinfo", "dlmopen",
                                              "Unmanaged", "OpaquePointer", "mprotect", "ptrace", "syscall", "process_vm_readv",
                                              "process_vm_writev", "prctl", "setrlimit", "prlimit",
                                              // Raw memory through pointers whose type is inferred, not named.
                                              "pointee", "load", "storeBytes", "advanced", "assumingMemoryBound", "bindMemory",
                                              "baseAddress", "withMemoryRebound", "copyMemory", "initializeMemory", "malloc",
                                              "calloc", "realloc", "memcpy", "memmove", "memset", "getenv", "strdup", "mmap", "sbrk"]
    /// Text that is rejected even in comments and strings, since it is what an attack would hide.
    static let forbiddenText = ["@_", "_silgen_name", "_cdecl", "dlsym", "dlopen", "nsafe", "_grading", "#sourceLocation"]

    /// Names used by the lesson's spec and check blocks that an exercise may not declare.
    var protectedNames: Set<String>
    /// Top-level `var`s of the lesson that checks read: an exercise may not mention them.
    var protectedVariables: Set<String>

    /// - Parameters:
    ///   - lessonCode: the code of the lesson's spec and check blocks.
    ///   - reference: the reference solution of the exercise being screened.
    init(lessonCode: [String], checkCode: [String], reference: String) {
        let reference = SwiftTokens(reference)
        let allowed = Self.declaredNames(reference).union(reference.identifiers)
        var used = Set<String>(), members = Set<String>()
        var variables = Set<String>()
        for code in lessonCode + checkCode {
            let tokens = SwiftTokens(code)
            used.formUnion(Self.freeNames(tokens))
            members.formUnion(tokens.identifiers)
            variables.formUnion(Self.topLevelVariables(tokens))
        }
        let checkIdentifiers = checkCode.reduce(into: Set<String>()) { $0.formUnion(SwiftTokens($1).identifiers) }
        protectedNames = used.subtracting(Self.declaredNames(reference)).union(Self.moduleNames)
        protectedMembers = members.subtracting(Self.declaredNames(reference)).union(Self.moduleNames)
        protectedVariables = variables.intersection(checkIdentifiers).subtracting(allowed)
    }

    /// Names an extension of the exercise may not declare: any identifier of the lesson's code.
    var protectedMembers: Set<String>

    /// Identifiers that are not argument labels (`at:` after `(` or `,`).
    static func freeNames(_ tokens: SwiftTokens) -> Set<String> {
        let list = tokens.tokens
        var names = Set<String>()
        for (index, token) in list.enumerated() where token.kind == .identifier {
            let label = index + 1 < list.count && list[index + 1].text == ":" && index > 0 && ["(", ","].contains(list[index - 1].text)
            if !label { names.insert(token.text) }
        }
        return names
    }

    /// The problems that keep `code` from being graded, each with its line in the block
    /// (1 = the block's first content line); empty when there are none.
    func problems(in code: String) -> [(line: Int, message: String)] {
        var problems: [(Int, String)] = []
        let tokens = SwiftTokens(code)
        if let error = tokens.error {
            return [(error.line, "the grader cannot read this code: \(error.message)")]
        }
        let list = tokens.tokens
        for (index, token) in list.enumerated() {
            let previous = index > 0 ? list[index - 1] : nil
            let next = index + 1 < list.count ? list[index + 1] : nil
            switch token.kind {
            case .attribute where token.text.hasPrefix("_"):
                problems.append((token.line, "'@\(token.text)' is not allowed in an exercise"))
            case .directive where token.text == "sourceLocation":
                problems.append((token.line, "'#sourceLocation' is not allowed in an exercise"))
            case .identifier where token.text == "import" && previous?.text != ".":
                let path = list[(index + 1)...].prefix { $0.line == token.line }
                let kinds: Set<String> = ["typealias", "struct", "class", "enum", "protocol", "let", "var", "func"]
                let module = path.first { $0.kind == .identifier && !kinds.contains($0.text) }?.text ?? ""
                if !Self.allowedImports.contains(module) {
                    let allowed = Self.allowedImports.sorted().joined(separator: ", ")
                    problems.append((token.line, "'import \(module)' is not allowed in an exercise (allowed: \(allowed))"))
                }
            case .identifier where token.text == "operator" || token.text == "precedencegroup":
                problems.append((token.line, "an exercise cannot declare operators"))
            case .identifier where token.text == "func" && (next?.kind == .operatorSymbol || next?.text == "("):
                problems.append((token.line, "an exercise cannot declare operators ('func \(next?.text ?? "")')"))
            case .identifier where Self.forbiddenNames.contains(token.text) || token.text.lowercased().contains("unsafe"):
                problems.append((token.line, "'\(token.text)' is not allowed in an exercise"))
            case .identifier where token.text.hasPrefix("_") && token.text.count > 1 && !(previous?.text == "import" && token.text == "_Differentiation"):
                problems.append((token.line, "names starting with '_' ('\(token.text)') are not allowed in an exercise"))
            case .identifier where protectedVariables.contains(token.text) && next?.text != ":":
                problems.append((token.line, "the exercise may not use '\(token.text)': the lesson's checks depend on it"))
            default:
                break
            }
        }
        for (name, line, member) in Self.declarations(tokens) where (member ? protectedMembers : protectedNames).contains(name) {
            problems.append((line, "the exercise may not declare '\(name)': the lesson's code or checks use that name"))
        }
        let lines = code.split(separator: "\n", omittingEmptySubsequences: false)
        for (offset, text) in lines.enumerated() {
            for needle in Self.forbiddenText where text.contains(needle) && !problems.contains(where: { $0.0 == offset + 1 }) {
                problems.append((offset + 1, "'\(needle)' may not appear in an exercise, not even in a comment or string"))
            }
        }
        var seen = Set<String>()
        return problems.filter { seen.insert("\($0.0) \($0.1)").inserted }.sorted { $0.0 < $1.0 }
    }

    // MARK: - Declarations

    static let declarationKeywords: Set<String> = ["func", "var", "let", "struct", "class", "enum", "protocol", "typealias",
                                                   "actor", "associatedtype", "macro", "case"]

    static func declaredNames(_ tokens: SwiftTokens) -> Set<String> {
        Set(declarations(tokens).map(\.name))
    }

    /// Names declared at the top level, or as members of an extension, with their lines.
    static func declarations(_ tokens: SwiftTokens) -> [(name: String, line: Int, member: Bool)] {
        let list = tokens.tokens
        var result: [(String, Int, Bool)] = []
        // For each open brace: whether its members count (top level or an extension's body).
        var scopes: [Bool] = []
        var lastKeyword: String?
        var parens = 0
        for (index, token) in list.enumerated() where token.depth >= 0 {
            let counts = scopes.isEmpty || (scopes.count == 1 && scopes[0])
            if token.kind == .punctuation {
                switch token.text {
                case "{":
                    scopes.append(scopes.isEmpty && lastKeyword == "extension")
                    lastKeyword = nil
                case "}": _ = scopes.popLast()
                case "(", "[": parens += 1
                case ")", "]": parens -= 1
                default: break
                }
                continue
            }
            guard token.kind == .identifier else { continue }
            if token.text == "extension" || declarationKeywords.contains(token.text) { lastKeyword = token.text }
            guard counts, declarationKeywords.contains(token.text), index + 1 < list.count else { continue }
            var cursor = index + 1
            // `let (a, b) = …`
            while cursor < list.count, list[cursor].text == "(" { cursor += 1 }
            if list[cursor].kind == .identifier { result.append((list[cursor].text, list[cursor].line, !scopes.isEmpty)) }
            // `let a = 1, b = 2`, `case a, b`
            guard ["let", "var", "case"].contains(token.text) else { continue }
            var depth = 0
            var scan = cursor + 1
            while scan < list.count, list[scan].line == token.line {
                let text = list[scan].text
                if ["(", "[", "{"].contains(text) { depth += 1 }
                if [")", "]", "}"].contains(text) { depth -= 1 }
                if depth < 0 { break }
                if text == ",", depth <= 0 || token.text != "case", scan + 2 < list.count, list[scan + 1].kind == .identifier,
                   [":", "=", ",", ")"].contains(list[scan + 2].text) || token.text == "case" {
                    result.append((list[scan + 1].text, list[scan + 1].line, !scopes.isEmpty))
                }
                scan += 1
            }
        }
        return result
    }

    /// Names declared with `var` at the top level.
    static func topLevelVariables(_ tokens: SwiftTokens) -> Set<String> {
        let list = tokens.tokens
        var names = Set<String>()
        for (index, token) in list.enumerated() where token.depth == 0 && token.text == "var" && index + 1 < list.count {
            if list[index + 1].kind == .identifier { names.insert(list[index + 1].text) }
        }
        return names
    }
}
