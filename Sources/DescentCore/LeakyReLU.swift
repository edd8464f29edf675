/// The leaky rectifier: x for x > 0 and αx otherwise, with derivative 1 or α.
public struct LeakyReLUFunction: ActivationFunction {
    /// The slope α for x ≤ 0.
    public let slope: Double

    /// α = 0.01, as in the seed report.
    public init() { self.init(slope: 0.01) }

    public init(slope: Double) { self.slope = slope }

    public func callAsFunction(_ x: Double) -> Double { leakyReLU(x, slope: slope) }
    public func derivative(x: Double, y: Double) -> Double { x > 0 ? 1 : slope }
}

/// A leaky ReLU layer, with ∂L/∂X = ∂L/∂Y ⊙ (1 where X > 0, α elsewhere).
public typealias LeakyReLU = Activation<LeakyReLUFunction>

// MARK: - Choosing the slope

public extension Activation where Function == LeakyReLUFunction {
    /// A leaky ReLU layer with slope α for negative inputs.
    convenience init(slope: Double) { self.init(LeakyReLUFunction(slope: slope)) }
}
