import DescentCore
import Foundation
import Testing
import _Differentiation

@Suite struct ValueTests {
    @Test func localTimesUpstreamOnASmallGraph() {
        let x = Value(2), y = Value(3)
        let f = x * y + x
        f.backward()
        #expect(f.data == 8)
        #expect(x.grad == 4)
        #expect(y.grad == 2)
    }

    @Test func backwardTwiceGivesTheSameGradients() {
        let x = Value(3)
        let f = x * x
        f.backward()
        f.backward()
        #expect(x.grad == 6)
    }

    @Test func aNodeUsedTwiceCollectsBothContributions() {
        let a = Value(-4)
        let b = a * a
        b.backward()
        #expect(a.grad == -8)
    }

    /// f(x₁, x₂) = x₁² + x₁ − 4x₁x₂ + x₁³x₂ from the curriculum, through exp, log, tanh and
    /// sigmoid as well, against the compiler's own reverse-mode derivative.
    @Test func agreesWithSwiftsDifferentiation() {
        @differentiable(reverse)
        func f(_ x1: Double, _ x2: Double) -> Double {
            let polynomial = x1 * x1 + x1 - 4 * x1 * x2 + x1 * x1 * x1 * x2
            let smooth = tanh(x1 / x2) + exp(0.5 * x1) * log(x2 * x2 + 1) + 1 / (1 + exp(-x1 * x2))
            return polynomial + smooth - pow(x2, 3)
        }
        func g(_ x1: Value, _ x2: Value) -> Value {
            let polynomial = x1 * x1 + x1 - 4 * x1 * x2 + x1 * x1 * x1 * x2
            let smooth = (x1 / x2).tanh() + (0.5 * x1).exp() * (x2 * x2 + 1).log() + (x1 * x2).sigmoid()
            return polynomial + smooth - x2.power(3)
        }
        for (p, q) in [(0.3, 0.7), (-1.2, 2.5), (2.0, -0.625)] {
            let x1 = Value(p), x2 = Value(q)
            let out = g(x1, x2)
            out.backward()
            let expected = gradient(at: p, q, of: f)
            expectClose(out.data, f(p, q), tolerance: 1e-12)
            expectClose(x1.grad, expected.0, tolerance: 1e-12)
            expectClose(x2.grad, expected.1, tolerance: 1e-12)
        }
    }

    /// ∇f = [2x₁ + 1 − 4x₂ + 3x₁²x₂, x₁³ − 4x₁] vanishes at (0, 0.25), (−2, 0.375) and
    /// (2, −0.625), where f = 0, 2, 6. (At (−2, 0.125) ∂f/∂x₁ = −2: not a critical point.)
    @Test(arguments: [(0.0, 0.25, 0.0), (-2, 0.375, 2), (2, -0.625, 6)])
    func criticalPointsOfTheCurriculumHaveZeroGradient(p: Double, q: Double, value: Double) {
        let x1 = Value(p), x2 = Value(q)
        let f = x1 * x1 + x1 - 4 * x1 * x2 + x1.power(3) * x2
        f.backward()
        expectClose(f.data, value, tolerance: 1e-12)
        expectClose(x1.grad, 0, tolerance: 1e-12)
        expectClose(x2.grad, 0, tolerance: 1e-12)
    }

    @Test func reluPassesGradientOnlyWhenPositive() {
        let a = Value(-1), b = Value(2)
        let out = a.relu() + b.relu()
        out.backward()
        #expect(a.grad == 0)
        #expect(b.grad == 1)
    }

    @Test func theGraphIsFreedWhenTheOutputGoes() {
        weak var weakOutput: Value?
        weak var weakIntermediate: Value?
        let x = Value(1.5)
        do {
            let hidden = (x * 2).tanh()
            let output = hidden * hidden + x
            output.backward()
            weakOutput = output
            weakIntermediate = hidden
        }
        #expect(weakOutput == nil)
        #expect(weakIntermediate == nil)
        #expect(x.grad != 0)
    }
}
