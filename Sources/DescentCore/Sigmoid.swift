/// The logistic sigmoid σ(x) = 1 / (1 + e⁻ˣ), with σ'(x) = σ(x)(1 − σ(x)) ≤ 1/4.
public struct SigmoidFunction: ActivationFunction {
    public init() {}
    public func callAsFunction(_ x: Double) -> Double { sigmoid(x) }
    public func derivative(x: Double, y: Double) -> Double { y * (1 - y) }
}

/// A sigmoid layer, Y = σ(X), with ∂L/∂X = ∂L/∂Y ⊙ Y(1 − Y).
public typealias Sigmoid = Activation<SigmoidFunction>
