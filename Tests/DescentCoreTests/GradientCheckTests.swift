import DescentCore
import Foundation
import Testing

@Suite struct GradientCheckTests {
    @Test func centralDifferenceOfTheParabola() {
        // f(x) = x² − 10x + 1, f'(x) = 2x − 10: zero at 5.
        let f: (Double) -> Double = { $0 * $0 - 10 * $0 + 1 }
        expectClose(centralDifference(at: 5, of: f), 0, tolerance: 1e-9)
        expectClose(centralDifference(at: 20, of: f), 30, tolerance: 1e-8)
    }

    @Test func numericalGradientOfALinearFunction() {
        let g = numericalGradient(at: [1, -2, 3]) { 0.5 * $0[0] + 2 * $0[1] + 4 * $0[2] + 10 }
        expectClose(g, [0.5, 2, 4], tolerance: 1e-9)
    }

    @Test func relativeErrorIsSymmetricAndZeroForZeros() {
        expectClose(relativeError(1, 1.1), 0.1 / 1.1, tolerance: 1e-15)
        #expect(relativeError(1.1, 1) == relativeError(1, 1.1))
        #expect(relativeError(0, 0) == 0)
        #expect(relativeError(0, 1e-20) == 1)
    }

    /// The curriculum's saddle points: det H < 0, eigenvalues of both signs.
    @Test(arguments: [(0.0, 0.25), (-2, 0.375), (2, -0.625)])
    func hessianClassifiesTheCriticalPointsAsSaddles(p: Double, q: Double) {
        let f: ([Double]) -> Double = { x in x[0] * x[0] + x[0] - 4 * x[0] * x[1] + pow(x[0], 3) * x[1] }
        let h = numericalHessian(at: [p, q], of: f)
        // H = [[2 + 6x₁x₂, −4 + 3x₁²], [−4 + 3x₁², 0]].
        expectClose(h, Matrix([[2 + 6 * p * q, -4 + 3 * p * p], [-4 + 3 * p * p, 0]]), tolerance: 1e-6)
        let eigenvalues = h.symmetricEigenvalues()
        #expect(eigenvalues[0] < 0 && eigenvalues[1] > 0)
        expectClose(eigenvalues[0] * eigenvalues[1], h[0, 0] * h[1, 1] - h[0, 1] * h[1, 0], tolerance: 1e-5)
    }

    @Test func jacobiEigenvaluesOfAKnownMatrix() {
        // [[2, 1, 0], [1, 2, 1], [0, 1, 2]] has eigenvalues 2 − √2, 2, 2 + √2.
        let a = Matrix([[2, 1, 0], [1, 2, 1], [0, 1, 2]])
        expectClose(a.symmetricEigenvalues(), [2 - 2.0.squareRoot(), 2, 2 + 2.0.squareRoot()], tolerance: 1e-12)
        expectClose(Matrix([[3]]).symmetricEigenvalues(), [3], tolerance: 0)
    }
}
