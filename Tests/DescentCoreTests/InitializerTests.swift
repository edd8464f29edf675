import DescentCore
import Testing

@Suite struct InitializerTests {
    @Test func xavierVariancesOfTheCurriculum() {
        expectClose(Initializer.xavierNormal.variance(fanIn: 32, fanOut: 64), 0.0208, tolerance: 5e-5)
        expectClose(Initializer.xavierUniform.variance(fanIn: 64, fanOut: 128), 0.0104, tolerance: 5e-5)
        expectClose(Initializer.heNormal.variance(fanIn: 50, fanOut: 10), 0.04, tolerance: 1e-15)
        expectClose(Initializer.uniform(-1...1).variance(fanIn: 3, fanOut: 3), 1.0 / 3, tolerance: 1e-15)
    }

    @Test(arguments: [
        Initializer.normal(standardDeviation: 0.3), .uniform(-0.5...1.5), .xavierNormal, .xavierUniform, .heNormal,
        .heUniform,
    ])
    func drawnMatricesHaveTheStatedVariance(initializer: Initializer) {
        var generator = SeededGenerator(seed: 8)
        let w = initializer.matrix(fanIn: 400, fanOut: 300, using: &generator)
        #expect(w.shape == (400, 300))
        let expected = initializer.variance(fanIn: 400, fanOut: 300)
        #expect(abs(w.variance() - expected) < 0.02 * expected, "\(w.variance()) vs \(expected)")
    }

    @Test func uniformBoundsAreTheCurriculums() {
        var generator = SeededGenerator(seed: 9)
        let xavier = Initializer.xavierUniform.matrix(fanIn: 32, fanOut: 64, using: &generator)
        let bound = (6.0 / 96).squareRoot()
        #expect(xavier.max() <= bound && xavier.min() >= -bound)
        #expect(xavier.max() > 0.95 * bound)
        let he = Initializer.heUniform.matrix(fanIn: 24, fanOut: 100, using: &generator)
        #expect(he.max() <= 0.5 && he.max() > 0.48)
    }

    @Test func zerosAndConstants() {
        var generator = SeededGenerator(seed: 1)
        #expect(Initializer.zeros.matrix(fanIn: 2, fanOut: 3, using: &generator) == Matrix(rows: 2, columns: 3))
        #expect(Initializer.constant(0.5).matrix(fanIn: 1, fanOut: 2, using: &generator) == Matrix(row: [0.5, 0.5]))
    }

    /// 1000 N(0, 1) samples in 500 dimensions through tanh layers of 500 units with weights
    /// N(0, 0.01²): layer 1's activations have std ≈ 0.2135 (seed 004; 0.2138 with another
    /// draw), and each further layer shrinks it by about √500·0.01 ≈ 0.224.
    @Test func smallWeightsShrinkTheActivations() {
        var generator = SeededGenerator(seed: 2024)
        var a = Matrix.normal(rows: 1000, columns: 500, using: &generator)
        var stds: [Double] = []
        for _ in 0..<3 {
            let w = Initializer.normal(standardDeviation: 0.01).matrix(fanIn: 500, fanOut: 500, using: &generator)
            a = Tanh().forward(a * w)
            stds.append(a.standardDeviation())
        }
        expectClose(stds[0], 0.2135, tolerance: 0.002)
        for k in 1..<3 { expectClose(stds[k] / stds[k - 1], 500.0.squareRoot() * 0.01, tolerance: 0.01) }
    }
}
