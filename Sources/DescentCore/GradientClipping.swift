// MARK: - Gradient clipping

public extension Array where Element == Parameter {
    /// Clips every gradient entry into [−c, c]: g ← min(max(g, −c), c).
    func clipGradients(byValue c: Double) {
        precondition(c >= 0, "cannot clip to [−\(c), \(c)]")
        for p in self { p.gradient.apply { Swift.min(Swift.max($0, -c), c) } }
    }

    /// Rescales all gradients together when their global norm ‖g‖ = √(Σ_θ ‖∂L/∂θ‖²)
    /// exceeds c: g ← g · c/‖g‖. The direction is kept. Returns ‖g‖ before clipping.
    @discardableResult
    func clipGradients(byGlobalNorm c: Double) -> Double {
        precondition(c > 0, "the norm limit must be positive, not \(c)")
        let norm = globalGradientNorm
        if norm > c {
            for p in self { p.gradient *= c / norm }
        }
        return norm
    }

    /// The global norm √(Σ_θ ‖∂L/∂θ‖²) of all the parameters' gradients.
    var globalGradientNorm: Double {
        reduce(0) { total, parameter in
            let norm = parameter.gradient.norm()
            return total + norm * norm
        }.squareRoot()
    }
}
