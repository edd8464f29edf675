/// The mean squared error over all n entries, L = (1/n) Σ (ŷ − y)², with ∂L/∂ŷ = (2/n)(ŷ − y).
public struct MeanSquaredError: Loss {
    public init() {}
}

// MARK: - Value and gradient

public extension MeanSquaredError {
    func value(_ output: Matrix, _ target: Matrix) -> Double {
        requireSameShape(output, target)
        let difference = output - target
        return (difference ⊙ difference).mean()
    }

    func gradient(_ output: Matrix, _ target: Matrix) -> Matrix {
        requireSameShape(output, target)
        return 2 / Double(output.count) * (output - target)
    }
}
