// MARK: - Comparing gradients

/// The relative error |a − n| / max(|a|, |n|) between an analytic and a numerical value,
/// defined as 0 when they are equal (both 0 included).
public func relativeError(_ a: Double, _ n: Double) -> Double {
    a == n ? 0 : abs(a - n) / max(abs(a), abs(n))
}

// MARK: - Checking every parameter

/// The outcome of a gradient check for one parameter: maxᵢ |aᵢ − nᵢ| / max(|aᵢ|, |nᵢ|) over
/// its entries, a the analytic and n the central-difference derivative.
public struct GradientCheckResult: Sendable {
    /// The parameter's name and position, e.g. "W (layer 0)".
    public let name: String
    /// The largest relative error over the parameter's entries.
    public let maxRelativeError: Double
}

/// Compares the analytic gradient of every parameter with central differences.
///
/// `loss` must compute L from the parameters' current values; `computeGradients` must run
/// forward and backward and leave ∂L/∂θ in each parameter. Each entry θᵢ is nudged by ±h,
/// L re-evaluated, and (L(θ + h) − L(θ − h))/2h compared with ∂L/∂θᵢ by relative error.
public func gradientCheck(
    _ parameters: [Parameter], step h: Double = 1e-5, loss: () -> Double, computeGradients: () -> Void
) -> [GradientCheckResult] {
    computeGradients()
    let analytic = parameters.map(\.gradient)
    return parameters.enumerated().map { index, parameter in
        var worst = 0.0
        for k in 0..<parameter.value.count {
            let original = parameter.value.elements[k]
            let numeric = centralQuotient(step: h) { offset in
                parameter.value.elements[k] = original + offset
                return loss()
            }
            parameter.value.elements[k] = original
            worst = max(worst, relativeError(analytic[index].elements[k], numeric))
        }
        return GradientCheckResult(name: "\(parameter.name) (parameter \(index))", maxRelativeError: worst)
    }
}

/// Gradient check of a network under a loss on a data set: every parameter of `network`.
public func gradientCheck(
    _ network: Sequential, loss: some Loss, on data: Dataset, step h: Double = 1e-5
) -> [GradientCheckResult] {
    gradientCheck(
        network.parameters, step: h,
        loss: { loss.value(network.forward(data.inputs), data.targets) },
        computeGradients: {
            let output = network.forward(data.inputs)
            _ = network.backward(loss.gradient(output, data.targets))
        })
}
