/// A residual block H(X) = F(X) + X, where F is a stack of layers keeping the shape of X.
///
/// Backward adds the identity path to F's: ∂L/∂X = ∂L/∂Y + (∂L/∂Y through F). Even when F's
/// gradient vanishes, ∂L/∂Y reaches the layers below unchanged.
public final class Residual: Layer {
    /// The residual branch F.
    public let body: Sequential

    /// A block whose branch F runs `layers` in order.
    public init(_ layers: [any Layer]) {
        body = Sequential(layers)
    }
}

// MARK: - Forward and backward

public extension Residual {
    /// H(X) = F(X) + X.
    func forward(_ x: Matrix) -> Matrix {
        let fx = body.forward(x)
        precondition(
            fx.rows == x.rows && fx.columns == x.columns,
            "the residual branch maps \(x.shapeText) to \(fx.shapeText); it must keep the shape")
        return fx + x
    }

    /// ∂L/∂X = ∂L/∂Y + F'ᵀ·∂L/∂Y.
    func backward(_ dY: Matrix) -> Matrix {
        body.backward(dY) + dY
    }

    var parameters: [Parameter] { body.parameters }

    func setTraining(_ training: Bool) { body.setTraining(training) }
}
