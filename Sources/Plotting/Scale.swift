import Foundation

/// A map from data values to pixels: linear, or linear in log₁₀ of the value.
///
/// linear: r₀ + (v − d₀)/(d₁ − d₀)·(r₁ − r₀)
/// log:    r₀ + (log v − log d₀)/(log d₁ − log d₀)·(r₁ − r₀)
///
/// A value a log scale cannot place (v ≤ 0) maps to NaN, which the drawing code treats as
/// a gap, like any other non-finite value.
struct Scale {
    var kind: ScaleKind
    var domain: ClosedRange<Double>
    /// The pixels of `domain.lowerBound` and `domain.upperBound`; r₁ < r₀ for a y axis.
    var range: (Double, Double)

    /// The pixel of `value`; NaN for a non-finite value or a non-positive one on a log scale.
    func callAsFunction(_ value: Double) -> Double {
        let t: Double
        switch kind {
        case .linear:
            // Halved so that a domain as wide as the Doubles themselves does not overflow.
            t = (value / 2 - domain.lowerBound / 2) / (domain.upperBound / 2 - domain.lowerBound / 2)
        case .log:
            guard value > 0 else { return .nan }
            t = log10(value / domain.lowerBound) / log10(domain.upperBound / domain.lowerBound)
        }
        guard t.isFinite else { return .nan }
        return range.0 + t * (range.1 - range.0)
    }
}

extension Scale {
    /// The extent of the values a scale can show (finite; > 0 on a log scale), widened to
    /// include zero if asked; [0, 1] (linear) or [1, 10] (log) when there are none.
    static func extent(_ values: [Double], kind: ScaleKind, includeZero: Bool = false) -> ClosedRange<Double> {
        var low = Double.infinity, high = -Double.infinity
        for v in values where v.isFinite && (kind == .linear || v > 0) {
            low = min(low, v)
            high = max(high, v)
        }
        guard low <= high else { return kind == .linear ? 0...1 : 1...10 }
        if includeZero && kind == .linear { (low, high) = (min(low, 0), max(high, 0)) }
        return low...high
    }

    /// The domain that shows `values`: their extent, widened to nice ticks (linear) or whole
    /// decades (log).
    static func fit(_ values: [Double], kind: ScaleKind, includeZero: Bool = false, count: Int = 5) -> ClosedRange<
        Double
    > {
        let extent = extent(values, kind: kind, includeZero: includeZero)
        return kind == .linear ? Ticks.nice(extent, count: count) : Ticks.niceLog(extent)
    }
}
