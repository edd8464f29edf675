/// A loss L(Ŷ, Y) comparing a network's output Ŷ (B rows, one per sample) with targets Y,
/// averaged over the batch, together with its gradient ∂L/∂Ŷ.
public protocol Loss {
    /// L(Ŷ, Y), the mean over the batch.
    func value(_ output: Matrix, _ target: Matrix) -> Double
    /// ∂L/∂Ŷ, the same shape as Ŷ.
    func gradient(_ output: Matrix, _ target: Matrix) -> Matrix
    /// The fraction of samples predicted correctly, or nil where that means nothing (regression).
    func accuracy(_ output: Matrix, _ target: Matrix) -> Double?
}

// MARK: - Defaults

public extension Loss {
    /// No notion of a correct prediction.
    func accuracy(_ output: Matrix, _ target: Matrix) -> Double? { nil }
}

// MARK: - Helpers

extension Loss {
    /// Stops with a message naming both shapes unless they are equal.
    func requireSameShape(_ output: Matrix, _ target: Matrix) {
        precondition(
            output.rows == target.rows && output.columns == target.columns,
            "output \(output.shapeText) and target \(target.shapeText) differ in shape")
    }
}
