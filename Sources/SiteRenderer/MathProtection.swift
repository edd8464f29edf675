/// A formula written in prose: `$…$` inline or `$$…$$` display.
public struct Formula: Sendable, Equatable {
    /// The TeX between the dollars.
    public var tex: String
    public var display: Bool
    /// Where the opening `$` is in the lesson (column in UTF-8 bytes, as cmark counts).
    public var line: Int
    public var column: Int

    public init(tex: String, display: Bool, line: Int, column: Int) {
        self.tex = tex
        self.display = display
        self.line = line
        self.column = column
    }
}

/// Keeps math away from Markdown: each formula is swapped for a token before cmark parses
/// the prose, and the token for the typeset formula after.
///
/// A token is a private-use character, the formula's number and another private-use
/// character, so Markdown sees plain text: `_`, `*`, `\`, `<` and `&` inside math never
/// reach it. A formula spanning lines leaves the same number of lines, each after the
/// first holding a filler character, so every later line keeps its number in the file and
/// no paragraph is split or joined.
///
/// The rules: `$$` opens display math and the next `$$` closes it; `$` opens inline math
/// when a non-space follows it, and the next `$` not followed by a digit closes it (so
/// "$5 and $10" is text, and `$x = $` is math); `\$` is a dollar; neither kind crosses a
/// blank line or a backtick; code spans and the given code lines are left alone.
public enum MathProtection {
    /// The prose with formulas replaced by tokens numbered from `firstNumber`, and the
    /// formulas in order. `firstLine` is the file line of the first line of `markdown`.
    public static func protect(
        _ markdown: String, firstLine: Int = 1, codeLines: Set<Int> = [], firstNumber: Int = 0
    ) -> (markdown: String, formulas: [Formula]) {
        var scanner = Scanner(nextNumber: firstNumber)
        var output: [String] = []
        var segment: [Substring] = []
        var segmentLine = firstLine
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false)
        func flush() {
            guard !segment.isEmpty else { return }
            output.append(scanner.protect(segment.joined(separator: "\n"), firstLine: segmentLine))
            segment = []
        }
        for (offset, line) in lines.enumerated() {
            let number = firstLine + offset
            if codeLines.contains(number) {
                flush()
                output.append(String(line))
                segmentLine = number + 1
            } else {
                segment.append(line)
            }
        }
        flush()
        return (output.joined(separator: "\n"), scanner.formulas)
    }

    /// The token that stands for formula `number`.
    public static func token(_ number: Int) -> String {
        "\(tokenStart)\(number)\(tokenEnd)"
    }

    /// `text` with each token replaced by `replacement(number)` and fillers removed.
    public static func substitute(in text: String, _ replacement: (Int) -> String) -> String {
        guard text.contains(where: { $0 == tokenStart || $0 == filler }) else { return text }
        var result = ""
        var number: Int?
        for character in text {
            switch character {
            case tokenStart: number = 0
            case tokenEnd:
                if let number { result += replacement(number) }
                number = nil
            case filler: break
            case _ where number != nil: number = number! * 10 + (character.wholeNumberValue ?? 0)
            default: result.append(character)
            }
        }
        return result
    }

    static let tokenStart: Character = "\u{E000}"
    static let tokenEnd: Character = "\u{E001}"
    static let filler: Character = "\u{E002}"
}

// MARK: - Scanning

/// Scans runs of prose lines for code spans and formulas.
private struct Scanner {
    var nextNumber: Int
    var formulas: [Formula] = []

    mutating func protect(_ text: String, firstLine: Int) -> String {
        let characters = Array(text)
        let positions = Self.positions(of: characters, firstLine: firstLine)
        var output = ""
        var index = 0
        while index < characters.count {
            let character = characters[index]
            if character == "\\", index + 1 < characters.count {
                output.append(character)
                output.append(characters[index + 1])
                index += 2
            } else if character == "`" {
                let end = Self.codeSpanEnd(characters, from: index)
                output += String(characters[index..<end])
                index = end
            } else if character == "$", let (tex, display, end) = Self.formula(characters, at: index) {
                let position = positions[index]
                formulas.append(Formula(tex: tex, display: display, line: position.line, column: position.column))
                output += MathProtection.token(nextNumber)
                output += String(repeating: "\n\(MathProtection.filler)", count: tex.filter { $0 == "\n" }.count)
                nextNumber += 1
                index = end
            } else {
                output.append(character)
                index += 1
            }
        }
        return output
    }

    /// The formula opening at `start`, and the index after its closing dollars.
    static func formula(_ characters: [Character], at start: Int) -> (tex: String, display: Bool, end: Int)? {
        let display = start + 1 < characters.count && characters[start + 1] == "$"
        let open = start + (display ? 2 : 1)
        guard open < characters.count, display || !characters[open].isWhitespace else { return nil }
        var index = open
        while index < characters.count {
            let character = characters[index]
            if character == "\\" {
                index += 2
                continue
            }
            if character == "`" || (character == "\n" && blankLineFollows(characters, newline: index)) { return nil }
            if character == "$" {
                if display {
                    if index + 1 < characters.count, characters[index + 1] == "$" {
                        let tex = String(characters[open..<index])
                        return tex.allSatisfy(\.isWhitespace) ? nil : (tex, true, index + 2)
                    }
                } else if index > open, index + 1 == characters.count || !characters[index + 1].isNumber {
                    return (String(characters[open..<index]), false, index + 1)
                }
            }
            index += 1
        }
        return nil
    }

    /// After a run of backticks at `start`: the index after the code span it opens (its
    /// closing run of the same length), or after the run itself when it opens none.
    static func codeSpanEnd(_ characters: [Character], from start: Int) -> Int {
        let length = run(of: "`", in: characters, from: start)
        var index = start + length
        while index < characters.count {
            if characters[index] == "`" {
                let closing = run(of: "`", in: characters, from: index)
                if closing == length { return index + closing }
                index += closing
            } else if characters[index] == "\n", blankLineFollows(characters, newline: index) {
                break
            } else {
                index += 1
            }
        }
        return start + length
    }

    static func run(of character: Character, in characters: [Character], from start: Int) -> Int {
        characters[start...].prefix { $0 == character }.count
    }

    /// Whether the line after the newline at `newline` is blank (ends a paragraph).
    static func blankLineFollows(_ characters: [Character], newline: Int) -> Bool {
        let rest = characters[(newline + 1)...].prefix { $0 != "\n" }
        return rest.allSatisfy(\.isWhitespace)
    }

    /// Each character's line and column (in UTF-8 bytes) in the file.
    static func positions(of characters: [Character], firstLine: Int) -> [(line: Int, column: Int)] {
        var positions: [(line: Int, column: Int)] = []
        positions.reserveCapacity(characters.count)
        var line = firstLine, column = 1
        for character in characters {
            positions.append((line, column))
            if character == "\n" {
                line += 1
                column = 1
            } else {
                column += character.utf8.count
            }
        }
        return positions
    }
}
