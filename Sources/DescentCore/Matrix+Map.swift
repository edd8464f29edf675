// MARK: - Applying a function to every element

public extension Matrix {
    /// f applied to every element: (f(A))ᵢⱼ = f(Aᵢⱼ).
    func map(_ f: (Double) -> Double) -> Matrix {
        Matrix(
            rows: rows, columns: columns,
            elements: elements.withUnsafeBufferPointer { a in
                Array(unsafeUninitializedCapacity: a.count) { c, count in
                    for k in a.indices { c.initializeElement(at: k, to: f(a[k])) }
                    count = a.count
                }
            })
    }

    /// f applied to each pair of elements at the same position: Cᵢⱼ = f(Aᵢⱼ, Bᵢⱼ).
    func zipMap(_ other: Matrix, _ f: (Double, Double) -> Double) -> Matrix {
        precondition(
            rows == other.rows && columns == other.columns,
            "cannot pair elements of \(shapeText) and \(other.shapeText)")
        return Matrix(
            rows: rows, columns: columns,
            elements: elements.withUnsafeBufferPointer { a in
                other.elements.withUnsafeBufferPointer { b in
                    Array(unsafeUninitializedCapacity: a.count) { c, count in
                        for k in a.indices { c.initializeElement(at: k, to: f(a[k], b[k])) }
                        count = a.count
                    }
                }
            })
    }

    /// The sum of f over each pair of elements at the same position, Σᵢⱼ f(Aᵢⱼ, Bᵢⱼ), added
    /// in row-major order from 0 exactly as `zipMap(other, f).sum()` adds, without the matrix.
    func zipSum(_ other: Matrix, _ f: (Double, Double) -> Double) -> Double {
        precondition(
            rows == other.rows && columns == other.columns,
            "cannot pair elements of \(shapeText) and \(other.shapeText)")
        return elements.withUnsafeBufferPointer { a in
            other.elements.withUnsafeBufferPointer { b in
                var total = 0.0
                for k in a.indices { total += f(a[k], b[k]) }
                return total
            }
        }
    }

    /// Replaces every element x by f(x), in place.
    mutating func apply(_ f: (Double) -> Double) {
        elements.withUnsafeMutableBufferPointer { a in
            for k in a.indices { a[k] = f(a[k]) }
        }
    }
}
