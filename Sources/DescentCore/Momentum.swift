/// Gradient descent with momentum, as the course's slides write it:
///
///     v⁽⁰⁾ = γ·g₀,   v⁽ᵗ⁾ = m·v⁽ᵗ⁻¹⁾ + γ·gₜ   (t ≥ 1),   x⁽ᵗ⁺¹⁾ = x⁽ᵗ⁾ − v⁽ᵗ⁾.
public final class Momentum: Optimizer {
    /// The learning rate γ.
    public var learningRate: Double
    /// The momentum coefficient m.
    public var momentum: Double
    /// The velocity v of each parameter.
    public var states: [ObjectIdentifier: Matrix] = [:]

    public init(learningRate: Double, momentum: Double = 0.9) {
        self.learningRate = learningRate
        self.momentum = momentum
    }

    /// v ← m·v + γg (v ← γg on the first step), x ← x − v.
    public func update(_ x: inout Matrix, gradient g: Matrix, state v: inout Matrix?) {
        let velocity = v.map { momentum * $0 + learningRate * g } ?? learningRate * g
        x -= velocity
        v = velocity
    }
}
