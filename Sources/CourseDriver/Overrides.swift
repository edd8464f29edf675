import LessonParser

/// `--set` values checked against the lessons that declare them.
enum Overrides {
    /// Each `name=text` parsed as the type of its declaration in `lessons`, by lesson file
    /// then name. Throws when no lesson declares `name` (naming the closest declared names)
    /// or when `text` is not of the declared type.
    static func validated(_ overrides: [(name: String, text: String)], for lessons: [Lesson]) throws -> [String:
        [String: ParameterValue]]
    {
        var result: [String: [String: ParameterValue]] = [:]
        for (name, text) in overrides {
            var declared = false
            for lesson in lessons {
                guard let parameter = lesson.frontMatter.params.first(where: { $0.name == name }) else { continue }
                declared = true
                guard let value = parameter.value.parsingSameType(text) else {
                    throw DescentError(
                        "--set \(name)=\(text): \(lesson.file):\(parameter.line) declares \(name) as \(parameter.value.swiftType)"
                    )
                }
                result[lesson.file, default: [:]][name] = value
            }
            if !declared {
                let declaredNames = lessons.flatMap { $0.frontMatter.params.map(\.name) }
                let suggestions = closestNames(to: name, among: declaredNames)
                let hint =
                    suggestions.isEmpty
                    ? (declaredNames.isEmpty
                        ? "" : " (declared: \(Set(declaredNames).sorted().joined(separator: ", ")))")
                    : "; did you mean " + suggestions.map { "'\($0)'" }.joined(separator: " or ") + "?"
                throw DescentError("--set \(name)=…: no lesson declares a parameter '\(name)'" + hint)
            }
        }
        return result
    }
}

/// The names among `candidates` closest to `name` (at most two edits apart, fewer for
/// short names, or one holding the other), closest first: what a typo was meant to be.
func closestNames(to name: String, among candidates: [String]) -> [String] {
    let scored = Set(candidates).map { candidate in (candidate, editDistance(name.lowercased(), candidate.lowercased()))
    }
    let limit = max(1, min(2, name.count / 3))
    let close = scored.filter { candidate, distance in
        distance <= limit
            || (min(name.count, candidate.count) >= 3 && (candidate.contains(name) || name.contains(candidate)))
    }
    return close.sorted { ($0.1, $0.0) < ($1.1, $1.0) }.map(\.0)
}

/// The Levenshtein distance: the fewest insertions, deletions and substitutions of
/// characters that turn `a` into `b`.
func editDistance(_ a: String, _ b: String) -> Int {
    let (a, b) = (Array(a), Array(b))
    guard !a.isEmpty else { return b.count }
    // previous[j]: the distance from the first i − 1 characters of a to the first j of b.
    var previous = Array(0...b.count)
    for i in 1...a.count {
        var current = [i] + Array(repeating: 0, count: b.count)
        for j in stride(from: 1, through: b.count, by: 1) {
            current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
        }
        previous = current
    }
    return previous[b.count]
}
