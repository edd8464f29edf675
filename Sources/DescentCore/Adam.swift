#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Adam (Kingma and Ba, 2015): momentum and RMSProp together, each bias-corrected,
///
///     mₜ = β₁mₜ₋₁ + (1 − β₁)gₜ          vₜ = β₂vₜ₋₁ + (1 − β₂)gₜ²
///     m̂ₜ = mₜ / (1 − β₁ᵗ)               v̂ₜ = vₜ / (1 − β₂ᵗ)
///     x⁽ᵗ⁺¹⁾ = x⁽ᵗ⁾ − γ / (√v̂ₜ + ε) · m̂ₜ
///
/// element-wise, with m₀ = v₀ = 0 and t = 1 on the first step.
public final class Adam: Optimizer {
    /// The first and second moments and the step count t of one parameter.
    public struct Moments {
        /// mₜ, the decaying average of gradients.
        public var m: Matrix
        /// vₜ, the decaying average of squared gradients.
        public var v: Matrix
        /// t, the number of steps taken.
        public var t: Int
    }

    /// The learning rate γ.
    public var learningRate: Double
    /// β₁, the decay of the first moment.
    public var beta1: Double
    /// β₂, the decay of the second moment.
    public var beta2: Double
    /// ε, added to the root.
    public var epsilon: Double
    /// The moments of each parameter.
    public var states: [ObjectIdentifier: Moments] = [:]

    public init(learningRate: Double = 0.001, beta1: Double = 0.9, beta2: Double = 0.999, epsilon: Double = 1e-8) {
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
    }

    /// One Adam step (see the type's formulas).
    public func update(_ x: inout Matrix, gradient g: Matrix, state: inout Moments?) {
        let zero = Matrix(rows: g.rows, columns: g.columns)
        let previous = state ?? Moments(m: zero, v: zero, t: 0)
        let t = previous.t + 1
        let m = beta1 * previous.m + (1 - beta1) * g
        let v = beta2 * previous.v + (1 - beta2) * (g ⊙ g)
        let mHat = m / (1 - pow(beta1, Double(t)))
        let vHat = v / (1 - pow(beta2, Double(t)))
        x -= learningRate * mHat / (vHat.map { $0.squareRoot() } + epsilon)
        state = Moments(m: m, v: v, t: t)
    }
}
