import Foundation

/// A map from data values to pixels: linear, or linear in log₁₀ of the value.
///
/// linear: r₀ + (v − d₀)/(d₁ − d₀)·(r₁ − r₀)
/// log:    r₀ + (log v − log d₀)/(log d₁ − log d₀)·(r₁ − r₀)
///
/// A value a log scale cannot place (v ≤ 0) maps to NaN, which the drawing code treats as
/// a gap, like any other non-finite value.
struct Scale: Equatable {
  var kind: ScaleKind
  var domain: ClosedRange<Double>
  /// The pixels of `domain.lowerBound` and `domain.upperBound`; r₁ < r₀ for a y axis.
  var range: (Double, Double)

  static func == (a: Scale, b: Scale) -> Bool {
    a.kind == b.kind && a.domain == b.domain && a.range == b.range
  }

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
  /// The domain that shows `values`: their extent, widened to nice ticks (linear) or whole
  /// decades (log). Values a scale cannot show (non-finite; ≤ 0 on a log scale) are left
  /// out; with none left the domain is [0, 1] (linear) or [1, 10] (log).
  static func fit(_ values: [Double], kind: ScaleKind, includeZero: Bool = false) -> ClosedRange<Double> {
    var low = Double.infinity, high = -Double.infinity
    for v in values where v.isFinite && (kind == .linear || v > 0) {
      low = min(low, v)
      high = max(high, v)
    }
    switch kind {
    case .linear:
      guard low <= high else { return 0...1 }
      if includeZero { (low, high) = (min(low, 0), max(high, 0)) }
      return Ticks.nice(low...high)
    case .log:
      guard low <= high else { return 1...10 }
      return Ticks.niceLog(low...high)
    }
  }
}
