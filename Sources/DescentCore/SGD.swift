/// Plain (stochastic) gradient descent, x⁽ᵗ⁺¹⁾ = x⁽ᵗ⁾ − γ·gₜ.
public final class SGD: Optimizer {
    /// The learning rate γ.
    public var learningRate: Double
    /// SGD remembers nothing.
    public var states: [ObjectIdentifier: Void] = [:]

    public init(learningRate: Double) { self.learningRate = learningRate }

    /// x ← x − γg.
    public func update(_ x: inout Matrix, gradient g: Matrix, state: inout Void?) {
        x.add(-learningRate, times: g)
    }

    /// θ ← θ − γ·∂L/∂θ for every parameter; with no memory there is nothing to look up.
    public func step(_ parameters: [Parameter]) {
        for parameter in parameters { parameter.value.add(-learningRate, times: parameter.gradient) }
    }
}
