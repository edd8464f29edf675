import Testing

@testable import DescentCore

@Suite struct MatrixTests {
    let a = Matrix([[1, 2, 3], [4, 5, 6]])

    @Test func shapeAndElements() {
        #expect(a.shape == (2, 3))
        #expect(a[1, 2] == 6)
        #expect(a.row(1) == [4, 5, 6])
        #expect(a.column(0) == [1, 4])
        #expect(a.rows(at: [1, 0, 1]) == Matrix([[4, 5, 6], [1, 2, 3], [4, 5, 6]]))
        #expect(Matrix.identity(2) == Matrix([[1, 0], [0, 1]]))
    }

    @Test func elementWiseArithmetic() {
        let b = Matrix([[6, 5, 4], [3, 2, 1]])
        #expect(a + b == Matrix([[7, 7, 7], [7, 7, 7]]))
        #expect(a - b == Matrix([[-5, -3, -1], [1, 3, 5]]))
        #expect(a ⊙ b == Matrix([[6, 10, 12], [12, 10, 6]]))
        #expect(2 * a == Matrix([[2, 4, 6], [8, 10, 12]]))
        #expect(1 - a == Matrix([[0, -1, -2], [-3, -4, -5]]))
        #expect(-a == Matrix([[-1, -2, -3], [-4, -5, -6]]))
        expectClose(a / b, Matrix([[1.0 / 6, 0.4, 0.75], [4.0 / 3, 2.5, 6]]), tolerance: 1e-15)
    }

    @Test func broadcastsARowOverTheBatchAndAColumnAcrossIt() {
        #expect(a + Matrix(row: [10, 20, 30]) == Matrix([[11, 22, 33], [14, 25, 36]]))
        #expect(a - Matrix(column: [1, 4]) == Matrix([[0, 1, 2], [0, 1, 2]]))
        var c = a
        c += Matrix(row: [1, 1, 1])
        #expect(c == a + 1)
    }

    @Test func transposeSwapsRowsAndColumns() {
        #expect(a.T == Matrix([[1, 4], [2, 5], [3, 6]]))
        #expect(a.T.T == a)
        #expect(Matrix(rows: 0, columns: 3).T.shape == (3, 0))
    }

    @Test func reductions() {
        #expect(a.sum() == 21)
        expectClose(a.mean(), 3.5, tolerance: 1e-15)
        #expect(a.sum(along: .rows) == Matrix(row: [5, 7, 9]))
        #expect(a.sum(along: .columns) == Matrix(column: [6, 15]))
        expectClose(a.mean(along: .rows), Matrix(row: [2.5, 3.5, 4.5]), tolerance: 1e-15)
        #expect(a.max(along: .columns) == Matrix(column: [3, 6]))
        #expect(Matrix([[1, 9, 3], [7, 2, 2]]).argmaxOfEachRow() == [1, 0])
        expectClose(a.variance(), 35.0 / 12, tolerance: 1e-14)
        expectClose(Matrix([[3, 4]]).norm(), 5, tolerance: 1e-15)
    }

    @Test func mapAndZipMap() {
        #expect(a.map { $0 * $0 } == Matrix([[1, 4, 9], [16, 25, 36]]))
        #expect(a.zipMap(a) { $0 - $1 } == Matrix(rows: 2, columns: 3))
    }

    @Test func productOfAKnownPair() {
        let b = Matrix([[1, 0], [0, 1], [1, 1]])
        #expect(a * b == Matrix([[4, 5], [10, 11]]))
        #expect(Matrix.referenceProduct(a, b) == Matrix([[4, 5], [10, 11]]))
    }

    /// Random and degenerate shapes (1×n, n×1, empty, zero inner size, every column block of
    /// the loops), with and without transposes: the loops give the textbook sum Σₚ AᵢₚBₚⱼ,
    /// taken in order, to the last bit, and OpenBLAS agrees with them to rounding.
    @Test(arguments: [
        (1, 7, 5), (6, 7, 1), (1, 1, 1), (5, 1, 6), (17, 33, 9), (64, 50, 70), (0, 4, 3), (3, 4, 0), (3, 0, 4),
        (21, 2, 10), (3, 5, 15), (2, 3, 16), (4, 9, 23),
    ])
    func blasProductEqualsReferenceKernel(m: Int, k: Int, n: Int) {
        var generator = SeededGenerator(seed: UInt64(m * 10_000 + k * 100 + n))
        let x = Matrix.normal(rows: m, columns: k, using: &generator)
        let y = Matrix.normal(rows: k, columns: n, using: &generator)
        let reference = Matrix.referenceProduct(x, y)
        #expect(reference.shape == (m, n))
        for i in 0..<m {
            for j in 0..<n {
                #expect(reference[i, j] == (0..<k).reduce(0.0) { $0 + x[i, $1] * y[$1, j] })
            }
        }
        for (transposingA, transposingB) in [(false, false), (true, false), (false, true), (true, true)] {
            let a = transposingA ? x.T : x, b = transposingB ? y.T : y
            var blas = Matrix(rows: 0, columns: 0), loops = Matrix(rows: 0, columns: 0)
            Matrix.gemm(a, transposingA: transposingA, b, transposingB: transposingB, into: &blas, kernel: .blas)
            Matrix.gemm(a, transposingA: transposingA, b, transposingB: transposingB, into: &loops, kernel: .loops)
            expectClose(blas, reference, tolerance: 1e-12)
            #expect(loops == reference)
        }
    }

    /// Up to 64³ multiply-adds a product takes the fixed-order loops, so its every bit is the
    /// reference kernel's on any CPU; past that, the BLAS, equal to rounding.
    @Test func theKernelIsChosenByShapeAlone() {
        var generator = SeededGenerator(seed: 11)
        let small = (
            Matrix.normal(rows: 64, columns: 64, using: &generator),
            Matrix.normal(rows: 64, columns: 64, using: &generator)
        )
        #expect(small.0 * small.1 == Matrix.referenceProduct(small.0, small.1))
        let large = (
            Matrix.normal(rows: 65, columns: 64, using: &generator),
            Matrix.normal(rows: 64, columns: 64, using: &generator)
        )
        #expect(Matrix.Kernel.forProduct(m: 65, k: 64, n: 64) == .blas)
        expectClose(large.0 * large.1, Matrix.referenceProduct(large.0, large.1), tolerance: 1e-12)
    }

    @Test func printsRowByRow() {
        #expect(Matrix([[1, 2], [3, 4]]).description == "[[1.0, 2.0],\n [3.0, 4.0]]")
    }
}
