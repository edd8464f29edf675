/// A network that applies its layers in order, Y = fₙ(…f₂(f₁(X))), and runs backward
/// through them in reverse, each layer turning ∂L/∂(its output) into ∂L/∂(its input).
public final class Sequential: Layer {
    /// The layers, first to last.
    public let layers: [any Layer]
    /// After `forward`: the output of each layer, first to last (the activations whose
    /// histograms show saturation, or whose zeros show dead ReLUs).
    public private(set) var outputs: [Matrix] = []
    /// After `backward`: ∂L/∂Xₖ, the gradient reaching the input of layer k, one per layer.
    public private(set) var inputGradients: [Matrix] = []

    /// A network of `layers`, applied first to last.
    public init(_ layers: [any Layer]) {
        self.layers = layers
    }
}

// MARK: - Forward and backward

public extension Sequential {
    /// Y = fₙ(…f₁(X)).
    func forward(_ x: Matrix) -> Matrix {
        if outputs.count != layers.count { outputs = Array(repeating: x, count: layers.count) }
        var y = x
        for k in layers.indices {
            y = layers[k].forward(y)
            outputs[k] = y
        }
        return y
    }

    /// Runs each layer's backward from last to first and returns ∂L/∂X of the first layer.
    func backward(_ dY: Matrix) -> Matrix {
        if inputGradients.count != layers.count { inputGradients = Array(repeating: dY, count: layers.count) }
        var gradient = dY
        for k in layers.indices.reversed() {
            gradient = layers[k].backward(gradient)
            inputGradients[k] = gradient
        }
        return gradient
    }

    /// Every layer's parameters, first layer first.
    var parameters: [Parameter] { layers.flatMap(\.parameters) }

    func setTraining(_ training: Bool) {
        for layer in layers { layer.setTraining(training) }
    }
}

// MARK: - Gradient norms

public extension Sequential {
    /// After `backward`: ‖∂L/∂Xₖ‖, the norm of the gradient reaching the input of layer k,
    /// one entry per layer.
    var inputGradientNorms: [Double] { inputGradients.map { $0.norm() } }

    /// After `backward`: for each layer that has parameters, in order, the norm of its
    /// parameters' gradient √(Σ_θ ‖∂L/∂θ‖²) — the quantity plotted to show gradients vanishing.
    var parameterGradientNorms: [Double] {
        layers.filter { !$0.parameters.isEmpty }.map(\.parameters.globalGradientNorm)
    }
}
