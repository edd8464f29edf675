/// Batch normalisation (Ioffe and Szegedy, 2015), feature by feature over a batch X (B×N):
///
///     μ = (1/B) Σᵢ xᵢ      σ² = (1/B) Σᵢ (xᵢ − μ)²      x̂ = (x − μ) / √(σ² + ε)
///     y = γ ⊙ x̂ + β
///
/// In training it uses the batch's μ and σ² and updates running averages,
/// running ← momentum·running + (1 − momentum)·batch; in inference it uses the running ones.
/// Backward, in training, with g = ∂L/∂Y ⊙ γ:
///
///     ∂L/∂γ = Σᵢ ∂L/∂yᵢ ⊙ x̂ᵢ      ∂L/∂β = Σᵢ ∂L/∂yᵢ
///     ∂L/∂X = (1/B) / √(σ² + ε) ⊙ (B·g − Σᵢ gᵢ − x̂ ⊙ Σᵢ gᵢ ⊙ x̂ᵢ)
///
/// and in inference, where μ and σ² are constants, ∂L/∂X = ∂L/∂Y ⊙ γ / √(σ² + ε).
public final class BatchNorm: Layer {
    /// The scale γ, 1×N, initially 1.
    public let scale: Parameter
    /// The shift β, 1×N, initially 0.
    public let shift: Parameter
    /// The running mean used in inference, 1×N.
    public private(set) var runningMean: Matrix
    /// The running (biased) variance used in inference, 1×N.
    public private(set) var runningVariance: Matrix
    /// The weight of the old running statistics in each update.
    public let momentum: Double
    /// ε, which keeps the division away from zero.
    public let epsilon: Double
    /// Whether forward uses the batch's statistics (true) or the running ones (false).
    public private(set) var isTraining = true

    private var normalized = Matrix(rows: 0, columns: 0)
    private var inverseDeviation = Matrix(rows: 0, columns: 0)

    /// Batch normalisation over `features` columns.
    public init(_ features: Int, momentum: Double = 0.9, epsilon: Double = 1e-5) {
        scale = Parameter("γ", Matrix(rows: 1, columns: features, repeating: 1))
        shift = Parameter("β", Matrix(rows: 1, columns: features))
        runningMean = Matrix(rows: 1, columns: features)
        runningVariance = Matrix(rows: 1, columns: features, repeating: 1)
        self.momentum = momentum
        self.epsilon = epsilon
    }
}

// MARK: - Forward and backward

public extension BatchNorm {
    /// y = γ ⊙ (x − μ)/√(σ² + ε) + β.
    func forward(_ x: Matrix) -> Matrix {
        precondition(
            x.columns == scale.value.columns, "input \(x.shapeText) does not have \(scale.value.columns) features")
        let mean: Matrix
        let variance: Matrix
        if isTraining {
            precondition(x.rows > 0, "batch normalisation needs a non-empty batch, not \(x.shapeText)")
            mean = x.mean(along: .rows)
            variance = ((x - mean) ⊙ (x - mean)).mean(along: .rows)
            runningMean = momentum * runningMean + (1 - momentum) * mean
            runningVariance = momentum * runningVariance + (1 - momentum) * variance
        } else {
            mean = runningMean
            variance = runningVariance
        }
        inverseDeviation = (variance + epsilon).map { 1 / $0.squareRoot() }
        normalized = (x - mean) ⊙ inverseDeviation
        return normalized ⊙ scale.value + shift.value
    }

    /// ∂L/∂γ, ∂L/∂β, and returns ∂L/∂X (see the type's formula).
    func backward(_ dY: Matrix) -> Matrix {
        precondition(
            dY.rows == normalized.rows && dY.columns == normalized.columns,
            "upstream gradient \(dY.shapeText) does not match the output \(normalized.shapeText)")
        scale.gradient = (dY ⊙ normalized).sum(along: .rows)
        shift.gradient = dY.sum(along: .rows)
        let g = dY ⊙ scale.value
        guard isTraining else { return g ⊙ inverseDeviation }
        let batch = Double(dY.rows)
        let centred = batch * g - g.sum(along: .rows) - normalized ⊙ (g ⊙ normalized).sum(along: .rows)
        return centred ⊙ inverseDeviation / batch
    }

    var parameters: [Parameter] { [scale, shift] }

    func setTraining(_ training: Bool) { isTraining = training }
}
