// MARK: - Eigenvalues of a symmetric matrix

public extension Matrix {
    /// The eigenvalues of a symmetric matrix, smallest first, by Jacobi rotations: each
    /// rotation zeroes one off-diagonal pair Aₚq = Aqp, until the matrix is diagonal.
    ///
    /// At a critical point of f, the Hessian's eigenvalues classify it: all positive, a
    /// minimum; all negative, a maximum; both signs, a saddle point.
    func symmetricEigenvalues() -> [Double] {
        precondition(rows == columns, "eigenvalues need a square matrix, not \(shapeText)")
        precondition(isSymmetric, "the \(shapeText) matrix is not symmetric")
        var a = self
        let n = rows
        for _ in 0..<100 {
            var offDiagonal = 0.0
            for p in 0..<n { for q in 0..<n where p != q { offDiagonal += a[p, q] * a[p, q] } }
            if offDiagonal < 1e-30 * Swift.max(1, a.norm() * a.norm()) { break }
            for p in 0..<n {
                for q in (p + 1)..<n where a[p, q] != 0 {
                    // The angle θ with tan 2θ = 2Aₚq / (Aqq − Aₚₚ) makes the rotated Aₚq zero.
                    let theta = (a[q, q] - a[p, p]) / (2 * a[p, q])
                    let t = (theta >= 0 ? 1.0 : -1.0) / (abs(theta) + (theta * theta + 1).squareRoot())
                    let c = 1 / (t * t + 1).squareRoot(), s = t * c
                    for k in 0..<n {
                        let akp = a[k, p], akq = a[k, q]
                        a[k, p] = c * akp - s * akq
                        a[k, q] = s * akp + c * akq
                    }
                    for k in 0..<n {
                        let apk = a[p, k], aqk = a[q, k]
                        a[p, k] = c * apk - s * aqk
                        a[q, k] = s * apk + c * aqk
                    }
                }
            }
        }
        return (0..<n).map { a[$0, $0] }.sorted()
    }
}

// MARK: - Helpers

private extension Matrix {
    /// Aᵢⱼ = Aⱼᵢ up to rounding, relative to the larger of the two.
    var isSymmetric: Bool {
        (0..<rows).allSatisfy { i in
            (0..<i).allSatisfy { j in abs(self[i, j] - self[j, i]) <= 1e-9 * Swift.max(1, abs(self[i, j])) }
        }
    }
}
