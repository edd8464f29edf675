/// One stage of a network, Y = f(X), with its backward pass.
///
/// `forward` maps a batch X (B×N, one sample per row) to Y and remembers what backward
/// needs. `backward` receives the upstream gradient ∂L/∂Y, stores ∂L/∂θ in each parameter's
/// `gradient`, and returns ∂L/∂X for the layer before it.
public protocol Layer: AnyObject {
    /// Y = f(X) for a batch X.
    func forward(_ x: Matrix) -> Matrix
    /// Given ∂L/∂Y, sets ∂L/∂θ for every parameter and returns ∂L/∂X.
    func backward(_ gradientOfOutput: Matrix) -> Matrix
    /// The trainable parameters, empty for a layer without any.
    var parameters: [Parameter] { get }
    /// Switches between training (batch statistics) and inference (running statistics);
    /// only layers that behave differently, like batch normalisation, care.
    func setTraining(_ training: Bool)
}

// MARK: - Defaults

public extension Layer {
    /// No parameters.
    var parameters: [Parameter] { [] }

    /// Behaves the same in training and inference.
    func setTraining(_ training: Bool) {}
}
