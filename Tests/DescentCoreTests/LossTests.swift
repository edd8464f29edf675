import DescentCore
import Foundation
import Testing
import _Differentiation

@Suite struct LossTests {
    static let logits = Matrix(column: [2.5, -1.2, 0.3, -3.0, 0.8])
    static let labels = Matrix(column: [1, 0, 0, 1, 1])
    static let scores = Matrix([[1.0, -0.5, 2.0], [0.2, 0.1, -1.0], [-2.0, 1.5, 0.5], [0.0, 0.3, 0.1]])
    static let classes = Matrix(column: [2, 0, 1, 2])

    func numerical(_ loss: some Loss, _ output: Matrix, _ target: Matrix) -> [Double] {
        numericalGradient(at: output.elements) {
            loss.value(Matrix(rows: output.rows, columns: output.columns, elements: $0), target)
        }
    }

    @Test func meanSquaredError() {
        let loss = MeanSquaredError()
        let y = Matrix([[1, 2], [3, 4]]), t = Matrix([[0, 2], [5, 4]])
        expectClose(loss.value(y, t), 5.0 / 4, tolerance: 1e-15)
        expectClose(loss.gradient(y, t), Matrix([[0.5, 0], [-1, 0]]), tolerance: 1e-15)
        #expect(loss.accuracy(y, t) == nil)
        #expect(maxRelativeError(loss.gradient(y + 0.3, t).elements, numerical(loss, y + 0.3, t)) < 1e-7)
    }

    @Test func binaryCrossEntropyAgreesWithTheProbabilityFormula() {
        let loss = BinaryCrossEntropy()
        var direct = 0.0
        for (z, y) in zip(Self.logits.elements, Self.labels.elements) {
            let p: Double = 1 / (1 + exp(-z))
            let term: Double = y * log(p) + (1 - y) * log(1 - p)
            direct -= term / 5
        }
        expectClose(loss.value(Self.logits, Self.labels), direct, tolerance: 1e-15)
        #expect(
            maxRelativeError(
                loss.gradient(Self.logits, Self.labels).elements, numerical(loss, Self.logits, Self.labels)) < 1e-7)
        expectClose(loss.accuracy(Self.logits, Self.labels)!, 0.6, tolerance: 1e-15)
    }

    @Test func binaryCrossEntropyAgreesWithSwiftsDifferentiation() {
        let ys = Self.labels.elements
        @differentiable(reverse)
        func bce(_ z: [Double]) -> Double {
            var total = 0.0
            for i in 0..<5 {
                let p = 1 / (1 + exp(-z[i]))
                total = total - (ys[i] * log(p) + (1 - ys[i]) * log(1 - p))
            }
            return total / 5
        }
        let expected = gradient(at: Self.logits.elements, of: bce).base
        expectClose(BinaryCrossEntropy().gradient(Self.logits, Self.labels).elements, expected, tolerance: 1e-12)
    }

    @Test func binaryCrossEntropyStaysFiniteForConfidentMistakes() {
        let loss = BinaryCrossEntropy()
        let value = loss.value(Matrix(column: [1000, -1000]), Matrix(column: [0, 1]))
        expectClose(value, 1000, tolerance: 1e-9)
        expectClose(loss.gradient(Matrix(column: [1000]), Matrix(column: [0])), Matrix(column: [1]), tolerance: 0)
    }

    @Test func softmaxCrossEntropy() {
        let loss = SoftmaxCrossEntropy()
        let gradient = loss.gradient(Self.scores, Self.classes)
        #expect(maxRelativeError(gradient.elements, numerical(loss, Self.scores, Self.classes)) < 1e-7)
        expectClose(gradient.sum(along: .columns), Matrix(rows: 4, columns: 1), tolerance: 1e-15)
        expectClose(loss.accuracy(Self.scores, Self.classes)!, 0.75, tolerance: 1e-15)
        expectClose(loss.value(Matrix(rows: 2, columns: 3), Matrix(column: [0, 2])), log(3), tolerance: 1e-15)
        expectClose(
            loss.value(Self.scores + 1000, Self.classes), loss.value(Self.scores, Self.classes), tolerance: 1e-12)
    }

    @Test func softmaxCrossEntropyAgreesWithSwiftsDifferentiation() {
        let classes = Self.classes.elements.map(Int.init)
        @differentiable(reverse)
        func loss(_ s: [Double]) -> Double {
            var total = 0.0
            for i in 0..<4 {
                var denominator = 0.0
                for j in 0..<3 { denominator = denominator + exp(s[i * 3 + j]) }
                total = total - log(exp(s[i * 3 + classes[i]]) / denominator)
            }
            return total / 4
        }
        let expected = gradient(at: Self.scores.elements, of: loss).base
        expectClose(SoftmaxCrossEntropy().gradient(Self.scores, Self.classes).elements, expected, tolerance: 1e-12)
        expectClose(
            SoftmaxCrossEntropy().value(Self.scores, Self.classes), loss(Self.scores.elements), tolerance: 1e-14)
    }

    @Test func l2Regularization() {
        let w = Parameter("W", Matrix([[1, -2], [3, 0.5]]))
        let l2 = L2Regularization(strength: 0.1)
        expectClose(l2.value([w]), 0.1 * 14.25, tolerance: 1e-14)
        l2.addGradient(to: [w])
        expectClose(w.gradient, Matrix([[0.2, -0.4], [0.6, 0.1]]), tolerance: 1e-15)
    }
}
