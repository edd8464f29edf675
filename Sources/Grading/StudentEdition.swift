import LessonParser

/// The student edition of a lesson: every reference-solution region replaced by a stub
/// that compiles and fails, every hidden check block removed, everything else unchanged.
///
/// A stub keeps the indentation of its region. Inside a body (an indented region) it reads
///
///     // Your code here.
///     return exerciseNotDone("forward-difference")
///
/// which compiles in a function of any return type, reports a failed check when called and
/// returns a value that fails the checks (NaN, empty, `false`) while the lesson goes on, so
/// the student's `descent test` still checks the other exercises. At the top level it reads
/// `fatalError("Exercise forward-difference is not done yet")`. `descent release` verifies
/// that every stub compiles and fails.
public struct StudentEdition: Sendable {
    /// The text of the student's lesson file.
    public var text: String
    /// For each line of the instructor's lesson that is kept, its line in `text`.
    public var lineMap: [Int: Int]

    public init(_ lesson: Lesson) {
        let lines = lesson.source.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        var replaced: [Int: [String]] = [:]  // first line of a removed range → its replacement
        var removed = Set<Int>()
        for block in lesson.codeBlocks {
            if block.role == .check && block.attributes.hidden {
                let range = block.line...block.contentLines.upperBound
                removed.formUnion(range)
                // Keep one blank line between what came before and after.
                let before = block.line - 1, after = block.contentLines.upperBound + 1
                if before >= 1, after <= lines.count, lines[before - 1].allSatisfy(\.isWhitespace),
                    lines[after - 1].allSatisfy(\.isWhitespace)
                {
                    removed.insert(after)
                }
            }
            for region in block.solutions {
                removed.formUnion(region)
                let marker = lines[region.lowerBound - 1]
                let indent = String(marker.prefix { $0 == " " || $0 == "\t" })
                let id = block.attributes.exercise ?? "?"
                let stub =
                    indent.isEmpty
                    ? "fatalError(\"Exercise \(id) is not done yet\")" : "return exerciseNotDone(\"\(id)\")"
                replaced[region.lowerBound] = ["\(indent)// Your code here.", indent + stub]
            }
        }
        var output: [String] = []
        var map: [Int: Int] = [:]
        for (offset, line) in lines.enumerated() {
            let number = offset + 1
            if let replacement = replaced[number] { output += replacement }
            guard !removed.contains(number) else { continue }
            output.append(line)
            map[number] = output.count
        }
        text = output.joined(separator: "\n")
        lineMap = map
    }
}
