import DescentCore
import Testing

@Suite struct TrainingTests {
    static func xorNetwork(seed: UInt64 = 3) -> Sequential {
        var generator = SeededGenerator(seed: seed)
        return Sequential([
            Linear(2, 10, weights: .uniform(0...1), using: &generator), Sigmoid(),
            Linear(10, 10, weights: .uniform(0...1), using: &generator), Sigmoid(),
            Linear(10, 1, weights: .uniform(0...1), using: &generator),
        ])
    }

    @Test func everyParameterOfANetworkPassesTheGradientCheck() {
        var generator = SeededGenerator(seed: 5)
        let network = Sequential([
            Linear(2, 6, using: &generator), Tanh(), BatchNorm(6), Linear(6, 6, using: &generator), LeakyReLU(),
            Residual([Linear(6, 6, using: &generator), Sigmoid()]), Linear(6, 1, using: &generator),
        ])
        let results = gradientCheck(network, loss: BinaryCrossEntropy(), on: .xorEasy())
        #expect(results.count == 10)
        for result in results { #expect(result.maxRelativeError < 1e-7, "\(result.name): \(result.maxRelativeError)") }
    }

    @Test func summedGradientsTrainXorEasyToFullAccuracy() {
        let network = Self.xorNetwork()
        let history = train(
            network, on: .xorEasy(), loss: BinaryCrossEntropy(), optimizer: SGD(learningRate: 0.1), epochs: 5000,
            batchGradient: .sum)
        #expect(history.loss.count == 5000)
        #expect(history.loss.last! < history.loss.first!)
        #expect(history.accuracy.last == 1)
        #expect(accuracy(of: network, on: .xorEasy(), loss: BinaryCrossEntropy()) == 1)
    }

    @Test func summedGradientIsBatchSizeTimesTheMean() {
        let data = Dataset.xorEasy()
        let meanNet = Self.xorNetwork(), sumNet = Self.xorNetwork()
        train(meanNet, on: data, loss: BinaryCrossEntropy(), optimizer: SGD(learningRate: 2.1), epochs: 1)
        train(
            sumNet, on: data, loss: BinaryCrossEntropy(), optimizer: SGD(learningRate: 0.1), epochs: 1,
            batchGradient: .sum)
        for (a, b) in zip(meanNet.parameters, sumNet.parameters) { expectClose(a.value, b.value, tolerance: 1e-12) }
    }

    @Test func miniBatchTrainingIsReproducible() {
        func run() -> [Double] {
            train(
                Self.xorNetwork(), on: .linear(), loss: BinaryCrossEntropy(), optimizer: Adam(learningRate: 0.01),
                epochs: 20,
                batchSize: 16, shuffleSeed: 4
            ).loss
        }
        let first = run()
        #expect(first == run())
        #expect(first.last! < first.first!)
    }

    @Test func regressionHasNoAccuracy() {
        var generator = SeededGenerator(seed: 6)
        let x = Matrix.uniform(rows: 30, columns: 1, in: -1...1, using: &generator)
        let data = Dataset(inputs: x, targets: 3 * x + 0.5)
        let network = Sequential([Linear(1, 1, using: &generator)])
        let history = train(network, on: data, loss: MeanSquaredError(), optimizer: SGD(learningRate: 0.3), epochs: 300)
        #expect(history.accuracy.isEmpty)
        #expect(history.loss.last! < 1e-10)
        expectClose(network.parameters[0].value[0, 0], 3, tolerance: 1e-5)
    }
}

@Suite struct ClippedTrainingTests {
    /// Large initial weights make the first gradients huge; clipping by global norm keeps
    /// every step's gradient within the limit while the history records the raw norms.
    @Test func clippingBoundsTheSteps() {
        func network() -> Sequential {
            var generator = SeededGenerator(seed: 8)
            return Sequential(
                (0..<6).flatMap { _ in
                    [Linear(2, 2, weights: .normal(standardDeviation: 3), using: &generator) as any Layer, Tanh()]
                } + [Linear(2, 1, using: &generator)])
        }
        let data = Dataset.linear(count: 40)
        let clipped = network()
        let history = train(
            clipped, on: data, loss: MeanSquaredError(), optimizer: SGD(learningRate: 0.1), epochs: 3,
            clipping: .globalNorm(1e-3))
        #expect(history.gradientNorm.count == 3)
        #expect(history.gradientNorm.allSatisfy { $0 > 1e-3 }, "the history keeps the norms from before clipping")
        #expect(clipped.parameters.globalGradientNorm <= 1e-3 * (1 + 1e-12))
        let clippedByValue = network()
        train(
            clippedByValue, on: data, loss: MeanSquaredError(), optimizer: SGD(learningRate: 0.1), epochs: 3,
            clipping: .value(1e-4))
        for p in clippedByValue.parameters { #expect(p.gradient.max() <= 1e-4 && p.gradient.min() >= -1e-4) }
    }
}
