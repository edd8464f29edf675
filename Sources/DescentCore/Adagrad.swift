/// Adagrad: each coordinate's step shrinks with the sum of its squared gradients,
///
///     Gₜ = Gₜ₋₁ + gₜ²,    x⁽ᵗ⁺¹⁾ = x⁽ᵗ⁾ − γ / (√Gₜ + ε) · gₜ     (element-wise, G₋₁ = 0).
///
/// The slides write both √(G + ε) and √G + ε; this is √G + ε, ε added after the root
/// (as Keras and PyTorch do), so ε = 10⁻⁸ only guards a zero sum.
public final class Adagrad: Optimizer {
    /// The learning rate γ.
    public var learningRate: Double
    /// ε, added to √G.
    public var epsilon: Double
    /// The running sum of squared gradients G of each parameter.
    public var states: [ObjectIdentifier: Matrix] = [:]

    public init(learningRate: Double, epsilon: Double = 1e-8) {
        self.learningRate = learningRate
        self.epsilon = epsilon
    }

    /// G ← G + g², x ← x − γ g / (√G + ε).
    public func update(_ x: inout Matrix, gradient g: Matrix, state G: inout Matrix?) {
        let sum = (G ?? Matrix(rows: g.rows, columns: g.columns)) + g ⊙ g
        x -= learningRate * g / (sum.map { $0.squareRoot() } + epsilon)
        G = sum
    }
}
