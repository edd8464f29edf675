/// How the gradients of one mini-batch of B samples are combined.
public enum BatchGradient: Sendable {
    /// The gradient of the batch's mean loss, (1/B) Σᵢ ∇Lᵢ.
    case mean
    /// The gradient of the summed loss, Σᵢ ∇Lᵢ = B × the mean: the seeds' choice, which
    /// multiplies the effective learning rate by the batch size.
    case sum
}

/// Gradient clipping applied between the backward pass and the optimizer's step.
public enum GradientClipping: Sendable {
    /// Every gradient entry clipped into [−c, c]: g ← min(max(g, −c), c).
    case value(Double)
    /// All gradients rescaled together when their global norm ‖g‖ exceeds c: g ← g·c/‖g‖.
    case globalNorm(Double)
}

/// Loss and accuracy recorded once per epoch.
public struct TrainingHistory: Sendable {
    /// The mean loss over the epoch's samples, each measured before its batch's update.
    public var loss: [Double] = []
    /// The fraction of the epoch's samples predicted correctly before their batch's update;
    /// empty when the loss has no notion of accuracy.
    public var accuracy: [Double] = []
    /// The global gradient norm √(Σ_θ ‖∂L/∂θ‖²) of the epoch's last batch, before clipping.
    public var gradientNorm: [Double] = []
}

/// Trains `network` by mini-batch gradient descent and returns the history.
///
/// Each epoch shuffles the samples (unless a batch holds them all), cuts them into batches
/// of `batchSize`, and for each batch runs forward, loss, backward (with the mean or summed
/// gradient), optional clipping and `optimizer.step`. `batchSize` nil means full-batch
/// gradient descent; 1 means stochastic gradient descent. `shuffleSeed` fixes the order of
/// the batches.
@discardableResult
public func train<O: Optimizer>(
    _ network: Sequential, on data: Dataset, loss: some Loss, optimizer: O, epochs: Int,
    batchSize: Int? = nil, batchGradient: BatchGradient = .mean, clipping: GradientClipping? = nil,
    shuffleSeed: UInt64 = 0
) -> TrainingHistory {
    let size = min(batchSize ?? data.count, data.count)
    precondition(size > 0, "cannot train on batches of \(size) samples from \(data.count)")
    var generator = SeededGenerator(seed: shuffleSeed)
    var history = TrainingHistory()
    let parameters = network.parameters
    network.setTraining(true)
    for _ in 0..<epochs {
        let batches =
            size == data.count ? [data] : generator.miniBatches(count: data.count, batchSize: size).map(data.samples)
        var lossSum = 0.0, correct = 0.0, norm = 0.0
        var measuresAccuracy = true
        for batch in batches {
            let output = network.forward(batch.inputs)
            let weight = Double(batch.count)
            lossSum += weight * loss.value(output, batch.targets)
            if let accuracy = loss.accuracy(output, batch.targets) {
                correct += weight * accuracy
            } else {
                measuresAccuracy = false
            }
            var gradient = loss.gradient(output, batch.targets)
            if batchGradient == .sum { gradient *= weight }
            _ = network.backward(gradient)
            norm = parameters.globalGradientNorm
            switch clipping {
            case .value(let c): parameters.clipGradients(byValue: c)
            case .globalNorm(let c): parameters.clipGradients(byGlobalNorm: c)
            case nil: break
            }
            optimizer.step(parameters)
        }
        history.loss.append(lossSum / Double(data.count))
        history.gradientNorm.append(norm)
        if measuresAccuracy { history.accuracy.append(correct / Double(data.count)) }
    }
    return history
}

// MARK: - Evaluating

/// The network's accuracy on a data set under a loss's notion of a correct prediction,
/// run in inference mode (batch normalisation uses its running statistics).
public func accuracy(of network: Sequential, on data: Dataset, loss: some Loss) -> Double? {
    network.setTraining(false)
    defer { network.setTraining(true) }
    return loss.accuracy(network.forward(data.inputs), data.targets)
}
