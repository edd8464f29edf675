/// The rectifier ReLU(x) = max(0, x), with derivative 1 for x > 0 and 0 otherwise
/// (0 is taken at x = 0, where the derivative does not exist).
public struct ReLUFunction: ActivationFunction {
    public init() {}
    public func callAsFunction(_ x: Double) -> Double { relu(x) }
    public func derivative(x: Double, y: Double) -> Double { x > 0 ? 1 : 0 }
}

/// A ReLU layer, Y = max(0, X), with ∂L/∂X = ∂L/∂Y ⊙ [X > 0].
public typealias ReLU = Activation<ReLUFunction>
