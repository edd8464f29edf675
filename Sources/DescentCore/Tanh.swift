#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The hyperbolic tangent tanh x = (eˣ − e⁻ˣ)/(eˣ + e⁻ˣ), with tanh'(x) = 1 − tanh²x ≤ 1.
public struct TanhFunction: ActivationFunction {
  public init() {}
  public func callAsFunction(_ x: Double) -> Double { tanh(x) }
  public func derivative(x: Double, y: Double) -> Double { 1 - y * y }
}

/// A tanh layer, Y = tanh(X), with ∂L/∂X = ∂L/∂Y ⊙ (1 − Y²).
public typealias Tanh = Activation<TanhFunction>
