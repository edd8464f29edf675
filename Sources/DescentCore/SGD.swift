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
}
