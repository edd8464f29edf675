import Foundation

/// "Nice" tick values: a power of ten times 1, 2 or 5, each tick an integer times that step
/// so the values are exact (0.3 is 3/10, never 0.30000000000000004).
///
/// The algorithm is d3-array's `ticks.js`: the raw step (stop − start)/count is rounded to
/// 1, 2, 5 or 10 × 10ᵏ at the geometric midpoints √2, √10 and √50.
struct TickSpec: Equatable {
    /// The first and last tick as integers: tick i is i·increment, or i/(−increment) when the
    /// increment is negative (a step below one is stored as its exact reciprocal).
    var first: Int
    var last: Int
    /// The step if positive, minus the reciprocal of the step if negative.
    var increment: Double

    /// The tick values, exact: i·step or i/(1/step).
    var values: [Double] {
        guard last >= first else { return [] }
        return (first...last).map { increment < 0 ? Double($0) / -increment : Double($0) * increment }
    }

    /// The tick labels, written from the integers so they never show rounding noise. Steps
    /// below 10⁻⁴ and ticks from a million up use a power of ten, for every tick alike.
    var labels: [NumberLabel] {
        guard last >= first else { return [] }
        let values = self.values
        if increment < 0 {
            let reciprocal = Int(-increment)
            let decimals = (0...18).first { Format.powerOfTen($0) % reciprocal == 0 } ?? 18
            if decimals <= 4 {
                let unit = Format.powerOfTen(decimals) / reciprocal
                return (first...last).map { .plain(Format.fixed($0 * unit, decimals: decimals)) }
            }
        } else if values.allSatisfy({ $0.magnitude < 1e6 }) {
            return values.map { .plain(Format.fixed(Int($0), decimals: 0)) }
        }
        return values.map { .significant($0) }
    }
}

enum Ticks {
    /// The tick spec for about `count` ticks inside [start, stop] (start ≤ stop).
    static func spec(_ start: Double, _ stop: Double, count: Double) -> TickSpec {
        let step = (stop - start) / max(0, count)
        let none = TickSpec(first: 0, last: -1, increment: 1)
        guard step.isFinite && step > 0 else { return none }
        let power = Int(log10(step).rounded(.down))
        let error = step / pow(10, Double(power))
        let factor: Double =
            error >= 50.squareRoot() ? 10 : error >= 10.squareRoot() ? 5 : error >= 2.squareRoot() ? 2 : 1
        var first: Int, last: Int, increment: Double
        if power < 0 {
            increment = pow(10, Double(-power)) / factor
            guard max((start * increment).magnitude, (stop * increment).magnitude) < 9e15 else { return none }
            first = Int((start * increment).rounded())
            last = Int((stop * increment).rounded())
            if Double(first) / increment < start { first += 1 }
            if Double(last) / increment > stop { last -= 1 }
            increment = -increment
        } else {
            increment = pow(10, Double(power)) * factor
            guard max((start / increment).magnitude, (stop / increment).magnitude) < 9e15 else { return none }
            first = Int((start / increment).rounded())
            last = Int((stop / increment).rounded())
            if Double(first) * increment < start { first += 1 }
            if Double(last) * increment > stop { last -= 1 }
        }
        if last < first && 0.5 <= count && count < 2 { return spec(start, stop, count: count * 2) }
        // Past 2⁵³ the integers are no longer exact; such a span is too narrow for its magnitude.
        guard max(Double(first).magnitude, Double(last).magnitude) < 9e15 else { return none }
        return TickSpec(first: first, last: last, increment: increment)
    }

    /// About `count` nice tick values in [start, stop]; a single value when they are equal.
    static func linear(_ start: Double, _ stop: Double, count: Int = 5) -> [Double] {
        guard start.isFinite, stop.isFinite, count > 0 else { return [] }
        if start == stop { return [start] }
        let (low, high) = (min(start, stop), max(start, stop))
        let ticks = spec(low, high, count: Double(count)).values
        return start <= stop ? ticks : ticks.reversed()
    }

    /// The domain widened to whole multiples of its own tick step (d3-scale's `nice`), so the
    /// axis begins and ends on a labelled tick. An empty span widens to ±1 around its value
    /// (±0.1 % of it when that is larger).
    static func nice(_ domain: ClosedRange<Double>, count: Int = 5) -> ClosedRange<Double> {
        var (start, stop) = (domain.lowerBound, domain.upperBound)
        if start == stop {
            let half = max(1, start.magnitude * 1e-3)
            (start, stop) = (start - half, stop + half)
        }
        var previous: Double?
        for _ in 0..<10 {
            let step = spec(start, stop, count: Double(count)).increment
            if step == previous { break }
            if step > 0 {
                start = (start / step).rounded(.down) * step
                stop = (stop / step).rounded(.up) * step
            } else if step < 0 {
                start = (start * step).rounded(.up) / step
                stop = (stop * step).rounded(.down) / step
            } else {
                break
            }
            previous = step
        }
        return start...stop
    }

    /// Decade ticks for a log axis over [low, high] (both positive): the powers of ten inside
    /// the domain that are multiples of the decade stride (see `decadeStride`) are labelled.
    /// The other decades get unlabelled minor ticks; when every decade is labelled and the
    /// axis spans at most six, 2…9 × 10ᵏ do.
    static func log(_ low: Double, _ high: Double, count: Int = 6) -> (major: [Int], minor: [Double]) {
        guard low > 0 && high >= low && high.isFinite else { return ([], []) }
        let first = Int(decades(low).rounded(.up))
        let last = Int(decades(high).rounded(.down))
        guard first <= last else { return ([], multiples(of: first - 1, from: low, to: high)) }
        let stride = decadeStride(first, last, count: count)
        let major = (first...last).filter { $0 % stride == 0 }
        if stride > 1 { return (major, (first...last).filter { $0 % stride != 0 }.map { pow(10, Double($0)) }) }
        guard last - first <= 6 else { return (major, []) }
        return (major, ((first - 1)...last).flatMap { multiples(of: $0, from: low, to: high) })
    }

    /// The domain widened to whole decades, [10^⌊log₁₀ low⌋, 10^⌈log₁₀ high⌉], and further to
    /// multiples of the decade stride, so both ends carry a label. It stays within
    /// 10⁻³⁰⁰…10³⁰⁸, where powers of ten are normal, finite Doubles.
    static func niceLog(_ domain: ClosedRange<Double>, count: Int = 6) -> ClosedRange<Double> {
        precondition(domain.lowerBound > 0, "a log axis needs positive values, got \(domain)")
        let low = min(max(Int(decades(domain.lowerBound).rounded(.down)), -300), 300)
        let high = min(max(Int(decades(domain.upperBound).rounded(.up)), low + 1), 308)
        let (alignedLow, alignedHigh) = aligned(low, high, stride: decadeStride(low, high, count: count))
        return pow(10, Double(alignedLow))...pow(10, Double(min(alignedHigh, 308)))
    }

    /// Which decades to label: every s-th, with s from 1, 2, 3, 4, 5, 10, 20, 25, 50, 100 such
    /// that at most `count` labels fall in the decades [low, high] widened to multiples of s,
    /// choosing the s that widens least (then the smaller). 10⁻¹⁶…10⁰ gets s = 4, not 5,
    /// which would widen it to 10⁻²⁰.
    private static func decadeStride(_ low: Int, _ high: Int, count: Int) -> Int {
        let fitting = [1, 2, 3, 4, 5, 10, 20, 25, 50, 100].filter { s in
            let (a, b) = aligned(low, high, stride: s)
            return (b - a) / s + 1 <= count
        }
        let widths = fitting.map { s in aligned(low, high, stride: s).1 - aligned(low, high, stride: s).0 }
        guard let best = widths.min() else { return 100 }
        return fitting[widths.firstIndex(of: best) ?? 0]
    }

    /// [low, high] widened to multiples of `stride`.
    private static func aligned(_ low: Int, _ high: Int, stride: Int) -> (Int, Int) {
        let down = Int((Double(low) / Double(stride)).rounded(.down)) * stride
        let up = Int((Double(high) / Double(stride)).rounded(.up)) * stride
        return (down, up)
    }

    /// 2·10ᵏ, 3·10ᵏ, …, 9·10ᵏ that lie in [low, high].
    private static func multiples(of k: Int, from low: Double, to high: Double) -> [Double] {
        (2...9).map { Double($0) * pow(10, Double(k)) }.filter { $0 >= low && $0 <= high }
    }

    /// log₁₀ v, snapped to the nearest integer when within 10⁻⁹ of it (log₁₀ 1000 is
    /// 2.9999999999999996 in floating point).
    private static func decades(_ value: Double) -> Double {
        let exact = log10(value)
        let nearest = exact.rounded()
        return (exact - nearest).magnitude < 1e-9 ? nearest : exact
    }
}
