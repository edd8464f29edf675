public extension Matrix {
    /// The direction a reduction runs along.
    enum Axis: Sendable {
        /// Down the rows: one result per column, a 1×n row (e.g. Σ over the batch of ∂L/∂Y).
        case rows
        /// Across the columns: one result per row, an m×1 column (e.g. each sample's largest score).
        case columns
    }
}

// MARK: - Reductions

public extension Matrix {
    /// The sum of all elements, Σᵢⱼ Aᵢⱼ.
    func sum() -> Double { elements.reduce(0, +) }

    /// The mean of all elements, (1/mn) Σᵢⱼ Aᵢⱼ.
    func mean() -> Double {
        precondition(count > 0, "the mean of an empty \(shapeText) matrix is undefined")
        return sum() / Double(count)
    }

    /// The population variance of all elements, (1/mn) Σᵢⱼ (Aᵢⱼ − mean)².
    func variance() -> Double {
        let mu = mean()
        return elements.reduce(0) { $0 + ($1 - mu) * ($1 - mu) } / Double(count)
    }

    /// The population standard deviation of all elements, √variance.
    func standardDeviation() -> Double { variance().squareRoot() }

    /// The Frobenius norm ‖A‖ = √(Σᵢⱼ Aᵢⱼ²).
    func norm() -> Double { elements.reduce(0) { $0 + $1 * $1 }.squareRoot() }

    /// The largest element.
    func max() -> Double {
        precondition(count > 0, "the maximum of an empty \(shapeText) matrix is undefined")
        return elements.max()!
    }

    /// The smallest element.
    func min() -> Double {
        precondition(count > 0, "the minimum of an empty \(shapeText) matrix is undefined")
        return elements.min()!
    }

    /// Sums along an axis: `.rows` gives the 1×n row Σᵢ Aᵢⱼ, `.columns` the m×1 column Σⱼ Aᵢⱼ.
    func sum(along axis: Axis) -> Matrix {
        switch axis {
        case .rows:
            var result = Matrix(rows: 1, columns: columns)
            sumRows(into: &result)
            return result
        case .columns:
            return Matrix(column: (0..<rows).map { i in elements[i * columns..<(i + 1) * columns].reduce(0, +) })
        }
    }

    /// Means along an axis: the sums divided by the number of elements summed.
    func mean(along axis: Axis) -> Matrix {
        switch axis {
        case .rows: sum(along: .rows) / Double(rows)
        case .columns: sum(along: .columns) / Double(columns)
        }
    }

    /// The largest element along an axis.
    func max(along axis: Axis) -> Matrix {
        switch axis {
        case .rows: Matrix(row: (0..<columns).map { column($0).max()! })
        case .columns: Matrix(column: (0..<rows).map { row($0).max()! })
        }
    }

    /// For each row, the column index of its largest element: a classifier's predicted class.
    func argmaxOfEachRow() -> [Int] {
        (0..<rows).map { i in
            let r = row(i)
            return r.indices.max { r[$0] < r[$1] }!
        }
    }
}

// MARK: - Into an existing row, for the training hot path

extension Matrix {
    /// result ← the 1×n row Σᵢ Aᵢⱼ, without allocating when result already is 1×n.
    func sumRows(into result: inout Matrix) {
        // Every column's sum is stored below.
        result.reshape(toOverwrite: 1, columns)
        let (rows, columns) = (self.rows, self.columns)
        guard columns > 0 else { return }
        result.elements.withUnsafeMutableBufferPointer { s in
            elements.withUnsafeBufferPointer { a in
                // Columns j…j+V.count−1 summed in one register, one lane per column, each sum
                // taken in the order i = 0, 1, … as the definition reads.
                var j = 0
                func sums<V: Lanes>(_: V.Type) {
                    var total = V(repeating: 0)
                    for i in 0..<rows { total = total + V(loadingFrom: a.baseAddress! + i * columns + j) }
                    total.store(to: s.baseAddress! + j)
                    j += V.count
                }
                while j + 8 <= columns { sums(SIMD8<Double>.self) }
                if j + 4 <= columns { sums(SIMD4<Double>.self) }
                if j + 2 <= columns { sums(SIMD2<Double>.self) }
                if j < columns { sums(Double.self) }
            }
        }
    }
}
