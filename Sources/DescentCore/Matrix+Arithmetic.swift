/// The element-wise (Hadamard) product: (A ⊙ B)ᵢⱼ = Aᵢⱼ·Bᵢⱼ.
infix operator ⊙ : MultiplicationPrecedence

// MARK: - Element-wise arithmetic with broadcasting

/// Element-wise arithmetic between two matrices.
///
/// The right operand either has the left one's shape, or it is a 1×n row that is added to
/// every row (the bias of a batch, X·W + b), or an m×1 column that is added to every column.
public extension Matrix {
    static func + (lhs: Matrix, rhs: Matrix) -> Matrix { lhs.combined(with: rhs, "+", +) }
    static func - (lhs: Matrix, rhs: Matrix) -> Matrix { lhs.combined(with: rhs, "-", -) }
    static func ⊙ (lhs: Matrix, rhs: Matrix) -> Matrix { lhs.combined(with: rhs, "⊙", *) }
    static func / (lhs: Matrix, rhs: Matrix) -> Matrix { lhs.combined(with: rhs, "/", /) }

    static func += (lhs: inout Matrix, rhs: Matrix) { lhs.combine(with: rhs, "+=", +) }
    static func -= (lhs: inout Matrix, rhs: Matrix) { lhs.combine(with: rhs, "-=", -) }

    static prefix func - (operand: Matrix) -> Matrix { operand.map { -$0 } }
}

// MARK: - Arithmetic with a scalar

public extension Matrix {
    static func * (scalar: Double, matrix: Matrix) -> Matrix { matrix.map { scalar * $0 } }
    static func * (matrix: Matrix, scalar: Double) -> Matrix { matrix.map { $0 * scalar } }
    static func / (matrix: Matrix, scalar: Double) -> Matrix { matrix.map { $0 / scalar } }
    static func + (matrix: Matrix, scalar: Double) -> Matrix { matrix.map { $0 + scalar } }
    static func + (scalar: Double, matrix: Matrix) -> Matrix { matrix.map { scalar + $0 } }
    static func - (matrix: Matrix, scalar: Double) -> Matrix { matrix.map { $0 - scalar } }
    static func - (scalar: Double, matrix: Matrix) -> Matrix { matrix.map { scalar - $0 } }

    static func *= (matrix: inout Matrix, scalar: Double) { matrix.apply { $0 * scalar } }
}

// MARK: - In place, for the training hot path

extension Matrix {
    /// self ← self + α·x, element by element, without allocating (BLAS calls this axpy).
    mutating func add(_ alpha: Double, times x: Matrix) {
        precondition(rows == x.rows && columns == x.columns, "cannot add \(x.shapeText) to \(shapeText)")
        elements.withUnsafeMutableBufferPointer { y in
            x.elements.withUnsafeBufferPointer { x in
                for k in y.indices { y[k] += alpha * x[k] }
            }
        }
    }
}

// MARK: - Broadcasting

private extension Matrix {
    /// How `rhs` lines up with `self`: the index of rhs's element paired with element (i, j).
    enum Broadcast { case same, row, column }

    func broadcast(_ rhs: Matrix, _ op: String) -> Broadcast {
        if rhs.rows == rows && rhs.columns == columns { return .same }
        if rhs.rows == 1 && rhs.columns == columns { return .row }
        if rhs.columns == 1 && rhs.rows == rows { return .column }
        preconditionFailure("shapes \(shapeText) \(op) \(rhs.shapeText) do not match or broadcast")
    }

    func combined(with rhs: Matrix, _ op: String, _ f: (Double, Double) -> Double) -> Matrix {
        var result = self
        result.combine(with: rhs, op, f)
        return result
    }

    mutating func combine(with rhs: Matrix, _ op: String, _ f: (Double, Double) -> Double) {
        let mode = broadcast(rhs, op)
        let columns = self.columns
        elements.withUnsafeMutableBufferPointer { a in
            rhs.elements.withUnsafeBufferPointer { b in
                switch mode {
                case .same:
                    for k in a.indices { a[k] = f(a[k], b[k]) }
                case .row:
                    for i in 0..<rows {
                        for j in 0..<columns { a[i * columns + j] = f(a[i * columns + j], b[j]) }
                    }
                case .column:
                    for i in 0..<rows {
                        for j in 0..<columns { a[i * columns + j] = f(a[i * columns + j], b[i]) }
                    }
                }
            }
        }
    }
}
