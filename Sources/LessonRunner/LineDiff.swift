/// A line diff of an expected text against a printed one, with a caller's notion of two
/// lines matching (an output line matches when its numbers round to the expected ones).
///
/// Lines are paired as a longest common subsequence: lines common to both ends are paired
/// first, the middle by a table of up to a million cells (beyond that it is left unpaired,
/// and shows as deleted and inserted). Unpaired expected lines are deletions, unpaired
/// printed lines insertions, each placed where it falls between the pairs.
struct LineDiff {
    enum Change: Equatable {
        /// Expected line `expected` matches printed line `printed`.
        case kept(expected: Int, printed: Int)
        /// Expected line `expected` was not printed.
        case deleted(expected: Int)
        /// Printed line `printed` was not expected; it comes before expected line `before`
        /// (the expected count when it comes after all of them).
        case inserted(printed: Int, before: Int)
    }

    /// Every line of both texts, in order, deletions before the insertions that replace them.
    let changes: [Change]

    init(expected: Int, printed: Int, match: (Int, Int) -> Bool) {
        var changes: [Change] = []
        var (e, p) = (0, 0)
        for (pairedE, pairedP) in Self.pairs(expected, printed, match: match) + [(expected, printed)] {
            changes += (e..<pairedE).map { .deleted(expected: $0) }
            changes += (p..<pairedP).map { .inserted(printed: $0, before: pairedE) }
            if pairedE < expected { changes.append(.kept(expected: pairedE, printed: pairedP)) }
            (e, p) = (pairedE + 1, pairedP + 1)
        }
        self.changes = changes
    }

    /// The longest sequence of pairs (i, j), increasing in both, with `match(i, j)`.
    static func pairs(_ m: Int, _ n: Int, match: (Int, Int) -> Bool) -> [(Int, Int)] {
        var head = 0
        while head < min(m, n) && match(head, head) { head += 1 }
        var tail = 0
        while tail < min(m, n) - head && match(m - 1 - tail, n - 1 - tail) { tail += 1 }
        let (rows, columns) = (m - head - tail, n - head - tail)
        var middle: [(Int, Int)] = []
        if rows > 0 && columns > 0 && rows * columns <= 1_000_000 {
            // length[i][j]: the longest run of pairs among rows i… and columns j… of the middle.
            var length = Array(repeating: Array(repeating: 0, count: columns + 1), count: rows + 1)
            for i in stride(from: rows - 1, through: 0, by: -1) {
                for j in stride(from: columns - 1, through: 0, by: -1) {
                    length[i][j] =
                        match(head + i, head + j) ? length[i + 1][j + 1] + 1 : max(length[i + 1][j], length[i][j + 1])
                }
            }
            var (i, j) = (0, 0)
            while i < rows && j < columns {
                if match(head + i, head + j) && length[i][j] == length[i + 1][j + 1] + 1 {
                    middle.append((head + i, head + j))
                    (i, j) = (i + 1, j + 1)
                } else if length[i + 1][j] >= length[i][j + 1] {
                    i += 1
                } else {
                    j += 1
                }
            }
        }
        return (0..<head).map { ($0, $0) } + middle + (0..<tail).reversed().map { (m - 1 - $0, n - 1 - $0) }
    }
}
