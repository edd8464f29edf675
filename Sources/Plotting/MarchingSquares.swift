/// Contour lines of a function sampled on a grid, by marching squares.
///
/// `values[j][i]` is the function at column i, row j. Each grid cell whose corners lie on
/// both sides of the level gets one segment (two in a saddle cell, split by the value at
/// the cell's centre), its ends placed on the cell's edges by linear interpolation.
/// Segments that share an edge are joined into polylines. A cell with a non-finite corner
/// is skipped. Points come back in grid coordinates: (i + t, j) on a horizontal edge.
enum MarchingSquares {
    static func lines(_ values: [[Double]], level: Double) -> [[(x: Double, y: Double)]] {
        let rows = values.count, columns = values.first?.count ?? 0
        guard rows >= 2, columns >= 2 else { return [] }
        var segments: [(Edge, Edge)] = []
        for j in 0..<(rows - 1) {
            for i in 0..<(columns - 1) {
                let corners = [values[j][i], values[j][i + 1], values[j + 1][i + 1], values[j + 1][i]]
                guard corners.allSatisfy(\.isFinite) else { continue }
                var index = 0
                for (bit, v) in corners.enumerated() where v >= level { index |= 1 << bit }
                let centreInside = corners.reduce(0, +) / 4 >= level
                for (a, b) in table(index, centreInside: centreInside) {
                    segments.append((Edge(cell: (i, j), side: a), Edge(cell: (i, j), side: b)))
                }
            }
        }
        return join(segments).map { chain in
            chain.map { $0.point(values, level: level) }
        }
    }

    /// A point on a grid edge, named so that the two cells sharing the edge agree:
    /// horizontal edges run from (i, j) to (i + 1, j), vertical ones from (i, j) to (i, j + 1).
    private struct Edge: Hashable {
        var i: Int
        var j: Int
        var horizontal: Bool

        /// Side 0 is the cell's bottom (row j), 1 its right, 2 its top (row j + 1), 3 its left.
        init(cell: (Int, Int), side: Int) {
            let (i, j) = cell
            switch side {
            case 0: (self.i, self.j, horizontal) = (i, j, true)
            case 1: (self.i, self.j, horizontal) = (i + 1, j, false)
            case 2: (self.i, self.j, horizontal) = (i, j + 1, true)
            default: (self.i, self.j, horizontal) = (i, j, false)
            }
        }

        func point(_ values: [[Double]], level: Double) -> (x: Double, y: Double) {
            let a = values[j][i]
            let b = horizontal ? values[j][i + 1] : values[j + 1][i]
            let t = a == b ? 0.5 : (level - a) / (b - a)
            return horizontal ? (Double(i) + t, Double(j)) : (Double(i), Double(j) + t)
        }
    }

    /// The sides a cell's segments join, by which corners are at or above the level
    /// (bit 0 bottom-left, 1 bottom-right, 2 top-right, 3 top-left).
    private static func table(_ index: Int, centreInside: Bool) -> [(Int, Int)] {
        switch index {
        case 1, 14: [(3, 0)]
        case 2, 13: [(0, 1)]
        case 3, 12: [(3, 1)]
        case 4, 11: [(1, 2)]
        case 6, 9: [(0, 2)]
        case 7, 8: [(3, 2)]
        case 5: centreInside ? [(0, 1), (2, 3)] : [(3, 0), (1, 2)]
        case 10: centreInside ? [(3, 0), (1, 2)] : [(0, 1), (2, 3)]
        default: []
        }
    }

    /// Chains segments that share an edge point into polylines, in the order the segments
    /// were found, so the output is deterministic.
    private static func join(_ segments: [(Edge, Edge)]) -> [[Edge]] {
        var at: [Edge: [Int]] = [:]
        for (k, (a, b)) in segments.enumerated() {
            at[a, default: []].append(k)
            at[b, default: []].append(k)
        }
        var used = [Bool](repeating: false, count: segments.count)
        func next(from edge: Edge) -> Edge? {
            guard let k = at[edge]?.first(where: { !used[$0] }) else { return nil }
            used[k] = true
            return segments[k].0 == edge ? segments[k].1 : segments[k].0
        }
        var chains: [[Edge]] = []
        for k in segments.indices where !used[k] {
            used[k] = true
            var chain = [segments[k].0, segments[k].1]
            while let e = next(from: chain[chain.count - 1]) { chain.append(e) }
            var head: [Edge] = []
            while let e = next(from: head.last ?? chain[0]) { head.append(e) }
            chains.append(head.reversed() + chain)
        }
        return chains
    }
}
