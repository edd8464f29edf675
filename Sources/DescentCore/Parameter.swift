/// A trainable matrix θ together with the gradient ∂L/∂θ that the last backward pass left.
///
/// Layers own their parameters; optimizers read `gradient` and update `value`,
/// θ ← θ − γ·∂L/∂θ in the plainest case.
public final class Parameter {
    /// A short name for printing, such as "W" or "b".
    public let name: String
    /// The current value θ.
    public var value: Matrix
    /// ∂L/∂θ, the same shape as `value`, set by the owning layer's backward pass.
    public var gradient: Matrix

    /// A parameter with the given value and a zero gradient.
    public init(_ name: String, _ value: Matrix) {
        self.name = name
        self.value = value
        self.gradient = Matrix(rows: value.rows, columns: value.columns)
    }
}

// MARK: - Printing

extension Parameter: CustomStringConvertible {
    public var description: String { "\(name) \(value.shapeText)" }
}
