/// Counts of values in equal-width bins over a range.
///
/// Bin k covers [low + k·w, low + (k + 1)·w) with w = (high − low)/bins; the last bin also
/// takes `high`. Values outside the range and non-finite values are not counted; `outside`
/// and `nonFinite` say how many there were.
struct Histogram: Equatable {
    var range: ClosedRange<Double>
    var counts: [Int]
    var outside = 0
    var nonFinite = 0

    init(_ values: [Double], range: ClosedRange<Double>, bins: Int) {
        precondition(bins >= 1, "a histogram needs at least one bin, got \(bins)")
        precondition(range.lowerBound < range.upperBound, "a histogram needs low < high, got \(range)")
        self.range = range
        counts = [Int](repeating: 0, count: bins)
        // Halved so that a range as wide as the Doubles themselves does not overflow.
        let (low, span) = (range.lowerBound / 2, range.upperBound / 2 - range.lowerBound / 2)
        for v in values {
            guard v.isFinite else {
                nonFinite += 1
                continue
            }
            guard range.contains(v) else {
                outside += 1
                continue
            }
            counts[min(Int((v / 2 - low) / span * Double(bins)), bins - 1)] += 1
        }
    }

    /// The edges of bin k.
    func edges(_ k: Int) -> (Double, Double) {
        func edge(_ k: Int) -> Double {
            let u = Double(k) / Double(counts.count)
            return range.lowerBound * (1 - u) + range.upperBound * u
        }
        return (edge(k), edge(k + 1))
    }
}
