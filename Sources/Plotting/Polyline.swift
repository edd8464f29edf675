/// Turns a sequence of pixel positions into SVG path data honestly: a non-finite position
/// breaks the line (a gap, never a number in the file), segments are clipped to the plot
/// area, and a long run is decimated per pixel column keeping each column's first, lowest,
/// highest and last point, so its extremes survive while the file stays small.
enum Polyline {
    /// Path data "M x y L x y …" for the visible pieces of `points` inside `clip`.
    /// A piece of a single point is drawn as a dot ("h0" with a round cap).
    static func pathData(_ points: [Point], clip: Rect) -> String {
        var data = ""
        for piece in pieces(points, clip: clip) {
            let kept = decimated(piece)
            data += "M" + xy(kept[0])
            if kept.count == 1 {
                data += "h0"
                continue
            }
            data += "L" + kept.dropFirst().map(xy).joined(separator: " ")
        }
        return data
    }

    /// The runs of consecutive finite points, each clipped to `clip` and split where it
    /// leaves it.
    static func pieces(_ points: [Point], clip: Rect) -> [[Point]] {
        var pieces: [[Point]] = []
        var current: [Point] = []
        func finish() {
            if !current.isEmpty { pieces.append(current) }
            current = []
        }
        var previous: Point?
        for p in points {
            guard p.x.isFinite && p.y.isFinite else {
                finish()
                previous = nil
                continue
            }
            defer { previous = p }
            guard let a = previous else {
                if clip.contains(p) { current = [p] }
                continue
            }
            guard let (from, to) = clipped(a, p, to: clip) else {
                finish()
                continue
            }
            if current.last != from {
                finish()
                current = [from]
            }
            current.append(to)
            if to != p { finish() }
        }
        finish()
        return pieces
    }

    /// The part of segment ab inside `r` (Liang–Barsky), or nil when none is.
    static func clipped(_ a: Point, _ b: Point, to r: Rect) -> (Point, Point)? {
        let dx = b.x - a.x, dy = b.y - a.y
        var t0 = 0.0, t1 = 1.0
        for (p, q) in [(-dx, a.x - r.minX), (dx, r.maxX - a.x), (-dy, a.y - r.minY), (dy, r.maxY - a.y)] {
            if p == 0 {
                if q < 0 { return nil }
                continue
            }
            let t = q / p
            if p < 0 { t0 = max(t0, t) } else { t1 = min(t1, t) }
            if t0 > t1 { return nil }
        }
        let from = t0 == 0 ? a : Point(x: a.x + t0 * dx, y: a.y + t0 * dy)
        let to = t1 == 1 ? b : Point(x: a.x + t1 * dx, y: a.y + t1 * dy)
        return (from, to)
    }

    /// `piece` unchanged when it has at most two points per pixel column on average;
    /// otherwise, for each run of consecutive points in one pixel column, the first, the
    /// lowest, the highest and the last, in their original order (the M4 rule).
    static func decimated(_ piece: [Point]) -> [Point] {
        guard let lo = piece.map(\.x).min(), let hi = piece.map(\.x).max(),
            Double(piece.count) > 2 * (hi - lo + 1)
        else { return piece }
        var kept: [Point] = []
        var start = 0
        while start < piece.count {
            let column = piece[start].x.rounded(.down)
            var end = start
            var low = start, high = start
            while end + 1 < piece.count && piece[end + 1].x.rounded(.down) == column {
                end += 1
                if piece[end].y < piece[low].y { low = end }
                if piece[end].y > piece[high].y { high = end }
            }
            for i in Set([start, low, high, end]).sorted() { kept.append(piece[i]) }
            start = end + 1
        }
        return kept
    }

    /// The points, in order, that lie at least `gap` pixels right or left of the last one
    /// kept (the first is always kept).
    static func spaced(_ points: [Point], gap: Double) -> [Point] {
        var kept: [Point] = []
        for p in points where kept.last.map({ ($0.x - p.x).magnitude >= gap }) ?? true { kept.append(p) }
        return kept
    }

    private static func xy(_ p: Point) -> String { Format.coordinate(p.x) + " " + Format.coordinate(p.y) }
}
