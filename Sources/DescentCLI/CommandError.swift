/// A problem found after the command line was parsed (a lesson that is not there, a
/// parameter no lesson declares): printed as `Error: …` without the usage, which is shown
/// only for a command line that does not parse.
struct CommandError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) {
        self.description = description
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
