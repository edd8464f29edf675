/// RMSProp: Adagrad with a decaying average of squared gradients instead of a sum,
///
///     E[g²]ₜ = ρ·E[g²]ₜ₋₁ + (1 − ρ)·gₜ²,    x⁽ᵗ⁺¹⁾ = x⁽ᵗ⁾ − γ / (√E[g²]ₜ + ε) · gₜ,
///
/// element-wise, starting from E[g²]₋₁ = 0.
public final class RMSProp: Optimizer {
    /// The learning rate γ.
    public var learningRate: Double
    /// The decay ρ.
    public var decay: Double
    /// ε, added to the root.
    public var epsilon: Double
    /// The average E[g²] of each parameter.
    public var states: [ObjectIdentifier: Matrix] = [:]

    public init(learningRate: Double, decay: Double = 0.9, epsilon: Double = 1e-8) {
        self.learningRate = learningRate
        self.decay = decay
        self.epsilon = epsilon
    }

    /// E ← ρE + (1 − ρ)g², x ← x − γ g / (√E + ε).
    public func update(_ x: inout Matrix, gradient g: Matrix, state E: inout Matrix?) {
        let average = decay * (E ?? Matrix(rows: g.rows, columns: g.columns)) + (1 - decay) * (g ⊙ g)
        x -= learningRate * g / (average.map { $0.squareRoot() } + epsilon)
        E = average
    }
}
