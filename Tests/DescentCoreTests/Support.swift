import DescentCore
import Testing

/// |a − b| ≤ tolerance, with both numbers in the failure message.
func expectClose(
    _ a: Double, _ b: Double, tolerance: Double, sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(abs(a - b) <= tolerance, "\(a) vs \(b), tolerance \(tolerance)", sourceLocation: sourceLocation)
}

/// Element-wise closeness of two matrices of the same shape.
func expectClose(
    _ a: Matrix, _ b: Matrix, tolerance: Double, sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(a.shape == b.shape, "shapes \(a.shapeText) and \(b.shapeText)", sourceLocation: sourceLocation)
    guard a.shape == b.shape else { return }
    let worst = zip(a.elements, b.elements).map { abs($0 - $1) }.max() ?? 0
    #expect(worst <= tolerance, "largest difference \(worst), tolerance \(tolerance)", sourceLocation: sourceLocation)
}

/// Element-wise closeness of two arrays.
func expectClose(
    _ a: [Double], _ b: [Double], tolerance: Double, sourceLocation: SourceLocation = #_sourceLocation
) {
    expectClose(Matrix(row: a), Matrix(row: b), tolerance: tolerance, sourceLocation: sourceLocation)
}

/// The largest relative error between two arrays of gradients.
func maxRelativeError(_ a: [Double], _ b: [Double]) -> Double {
    zip(a, b).map { relativeError($0, $1) }.max() ?? 0
}

/// A scalar loss L = Σᵢⱼ Rᵢⱼ·Yᵢⱼ of a layer's output, with fixed random weights R, so that
/// ∂L/∂Y = R exercises every output entry differently.
struct ProbeLoss {
    let weights: Matrix

    init(rows: Int, columns: Int, seed: UInt64 = 99) {
        var generator = SeededGenerator(seed: seed)
        weights = .uniform(rows: rows, columns: columns, in: -1...1, using: &generator)
    }

    func value(_ y: Matrix) -> Double { (y ⊙ weights).sum() }
}

/// Gradient check of one layer under a probe loss: the largest relative error of ∂L/∂X
/// and of every ∂L/∂θ against central differences.
func layerGradientErrors(_ layer: some Layer, input: Matrix) -> (input: Double, parameters: [Double]) {
    let probe = ProbeLoss(rows: input.rows, columns: layer.forward(input).columns)
    _ = layer.forward(input)
    let dX = layer.backward(probe.weights)
    let numericalX = numericalGradient(at: input.elements) { x in
        probe.value(layer.forward(Matrix(rows: input.rows, columns: input.columns, elements: x)))
    }
    let results = gradientCheck(
        layer.parameters, loss: { probe.value(layer.forward(input)) },
        computeGradients: {
            _ = layer.forward(input)
            _ = layer.backward(probe.weights)
        })
    return (maxRelativeError(dX.elements, numericalX), results.map(\.maxRelativeError))
}
