#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// MARK: - Activation functions of one number

/// The logistic sigmoid σ(x) = 1 / (1 + e⁻ˣ). Its derivative is σ'(x) = σ(x)(1 − σ(x)) ≤ 1/4.
///
/// Safe for every x: for x < −709, e⁻ˣ overflows to +∞ and 1/(1 + ∞) is exactly 0.
public func sigmoid(_ x: Double) -> Double { 1 / (1 + exp(-x)) }

/// The rectifier ReLU(x) = max(0, x); its derivative is 1 for x > 0 and 0 for x < 0.
public func relu(_ x: Double) -> Double { max(0, x) }

/// The leaky rectifier: x for x > 0, αx otherwise; its derivative is 1 or α.
public func leakyReLU(_ x: Double, slope alpha: Double = 0.01) -> Double { x > 0 ? x : alpha * x }
