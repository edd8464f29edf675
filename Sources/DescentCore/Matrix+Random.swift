// MARK: - Random matrices

public extension Matrix {
    /// A matrix of independent uniform numbers in [a, b), drawn row by row.
    static func uniform(
        rows: Int, columns: Int, in range: ClosedRange<Double>, using generator: inout SeededGenerator
    ) -> Matrix {
        var result = Matrix(rows: rows, columns: columns)
        for k in 0..<result.count { result.elements[k] = generator.uniform(in: range) }
        return result
    }

    /// A matrix of independent normal numbers N(μ, σ²), drawn row by row.
    static func normal(
        rows: Int, columns: Int, mean: Double = 0, standardDeviation: Double = 1,
        using generator: inout SeededGenerator
    ) -> Matrix {
        var result = Matrix(rows: rows, columns: columns)
        result.elements.withUnsafeMutableBufferPointer {
            generator.fillNormal($0, mean: mean, standardDeviation: standardDeviation)
        }
        return result
    }
}
