/// A small Swift tokenizer: enough to see declarations, attributes, imports and operators
/// in an exercise, with comments skipped and string literals opaque (but the code inside
/// their interpolations read as code).
///
/// It is deliberately strict: an unterminated comment or string, or unbalanced brackets,
/// is an error, since the grader must not read code differently from the compiler.
struct SwiftTokens {
    enum Kind: Equatable {
        case identifier     // also keywords; backquoted names without their backquotes
        case attribute      // `@name`, text without the `@`
        case directive      // `#name`, text without the `#`
        case operatorSymbol // a run of operator characters
        case punctuation    // ( ) [ ] { } , : ; . and friends
        case literal        // numbers and strings
    }

    struct Token: Equatable {
        var kind: Kind
        var text: String
        var line: Int
        /// Brace depth (`{`) at the token; tokens in string interpolations are at depth -1.
        var depth: Int
    }

    var tokens: [Token] = []
    var error: (line: Int, message: String)?

    init(_ source: String) {
        var reader = Reader(Array(source.unicodeScalars))
        reader.read(into: &self, stopAtParen: false, interpolation: false)
        if error == nil, reader.braceDepth != 0 {
            error = (reader.line, "unbalanced braces")
        }
    }

    /// Identifier tokens' texts.
    var identifiers: Set<String> {
        Set(tokens.filter { $0.kind == .identifier }.map(\.text))
    }
}

private struct Reader {
    let scalars: [Unicode.Scalar]
    var index = 0
    var line = 1
    var braceDepth = 0
    var parenDepth = 0

    init(_ scalars: [Unicode.Scalar]) { self.scalars = scalars }

    func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        index + offset < scalars.count ? scalars[index + offset] : nil
    }

    mutating func advance() -> Unicode.Scalar {
        let scalar = scalars[index]
        index += 1
        if scalar == "\n" { line += 1 }
        return scalar
    }

    static func isIdentifierStart(_ s: Unicode.Scalar) -> Bool {
        s == "_" || s.properties.isAlphabetic || (s.value > 0x7f && !s.properties.isWhitespace && !isOperator(s))
    }

    static func isIdentifierContinue(_ s: Unicode.Scalar) -> Bool {
        isIdentifierStart(s) || s.properties.numericType != nil || ("0"..."9").contains(s)
    }

    static func isOperator(_ s: Unicode.Scalar) -> Bool {
        "/=-+!*%<>&|^~?".unicodeScalars.contains(s) || (0x2190...0x2BFF).contains(s.value) && !s.properties.isAlphabetic
    }

    /// Reads tokens until the end, or (in an interpolation) until the `)` that closes it.
    mutating func read(into result: inout SwiftTokens, stopAtParen: Bool, interpolation: Bool) {
        var localParens = 0
        func add(_ kind: SwiftTokens.Kind, _ text: String, _ line: Int) {
            result.tokens.append(.init(kind: kind, text: text, line: line, depth: interpolation ? -1 : braceDepth))
        }
        while let scalar = peek(), result.error == nil {
            let start = line
            if scalar.properties.isWhitespace {
                _ = advance()
            } else if scalar == "/" && peek(1) == "/" {
                while let next = peek(), next != "\n" { _ = advance() }
            } else if scalar == "/" && peek(1) == "*" {
                var depth = 0
                repeat {
                    if peek() == "/" && peek(1) == "*" { depth += 1; _ = advance(); _ = advance() }
                    else if peek() == "*" && peek(1) == "/" { depth -= 1; _ = advance(); _ = advance() }
                    else if peek() == nil { result.error = (start, "unterminated /* comment"); return }
                    else { _ = advance() }
                } while depth > 0
            } else if scalar == "\"" || (scalar == "#" && rawStringAhead()) {
                readString(into: &result, start: start)
                add(.literal, "\"…\"", start)
            } else if scalar == "#" && peek(1) == "/" {
                // An extended regex literal: #/ … /#
                _ = advance(); _ = advance()
                while !(peek() == "/" && peek(1) == "#") {
                    guard peek() != nil else { result.error = (start, "unterminated regex literal"); return }
                    _ = advance()
                }
                _ = advance(); _ = advance()
                add(.literal, "#/…/#", start)
            } else if scalar == "`" {
                _ = advance()
                var name = ""
                while let next = peek(), next != "`", next != "\n" { name.unicodeScalars.append(advance()) }
                guard peek() == "`" else { result.error = (start, "unterminated backquoted name"); return }
                _ = advance()
                add(.identifier, name, start)
            } else if scalar == "@" || scalar == "#" {
                _ = advance()
                var name = ""
                while let next = peek(), Self.isIdentifierContinue(next) { name.unicodeScalars.append(advance()) }
                add(scalar == "@" ? .attribute : .directive, name, start)
            } else if Self.isIdentifierStart(scalar) || scalar == "$" {
                var name = ""
                while let next = peek(), Self.isIdentifierContinue(next) || next == "$" { name.unicodeScalars.append(advance()) }
                add(.identifier, name, start)
            } else if ("0"..."9").contains(scalar) {
                var text = ""
                while let next = peek(), Self.isIdentifierContinue(next) || next == "." && (peek(1).map { ("0"..."9").contains($0) } ?? false) {
                    text.unicodeScalars.append(advance())
                }
                add(.literal, text, start)
            } else if Self.isOperator(scalar) || (scalar == "." && peek(1).map(Self.isOperator) == true) {
                var text = ""
                while let next = peek(), Self.isOperator(next) || next == "." {
                    if next == "/" && (peek(1) == "/" || peek(1) == "*") { break }
                    text.unicodeScalars.append(advance())
                }
                add(.operatorSymbol, text, start)
            } else {
                _ = advance()
                switch scalar {
                case "{": braceDepth += 1
                case "}":
                    braceDepth -= 1
                    if braceDepth < 0 { result.error = (start, "unbalanced braces"); return }
                case "(": localParens += 1
                case ")":
                    if stopAtParen && localParens == 0 { return }
                    localParens -= 1
                default: break
                }
                add(.punctuation, String(scalar), start)
            }
        }
        if stopAtParen && result.error == nil { result.error = (line, "unterminated string interpolation") }
    }

    func rawStringAhead() -> Bool {
        var offset = 0
        while peek(offset) == "#" { offset += 1 }
        return peek(offset) == "\""
    }

    /// Reads a string literal (plain, multi-line or raw), reading interpolations as code.
    mutating func readString(into result: inout SwiftTokens, start: Int) {
        var hashes = 0
        while peek() == "#" { _ = advance(); hashes += 1 }
        let multiline = peek() == "\"" && peek(1) == "\"" && peek(2) == "\""
        for _ in 0..<(multiline ? 3 : 1) { _ = advance() }
        func closesHere() -> Bool {
            let quotes = multiline ? 3 : 1
            for offset in 0..<quotes where peek(offset) != "\"" { return false }
            for offset in 0..<hashes where peek(quotes + offset) != "#" { return false }
            return true
        }
        while true {
            guard let scalar = peek() else { result.error = (start, "unterminated string literal"); return }
            if scalar == "\n" && !multiline { result.error = (start, "unterminated string literal"); return }
            if closesHere() {
                for _ in 0..<((multiline ? 3 : 1) + hashes) { _ = advance() }
                return
            }
            if scalar == "\\" && (0..<hashes).allSatisfy({ peek(1 + $0) == "#" }) {
                _ = advance()
                for _ in 0..<hashes { _ = advance() }
                if peek() == "(" {
                    _ = advance()
                    let saved = braceDepth
                    read(into: &result, stopAtParen: true, interpolation: true)
                    if result.error != nil { return }
                    if braceDepth != saved { result.error = (start, "unbalanced braces in a string interpolation"); return }
                } else if peek() != nil {
                    _ = advance()
                }
                continue
            }
            _ = advance()
        }
    }
}
