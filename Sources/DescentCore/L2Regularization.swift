/// L2 regularisation of weight matrices, R = λ Σ_W Σᵢⱼ Wᵢⱼ², with ∂R/∂W = 2λW.
///
/// This is the form of the seed's two-layer softmax network (no factor ½). Only the weights
/// passed in are regularised; biases usually are not.
public struct L2Regularization: Sendable {
    /// The strength λ.
    public let strength: Double

    public init(strength: Double) { self.strength = strength }
}

// MARK: - Value and gradient

public extension L2Regularization {
    /// R = λ Σ ‖W‖².
    func value(_ weights: [Parameter]) -> Double {
        strength * weights.reduce(0) { $0 + ($1.value ⊙ $1.value).sum() }
    }

    /// Adds ∂R/∂W = 2λW to each weight's gradient (after the backward pass has set it).
    func addGradient(to weights: [Parameter]) {
        for w in weights { w.gradient.add(2 * strength, times: w.value) }
    }
}
