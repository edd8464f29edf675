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
    let power = Int(log10(step).rounded(.down))
    let error = step / pow(10, Double(power))
    let factor: Double = error >= 50.squareRoot() ? 10 : error >= 10.squareRoot() ? 5 : error >= 2.squareRoot() ? 2 : 1
    var first: Int, last: Int, increment: Double
    if power < 0 {
      increment = pow(10, Double(-power)) / factor
      first = Int((start * increment).rounded())
      last = Int((stop * increment).rounded())
      if Double(first) / increment < start { first += 1 }
      if Double(last) / increment > stop { last -= 1 }
      increment = -increment
    } else {
      increment = pow(10, Double(power)) * factor
      first = Int((start / increment).rounded())
      last = Int((stop / increment).rounded())
      if Double(first) * increment < start { first += 1 }
      if Double(last) * increment > stop { last -= 1 }
    }
    if last < first && 0.5 <= count && count < 2 { return spec(start, stop, count: count * 2) }
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
  /// axis begins and ends on a labelled tick. An empty span widens to ±1 around its value.
  static func nice(_ domain: ClosedRange<Double>, count: Int = 5) -> ClosedRange<Double> {
    var (start, stop) = (domain.lowerBound, domain.upperBound)
    if start == stop { (start, stop) = (start - 1, stop + 1) }
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

  /// Decade ticks for a log axis over [low, high] (both positive): every `stride`-th power of
  /// ten inside the domain, with `stride` from 1, 2, 5, 10, … so there are at most `count`
  /// labelled ticks. Minor ticks at 2…9 × 10ᵏ come only when every decade is labelled and
  /// the axis spans at most six decades.
  static func log(_ low: Double, _ high: Double, count: Int = 6) -> (major: [Int], minor: [Double]) {
    precondition(low > 0 && high >= low, "a log axis needs 0 < low ≤ high, got \(low)…\(high)")
    let first = Int(decades(low).rounded(.up))
    let last = Int(decades(high).rounded(.down))
    let span = max(last - first, 0)
    let stride = decadeStride(span, count: count)
    let major = first <= last ? (first...last).filter { $0 % stride == 0 } : []
    guard stride == 1, span <= 6 else { return (major, []) }
    var minor: [Double] = []
    for k in (first - 1)...max(last, first - 1) {
      for m in 2...9 {
        let value = Double(m) * pow(10, Double(k))
        if value >= low && value <= high { minor.append(value) }
      }
    }
    return (major, minor)
  }

  /// The domain widened to whole decades, [10^⌊log₁₀ low⌋, 10^⌈log₁₀ high⌉], and further to
  /// multiples of the decade stride `log` labels, so both ends carry a label.
  static func niceLog(_ domain: ClosedRange<Double>, count: Int = 6) -> ClosedRange<Double> {
    precondition(domain.lowerBound > 0, "a log axis needs positive values, got \(domain)")
    var low = Int(decades(domain.lowerBound).rounded(.down))
    var high = Int(decades(domain.upperBound).rounded(.up))
    if high == low { high += 1 }
    let stride = decadeStride(high - low, count: count)
    low = Int((Double(low) / Double(stride)).rounded(.down)) * stride
    high = Int((Double(high) / Double(stride)).rounded(.up)) * stride
    return pow(10, Double(low))...pow(10, Double(high))
  }

  /// Label every 1st, 2nd, 5th, 10th, … decade: the smallest stride that gives at most
  /// `count` labels over `span` decades.
  private static func decadeStride(_ span: Int, count: Int) -> Int {
    [1, 2, 5, 10, 20, 50, 100].first { span / $0 + 1 <= count } ?? 100
  }

  /// log₁₀ v, snapped to the nearest integer when within 10⁻⁹ of it (log₁₀ 1000 is
  /// 2.9999999999999996 in floating point).
  private static func decades(_ value: Double) -> Double {
    let exact = log10(value)
    let nearest = exact.rounded()
    return (exact - nearest).magnitude < 1e-9 ? nearest : exact
  }
}
