#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

// MARK: - Activation functions of one number

/// The logistic sigmoid σ(x) = 1 / (1 + e⁻ˣ), computed without overflow for large |x|
/// (for x < 0 as eˣ / (1 + eˣ)). Its derivative is σ'(x) = σ(x)(1 − σ(x)) ≤ 1/4.
public func sigmoid(_ x: Double) -> Double {
  if x >= 0 { return 1 / (1 + exp(-x)) }
  let e = exp(x)
  return e / (1 + e)
}

/// The rectifier ReLU(x) = max(0, x); its derivative is 1 for x > 0 and 0 for x < 0.
public func relu(_ x: Double) -> Double { max(0, x) }

/// The leaky rectifier: x for x > 0, αx otherwise; its derivative is 1 or α.
public func leakyReLU(_ x: Double, slope alpha: Double = 0.01) -> Double { x > 0 ? x : alpha * x }
