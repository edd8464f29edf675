import DescentCore
import Foundation
import Testing
import _Differentiation

@Suite struct LayerTests {
    static func batch(_ rows: Int, _ columns: Int, seed: UInt64 = 1) -> Matrix {
        var generator = SeededGenerator(seed: seed)
        // Entries kept away from 0 so that ReLU's kink is never within a finite-difference step.
        return Matrix.uniform(rows: rows, columns: columns, in: -2...2, using: &generator).map {
            abs($0) < 0.05 ? $0 + 0.1 : $0
        }
    }

    static func linear(_ n: Int, _ m: Int) -> Linear {
        var generator = SeededGenerator(seed: 11)
        return Linear(n, m, weights: .normal(standardDeviation: 0.8), bias: .uniform(-1...1), using: &generator)
    }

    @Test func linearForwardIsXWPlusB() {
        let layer = Linear(weight: Matrix([[1, 2], [3, 4]]), bias: Matrix(row: [10, 20]))
        #expect(layer.forward(Matrix([[1, 1], [0, 2]])) == Matrix([[14, 26], [16, 28]]))
    }

    @Test func resultsAlreadyReturnedNeverChangeWhenLayersReuseTheirStorage() {
        let layers: [any Layer] = [Self.linear(3, 3), Tanh(), Sigmoid()]
        for layer in layers {
            let inputs = (1...4).map { Self.batch(5, 3, seed: $0) }
            let outputs = inputs.map { layer.forward($0) }
            let gradients = inputs.map {
                _ = layer.forward($0)
                return layer.backward($0)
            }
            for (k, x) in inputs.enumerated() {
                #expect(layer.forward(x) == outputs[k])
                #expect(layer.backward(x) == gradients[k])
            }
        }
    }

    @Test func linearBackwardIsTheMatrixCalculus() {
        let x = Self.batch(4, 3)
        let layer = Self.linear(3, 2)
        let dY = ProbeLoss(rows: 4, columns: 2).weights
        _ = layer.forward(x)
        let dX = layer.backward(dY)
        expectClose(dX, dY * layer.weight.value.T, tolerance: 1e-15)
        expectClose(layer.weight.gradient, x.T * dY, tolerance: 1e-15)
        expectClose(layer.bias.gradient, dY.sum(along: .rows), tolerance: 1e-15)
    }

    @Test(arguments: ["linear", "sigmoid", "tanh", "relu", "leaky relu", "residual", "batch norm"])
    func gradientsMatchCentralDifferences(kind: String) {
        let layer: any Layer =
            switch kind {
            case "linear": Self.linear(3, 4)
            case "sigmoid": Sigmoid()
            case "tanh": Tanh()
            case "relu": ReLU()
            case "leaky relu": LeakyReLU(slope: 0.1)
            case "residual": Residual([Self.linear(3, 5), Tanh(), Self.linear(5, 3)])
            default: BatchNorm(3)
            }
        let errors = layerGradientErrors(layer, input: Self.batch(5, 3))
        #expect(errors.input < 1e-7, "∂L/∂X of \(kind): \(errors.input)")
        for error in errors.parameters { #expect(error < 1e-7, "∂L/∂θ of \(kind): \(error)") }
    }

    @Test func batchNormInInferenceUsesRunningStatistics() {
        let layer = BatchNorm(3, momentum: 0.5)
        for seed in 1...30 { _ = layer.forward(Self.batch(8, 3, seed: UInt64(seed)) * 2 + 1) }
        layer.setTraining(false)
        let x = Self.batch(4, 3, seed: 77)
        let expected = (x - layer.runningMean) / (layer.runningVariance + layer.epsilon).map { $0.squareRoot() }
        expectClose(layer.forward(x), expected, tolerance: 1e-12)
        let errors = layerGradientErrors(layer, input: x)
        #expect(errors.input < 1e-7)
    }

    @Test func batchNormRunningStatisticsFollowTheMomentumRule() {
        let layer = BatchNorm(1, momentum: 0.9)
        _ = layer.forward(Matrix(column: [1, 3]))  // mean 2, variance 1
        expectClose(layer.runningMean[0, 0], 0.9 * 0 + 0.1 * 2, tolerance: 1e-15)
        expectClose(layer.runningVariance[0, 0], 0.9 * 1 + 0.1 * 1, tolerance: 1e-15)
        _ = layer.forward(Matrix(column: [4, 8]))  // mean 6, variance 4
        expectClose(layer.runningMean[0, 0], 0.9 * 0.2 + 0.1 * 6, tolerance: 1e-15)
        expectClose(layer.runningVariance[0, 0], 0.9 * 1 + 0.1 * 4, tolerance: 1e-15)
    }

    /// With F's weights zero, F passes no gradient back, yet ∂L/∂X = ∂L/∂Y through the identity.
    @Test func residualKeepsTheGradientWhenTheBranchGivesNone() {
        let block = Residual([Linear(weight: Matrix(rows: 3, columns: 3), bias: Matrix(rows: 1, columns: 3)), Tanh()])
        let x = Self.batch(4, 3)
        #expect(block.forward(x) == x)
        let dY = ProbeLoss(rows: 4, columns: 3).weights
        #expect(block.backward(dY) == dY)
    }

    @Test func batchNormInTrainingNormalisesEachFeature() {
        let y = BatchNorm(3).forward(Self.batch(50, 3) * 5 - 2)
        expectClose(y.mean(along: .rows), Matrix(rows: 1, columns: 3), tolerance: 1e-12)
        expectClose((y ⊙ y).mean(along: .rows), Matrix(rows: 1, columns: 3, repeating: 1), tolerance: 1e-5)
    }

    /// A linear layer followed by tanh, written with plain loops over arrays so that the
    /// compiler can differentiate it, against the layers' backward passes.
    @Test func linearAndTanhAgreeWithSwiftsDifferentiation() {
        let x = Self.batch(2, 3)
        let layer = Self.linear(3, 2)
        let probe = ProbeLoss(rows: 2, columns: 2)
        let network = Sequential([layer, Tanh()])
        _ = network.forward(x)
        _ = network.backward(probe.weights)

        let xs = x.elements, rs = probe.weights.elements
        @differentiable(reverse)
        func loss(_ theta: [Double]) -> Double {
            var total = 0.0
            for i in 0..<2 {
                for j in 0..<2 {
                    var s = theta[6 + j]
                    for k in 0..<3 { s = s + xs[i * 3 + k] * theta[k * 2 + j] }
                    total = total + rs[i * 2 + j] * tanh(s)
                }
            }
            return total
        }
        let theta = layer.weight.value.elements + layer.bias.value.elements
        let expected = gradient(at: theta, of: loss).base
        expectClose(layer.weight.gradient.elements + layer.bias.gradient.elements, expected, tolerance: 1e-12)
    }

    @Test func sequentialRecordsGradientNorms() {
        let network = Sequential([Self.linear(3, 4), Sigmoid(), Self.linear(4, 2)])
        let x = Self.batch(5, 3)
        _ = network.forward(x)
        let dX = network.backward(ProbeLoss(rows: 5, columns: 2).weights)
        #expect(network.outputs.count == 3)
        #expect(network.outputs[1] == network.outputs[0].map(sigmoid))
        #expect(network.inputGradientNorms.count == 3)
        expectClose(network.inputGradientNorms[0], dX.norm(), tolerance: 1e-15)
        #expect(network.parameterGradientNorms.count == 2)
        #expect(network.parameters.count == 4)
    }

    @Test func tanhIsWithinTwoUlpOfTheCLibrarys() {
        let f = TanhFunction()
        let xs =
            stride(from: -25.0, through: 25, by: 0.00731).map { $0 } + [
                0, -0.0, 1e-300, -1e-8, 0.625, -0.625, 800, -800,
            ]
        for x in xs {
            let expected = tanh(x)
            #expect(abs(f(x) - expected) <= 2 * expected.ulp, "tanh(\(x)): \(f(x)) vs \(expected)")
        }
        let m = Matrix(row: xs)
        var y = Matrix(rows: 0, columns: 0)
        f.apply(m, into: &y)
        #expect(y == m.map(f.callAsFunction))
    }

    @Test func sigmoidDerivativeIsAtMostAQuarter() {
        let f = SigmoidFunction()
        expectClose(f.derivative(x: 0, y: f(0)), 0.25, tolerance: 1e-16)
        for x in stride(from: -10.0, through: 10, by: 0.25) { #expect(f.derivative(x: x, y: f(x)) <= 0.25) }
        expectClose(sigmoid(-800), 0, tolerance: 1e-300)
        expectClose(sigmoid(800), 1, tolerance: 0)
    }
}

@Suite struct LayerDifferentiationTests {
    /// Batch normalisation in training mode, written with loops so that the compiler can
    /// differentiate it with respect to X, γ and β.
    @Test func batchNormAgreesWithSwiftsDifferentiation() {
        let x = LayerTests.batch(4, 3) * 3 + 1
        let layer = BatchNorm(3)
        layer.scale.value = Matrix(row: [0.5, 2, -1])
        layer.shift.value = Matrix(row: [0.1, -0.3, 2])
        let probe = ProbeLoss(rows: 4, columns: 3)
        _ = layer.forward(x)
        let dX = layer.backward(probe.weights)

        let rs = probe.weights.elements
        let epsilon = layer.epsilon
        @differentiable(reverse)
        func loss(_ v: [Double]) -> Double {
            var total = 0.0
            for j in 0..<3 {
                var mean = 0.0
                for i in 0..<4 { mean = mean + v[i * 3 + j] }
                mean = mean / 4
                var variance = 0.0
                for i in 0..<4 { variance = variance + (v[i * 3 + j] - mean) * (v[i * 3 + j] - mean) }
                variance = variance / 4
                let inverse = 1 / sqrt(variance + epsilon)
                for i in 0..<4 {
                    total = total + rs[i * 3 + j] * (v[12 + j] * (v[i * 3 + j] - mean) * inverse + v[15 + j])
                }
            }
            return total
        }
        let expected = gradient(at: x.elements + layer.scale.value.elements + layer.shift.value.elements, of: loss).base
        expectClose(
            dX.elements + layer.scale.gradient.elements + layer.shift.gradient.elements, expected, tolerance: 1e-12)
    }

    /// Linear, sigmoid and mean squared error together.
    @Test func sigmoidNetworkWithMeanSquaredErrorAgreesWithSwiftsDifferentiation() {
        var generator = SeededGenerator(seed: 21)
        let first = Linear(2, 3, weights: .normal(standardDeviation: 1), bias: .uniform(-1...1), using: &generator)
        let second = Linear(3, 1, weights: .normal(standardDeviation: 1), bias: .uniform(-1...1), using: &generator)
        let network = Sequential([first, Sigmoid(), second])
        let data = Dataset.xorEasy().samples(at: [0, 3, 8, 20])
        let loss = MeanSquaredError()
        _ = network.backward(loss.gradient(network.forward(data.inputs), data.targets))

        let xs = data.inputs.elements, ys = data.targets.elements
        @differentiable(reverse)
        func mse(_ p: [Double]) -> Double {
            // p = W₁ (2×3), b₁ (3), W₂ (3×1), b₂ (1).
            var total = 0.0
            for i in 0..<4 {
                var output = p[12]
                for h in 0..<3 {
                    let z = p[6 + h] + xs[i * 2] * p[h] + xs[i * 2 + 1] * p[3 + h]
                    output = output + p[9 + h] / (1 + exp(-z))
                }
                total = total + (output - ys[i]) * (output - ys[i])
            }
            return total / 4
        }
        let parameters = network.parameters
        let expected = gradient(at: parameters.flatMap(\.value.elements), of: mse).base
        expectClose(parameters.flatMap(\.gradient.elements), expected, tolerance: 1e-12)
    }
}
