/// Which values a contour plot draws lines at.
public enum ContourLevels: Sendable, Equatable {
    /// About n levels at evenly spaced quantiles of the sampled values, rounded to two
    /// significant digits: dense where the function is flat (near a minimum), sparse on
    /// the steep walls. The default, with n = 10.
    case quantiles(Int)
    /// About n nice, evenly spaced levels between the smallest and largest sampled value.
    case evenly(Int)
    /// Exactly these levels.
    case values([Double])
}

extension ContourLevels {
    /// The levels for a grid of sampled values, ascending and distinct.
    func resolve(_ samples: [Double]) -> [Double] {
        let sorted = samples.filter(\.isFinite).sorted()
        guard let low = sorted.first, let high = sorted.last, low < high else { return [] }
        let levels: [Double]
        switch self {
        case .values(let given):
            levels = given.filter(\.isFinite)
        case .evenly(let n):
            levels = Ticks.linear(low, high, count: n).filter { $0 > low && $0 < high }
        case .quantiles(let n):
            levels = (1...max(n, 1)).map { k in
                let q = sorted[min(sorted.count - 1, sorted.count * k / (n + 1))]
                return Self.twoDigits(q)
            }.filter { $0 > low && $0 < high }
        }
        return Array(Set(levels)).sorted()
    }

    /// v rounded to two significant digits.
    private static func twoDigits(_ v: Double) -> Double {
        guard v != 0 else { return 0 }
        let label = NumberLabel.significant(v, digits: 2)
        return Double(String(label.plain.map { $0 == "−" ? "-" : $0 })) ?? v
    }
}
