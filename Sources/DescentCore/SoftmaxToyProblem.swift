/// The two-layer softmax classifier of seed 002 on its toy problem:
/// N = 5 samples, D = 4 inputs, H = 10 hidden ReLU units, C = 3 classes.
///
///     scores = ReLU(X·W₁ + b₁)·W₂ + b₂,    L = softmax cross-entropy + λ(‖W₁‖² + ‖W₂‖²)
///
/// X = 10·N(0, 1), labels y = (0, 1, 2, 2, 1), weights N(0, (10⁻⁴)²), biases 0, λ = 0.05.
/// With weights this small all scores are ≈ 0, every class gets p ≈ 1/3, and the initial
/// loss is ≈ ln 3 ≈ 1.0986.
public struct SoftmaxToyProblem {
    /// X (5×4) and the class indices (5×1).
    public let data: Dataset
    /// Linear(4, 10), ReLU, Linear(10, 3).
    public let network: Sequential
    /// The first and second layers, whose weights are regularised.
    public let first: Linear
    public let second: Linear
    /// The loss on the scores.
    public let loss = SoftmaxCrossEntropy()
    /// λ(‖W₁‖² + ‖W₂‖²) with λ = 0.05.
    public let regularization = L2Regularization(strength: 0.05)

    /// The problem with its data and weights drawn from `seed`.
    public init(seed: UInt64 = 0) {
        var generator = SeededGenerator(seed: seed)
        first = Linear(4, 10, weights: .normal(standardDeviation: 1e-4), using: &generator)
        second = Linear(10, 3, weights: .normal(standardDeviation: 1e-4), using: &generator)
        network = Sequential([first, ReLU(), second])
        data = Dataset(
            inputs: Matrix.normal(rows: 5, columns: 4, standardDeviation: 10, using: &generator),
            targets: Matrix(column: [0, 1, 2, 2, 1]))
    }
}

// MARK: - Loss and gradients

public extension SoftmaxToyProblem {
    /// The regularised weights W₁ and W₂.
    var weights: [Parameter] { [first.weight, second.weight] }

    /// L = data loss + λ(‖W₁‖² + ‖W₂‖²) at the current parameters.
    func totalLoss() -> Double {
        loss.value(network.forward(data.inputs), data.targets) + regularization.value(weights)
    }

    /// Runs forward and backward, leaving ∂L/∂θ (including 2λW) in every parameter, and
    /// returns L.
    @discardableResult
    func computeGradients() -> Double {
        let scores = network.forward(data.inputs)
        _ = network.backward(loss.gradient(scores, data.targets))
        regularization.addGradient(to: weights)
        return loss.value(scores, data.targets) + regularization.value(weights)
    }
}
