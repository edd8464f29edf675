/// The exercise blocks of a student's lesson file, and its visible check blocks (to cite
/// their lines in feedback), found by one pass over its lines.
///
/// A block opens with a fence of three or more backticks or tildes, indented at most three
/// spaces, whose info string's words are `swift`, `exercise` and `id=ID` (an exercise), or
/// `swift`, `check` and `exercise=ID` and not `hidden` (a check); it closes with a
/// fence of the same character at least as long, or at the end of the file. Other fenced
/// blocks are skipped whole. A byte-order mark is dropped, and CRLF and lone CR line ends
/// are read as LF. Nothing else of the file is interpreted: no Markdown nesting, no front
/// matter, so the work is linear in the file's size, whatever it holds.
enum ExerciseBlocks {
    struct Block: Sendable {
        enum Kind: Sendable { case exercise, check }
        var kind: Kind = .exercise
        /// An exercise's id, or the id of the exercise a check checks.
        var id: String
        var code: String
        /// The line of its first content line in the file.
        var firstLine: Int
        /// How many content lines it has.
        var lineCount: Int { code.isEmpty ? 0 : code.reduce(1) { $1 == "\n" ? $0 + 1 : $0 } }
    }

    static func scan(_ text: String) -> [Block] {
        var normalised = text.hasPrefix("\u{FEFF}") ? String(text.dropFirst()) : text
        normalised = normalised.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        let lines = normalised.split(separator: "\n", omittingEmptySubsequences: false)
        var blocks: [Block] = []
        var open: (fence: Character, length: Int, id: String?, kind: Block.Kind, firstLine: Int)?
        var content: [Substring] = []
        for (offset, line) in lines.enumerated() {
            let fence = Self.fence(line)
            if let current = open {
                if let fence, fence.character == current.fence, fence.length >= current.length, fence.info.isEmpty {
                    if let id = current.id {
                        blocks.append(
                            Block(
                                kind: current.kind, id: id, code: content.joined(separator: "\n"),
                                firstLine: current.firstLine))
                    }
                    open = nil
                    content = []
                } else if current.id != nil {
                    content.append(line)
                }
            } else if let fence {
                let words = fence.info.split(whereSeparator: { $0 == " " || $0 == "\t" })
                var kind = Block.Kind.exercise
                var id: String?
                if words.first == "swift" && words.contains("exercise") {
                    id = words.first { $0.hasPrefix("id=") }.map { String($0.dropFirst(3)) }
                } else if words.first == "swift" && words.contains("check") && !words.contains("hidden") {
                    kind = .check
                    id = words.first { $0.hasPrefix("exercise=") }.map { String($0.dropFirst(9)) }
                }
                open = (fence.character, fence.length, id, kind, offset + 2)
            }
        }
        if let current = open, let id = current.id {
            blocks.append(
                Block(kind: current.kind, id: id, code: content.joined(separator: "\n"), firstLine: current.firstLine))
        }
        return blocks
    }

    /// The fence that `line` is, if any: its character, length and info string.
    private static func fence(_ line: Substring) -> (character: Character, length: Int, info: Substring)? {
        let indent = line.prefix { $0 == " " }.count
        guard indent <= 3 else { return nil }
        let rest = line.dropFirst(indent)
        guard let character = rest.first, character == "`" || character == "~" else { return nil }
        let length = rest.prefix { $0 == character }.count
        guard length >= 3 else { return nil }
        let info = rest.dropFirst(length).drop { $0 == " " || $0 == "\t" }
        let trimmed = info.reversed().drop { $0 == " " || $0 == "\t" }
        let end = info.index(info.startIndex, offsetBy: trimmed.count)
        guard character == "~" || !info.contains("`") else { return nil }
        return (character, length, info[..<end])
    }
}
