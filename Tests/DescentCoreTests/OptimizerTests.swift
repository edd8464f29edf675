import DescentCore
import Foundation
import Testing

@Suite struct OptimizerTests {
    /// ∇ of f = (x₁ − 5)² + x₂².
    static func bowl(_ x: [Double]) -> [Double] { [2 * (x[0] - 5), 2 * x[1]] }

    @Test func theCurriculumsTwoDimensionalStep() {
        let path = SGD(learningRate: 0.1).path(from: [-9, 6], steps: 1, gradient: Self.bowl)
        expectClose(Self.bowl(path[0]), [-28, 12], tolerance: 1e-12)
        expectClose(path[1], [-6.2, 4.8], tolerance: 1e-12)
        expectClose(Self.bowl(path[1]), [-22.4, 9.6], tolerance: 1e-12)
    }

    @Test func sgdWithRateOneFlipsTheSteepCoordinateForever() {
        let path = SGD(learningRate: 1).path(from: [-8, 5], steps: 6) { [0.2 * $0[0], 2 * $0[1]] }
        expectClose(path.map { $0[1] }, [5, -5, 5, -5, 5, -5, 5], tolerance: 1e-12)
    }

    @Test func sgdStepsAParameter() {
        let p = Parameter("x", Matrix(row: [1, 2]))
        p.gradient = Matrix(row: [10, -4])
        SGD(learningRate: 0.5).step([p])
        expectClose(p.value, Matrix(row: [-4, 4]), tolerance: 1e-15)
    }

    /// g = 2x on f = x²: v⁰ = γg₀, v¹ = m·v⁰ + γg₁, by hand.
    @Test func momentumAsTheSlidesWriteIt() {
        let path = Momentum(learningRate: 0.1, momentum: 0.9).path(from: [1], steps: 2) { [2 * $0[0]] }
        // g₀ = 2, v⁰ = 0.2, x¹ = 0.8; g₁ = 1.6, v¹ = 0.18 + 0.16 = 0.34, x² = 0.46.
        expectClose(path.map { $0[0] }, [1, 0.8, 0.46], tolerance: 1e-15)
    }

    @Test func adagradUsesTheRootOfTheSumPlusEpsilon() {
        let gradients = [[3.0], [4.0]]
        var step = 0
        let path = Adagrad(learningRate: 0.5, epsilon: 0.1).path(from: [1], steps: 2) { _ in
            defer { step += 1 }
            return gradients[step]
        }
        // G = 9: x = 1 − 0.5·3/(3 + 0.1); G = 25: x −= 0.5·4/(5 + 0.1).
        let x1 = 1 - 0.5 * 3 / 3.1
        expectClose(path[1][0], x1, tolerance: 1e-15)
        expectClose(path[2][0], x1 - 0.5 * 4 / 5.1, tolerance: 1e-15)
    }

    @Test func rmspropAveragesTheSquares() {
        let path = RMSProp(learningRate: 0.01, decay: 0.9, epsilon: 1e-8).path(from: [2], steps: 2) { _ in [2] }
        // E = 0.1·4 = 0.4, then E = 0.9·0.4 + 0.4 = 0.76.
        let x1 = 2 - 0.01 * 2 / (0.4.squareRoot() + 1e-8)
        expectClose(path[1][0], x1, tolerance: 1e-15)
        expectClose(path[2][0], x1 - 0.01 * 2 / (0.76.squareRoot() + 1e-8), tolerance: 1e-15)
    }

    @Test func adamCorrectsTheBiasOfBothMoments() {
        var calls = 0
        let gradients = [[0.5, -2.0], [1.5, -1.0]]
        let path = Adam(learningRate: 0.1).path(from: [0, 0], steps: 2) { _ in
            defer { calls += 1 }
            return gradients[calls]
        }
        // Step 1: m̂ = g, v̂ = g², so the step is γ·g/(|g| + ε) ≈ γ·sign(g).
        expectClose(path[1], [-0.1 * 0.5 / (0.5 + 1e-8), 0.1 * 2 / (2 + 1e-8)], tolerance: 1e-15)
        // Step 2 by hand for the first coordinate.
        let m = 0.9 * 0.05 + 0.1 * 1.5, v = 0.999 * 0.00025 + 0.001 * 2.25
        let mHat = m / (1 - 0.81), vHat = v / (1 - 0.999 * 0.999)
        expectClose(path[2][0], path[1][0] - 0.1 * mHat / (vHat.squareRoot() + 1e-8), tolerance: 1e-15)
    }

    @Test func optimizersKeepSeparateMemoryPerParameter() {
        let a = Parameter("a", Matrix(row: [1])), b = Parameter("b", Matrix(row: [1]))
        let momentum = Momentum(learningRate: 0.1, momentum: 0.5)
        a.gradient = Matrix(row: [1])
        b.gradient = Matrix(row: [0])
        momentum.step([a, b])
        momentum.step([a, b])
        expectClose(a.value[0, 0], 1 - 0.1 - 0.15, tolerance: 1e-15)
        expectClose(b.value[0, 0], 1, tolerance: 0)
        #expect(momentum.states.count == 2)
    }

    @Test func allFiveReachTheMinimumOfAnIllConditionedBowl() {
        let gradient: ([Double]) -> [Double] = { [0.2 * $0[0], 2 * $0[1]] }
        let optimizers: [any Optimizer] = [
            SGD(learningRate: 0.5), Momentum(learningRate: 0.1, momentum: 0.9), Adagrad(learningRate: 1),
            RMSProp(learningRate: 0.05), Adam(learningRate: 0.2),
        ]
        for optimizer in optimizers {
            let end = optimizer.path(from: [-8, 5], steps: 2000, gradient: gradient).last!
            #expect(abs(end[0]) < 0.05 && abs(end[1]) < 0.05, "\(type(of: optimizer)) ended at \(end)")
        }
    }

    @Test func clippingByValue() {
        let p = Parameter("W", Matrix(row: [0.3, -2, 5]))
        p.gradient = Matrix(row: [0.3, -2, 5])
        [p].clipGradients(byValue: 1)
        #expect(p.gradient == Matrix(row: [0.3, -1, 1]))
    }

    @Test func clippingByGlobalNormKeepsTheDirection() {
        let a = Parameter("a", Matrix(row: [0, 0])), b = Parameter("b", Matrix(row: [0]))
        a.gradient = Matrix(row: [3, 0])
        b.gradient = Matrix(row: [4])
        let norm = [a, b].clipGradients(byGlobalNorm: 1)
        expectClose(norm, 5, tolerance: 1e-15)
        expectClose(a.gradient, Matrix(row: [0.6, 0]), tolerance: 1e-15)
        expectClose(b.gradient, Matrix(row: [0.8]), tolerance: 1e-15)
        expectClose([a, b].globalGradientNorm, 1, tolerance: 1e-15)
        [a, b].clipGradients(byGlobalNorm: 2)
        expectClose([a, b].globalGradientNorm, 1, tolerance: 1e-15)
    }
}
