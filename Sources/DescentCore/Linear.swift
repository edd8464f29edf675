/// A fully connected layer, Y = XW + b.
///
/// X is a batch B×N, W is N×M, the bias row b (1×M) is added to every row, and Y is B×M.
/// The backward pass, given the upstream gradient ∂L/∂Y:
///
///     ∂L/∂X = ∂L/∂Y · Wᵀ
///     ∂L/∂W = Xᵀ · ∂L/∂Y
///     ∂L/∂b = Σ over the batch of ∂L/∂Y
public final class Linear: Layer {
    /// The weights W, N×M.
    public let weight: Parameter
    /// The bias b, 1×M.
    public let bias: Parameter
    /// The input X of the last forward pass, kept for ∂L/∂W = Xᵀ·∂L/∂Y.
    private var input = Matrix(rows: 0, columns: 0)
    /// Storage for Y and for ∂L/∂X, reused from pass to pass.
    private var outputs = AlternatingBuffers()
    private var inputGradients = AlternatingBuffers()

    /// A layer from `inputs` to `outputs` units, W drawn by `weights`, b by `bias`.
    public init(
        _ inputs: Int, _ outputs: Int, weights: Initializer = .xavierUniform, bias: Initializer = .zeros,
        using generator: inout SeededGenerator
    ) {
        self.weight = Parameter("W", weights.matrix(fanIn: inputs, fanOut: outputs, using: &generator))
        self.bias = Parameter("b", bias.matrix(fanIn: 1, fanOut: outputs, using: &generator))
    }

    /// A layer with the given W (N×M) and b (1×M).
    public init(weight: Matrix, bias: Matrix) {
        precondition(
            bias.rows == 1 && bias.columns == weight.columns,
            "the bias \(bias.shapeText) must be a 1×\(weight.columns) row for weights \(weight.shapeText)")
        self.weight = Parameter("W", weight)
        self.bias = Parameter("b", bias)
    }
}

// MARK: - Forward and backward

public extension Linear {
    /// Y = XW + b.
    func forward(_ x: Matrix) -> Matrix {
        precondition(
            x.columns == weight.value.rows,
            "input \(x.shapeText) does not fit weights \(weight.value.shapeText): \(x.columns) ≠ \(weight.value.rows)")
        input = x
        return outputs.next { y in
            Matrix.gemm(x, weight.value, into: &y)
            y += bias.value
        }
    }

    /// ∂L/∂W = Xᵀ·∂L/∂Y, ∂L/∂b = Σ_batch ∂L/∂Y, and returns ∂L/∂X = ∂L/∂Y·Wᵀ.
    func backward(_ dY: Matrix) -> Matrix {
        precondition(
            dY.rows == input.rows && dY.columns == weight.value.columns,
            "upstream gradient \(dY.shapeText) does not match the output \(input.rows)×\(weight.value.columns)")
        // ∂L/∂W = Xᵀ·∂L/∂Y and ∂L/∂b = Σ_batch ∂L/∂Y, written into the existing gradients.
        Matrix.gemm(input, transposingA: true, dY, into: &weight.gradient)
        dY.sumRows(into: &bias.gradient)
        // ∂L/∂X = ∂L/∂Y·Wᵀ
        return inputGradients.next { dX in Matrix.gemm(dY, weight.value, transposingB: true, into: &dX) }
    }

    var parameters: [Parameter] { [weight, bias] }
}
