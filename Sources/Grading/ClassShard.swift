import Foundation
import LessonParser
import LessonRunner
import LessonRuntime

/// One of `count` slices of a class, for grading a class as a job array (a Slurm array, a
/// CI matrix): `descent grade --shard K/N` grades the K-th, and `descent grade --merge`
/// puts the shards' JSON back together.
///
/// The students are ordered by name (`StudentNames`; names are unique), and shard K of N
/// holds positions ⌊(K−1)·n/N⌋ ..< ⌊K·n/N⌋ of the n students: contiguous, in order, sizes
/// differing by at most one, the same for the same class wherever it runs. A shard's JSON
/// carries `class`, a digest of every student's name and path, so that shards of
/// different classes (or of a class given differently) are never merged.
public struct ClassShard: Codable, Sendable, Equatable {
    /// From 1 to `count`.
    public var index: Int
    public var count: Int
    /// The SHA-256 of the class's names and paths, in name order.
    public var `class`: String = ""

    /// Reads `K/N`.
    public init?(_ text: String) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let index = Int(parts[0]), let count = Int(parts[1]), count >= 1,
            (1...count).contains(index)
        else { return nil }
        self.index = index
        self.count = count
    }

    /// The positions (in name order) of this shard's students among `students`.
    public func positions(of students: Int) -> Range<Int> {
        (index - 1) * students / count..<index * students / count
    }

    /// The digest that identifies a class: its students' names and paths, in name order.
    public static func digest(names: [String], paths: [String]) -> String {
        SHA256.key(zip(names, paths).map { "\($0)\u{0}\($1)" }.joined(separator: "\u{0}"))
    }

    /// This shard's grades in JSON, for `merge`.
    public func render(_ grades: [SubmissionGrade]) throws -> String {
        try GradeJSON.render(grades, shard: self)
    }

    /// The class's grades from every shard's JSON (`name` says which file it was, for
    /// errors), in name order: exactly the shards 1 to N of one class, each once.
    public static func merge(_ shards: [(name: String, data: Data)]) throws -> [SubmissionGrade] {
        var first: (name: String, shard: ClassShard)?
        var seen: [Int: String] = [:]
        var grades: [SubmissionGrade] = []
        for (name, data) in shards {
            let decoded: (grades: [SubmissionGrade], shard: ClassShard?)
            do {
                decoded = try GradeJSON.decode(data)
            } catch {
                throw DescentError("\(name): not the JSON of a shard of grades (as 'descent grade --shard K/N' writes)")
            }
            guard let shard = decoded.shard else {
                throw DescentError("\(name): grades of a whole class, not of a shard (written without --shard K/N)")
            }
            if let first, first.shard.count != shard.count || first.shard.class != shard.class {
                throw DescentError(
                    "\(name): shard \(shard.index)/\(shard.count) of another class (or other submissions, or another number of shards) than \(first.name)"
                )
            }
            if let other = seen[shard.index] {
                throw DescentError("\(name): shard \(shard.index)/\(shard.count) is given twice (also as \(other))")
            }
            first = first ?? (name, shard)
            seen[shard.index] = name
            grades += decoded.grades
        }
        guard let count = first?.shard.count else { throw DescentError("--merge needs the shards' JSON files") }
        let missing = (1...count).filter { seen[$0] == nil }
        guard missing.isEmpty else {
            throw DescentError(
                "shard\(missing.count == 1 ? "" : "s") \(missing.map { "\($0)/\(count)" }.joined(separator: ", ")) missing"
            )
        }
        return grades.sorted { $0.student < $1.student }
    }
}
