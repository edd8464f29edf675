internal import COpenBLAS

// MARK: - Matrix product

public extension Matrix {
  /// The matrix product C = AB, with Cᵢⱼ = Σₖ AᵢₖBₖⱼ; A is m×k, B is k×n, C is m×n.
  ///
  /// Computed by OpenBLAS (`cblas_dgemm`); `referenceProduct` is the same sum written as
  /// three plain loops, and the tests hold the two equal.
  static func * (lhs: Matrix, rhs: Matrix) -> Matrix {
    precondition(
      lhs.columns == rhs.rows, "cannot multiply \(lhs.shapeText) by \(rhs.shapeText): \(lhs.columns) ≠ \(rhs.rows)")
    var product = Matrix(rows: lhs.rows, columns: rhs.columns)
    gemm(lhs, rhs, into: &product)
    return product
  }

  /// The matrix product Cᵢⱼ = Σₖ AᵢₖBₖⱼ as three nested loops: the reference kernel.
  static func referenceProduct(_ lhs: Matrix, _ rhs: Matrix) -> Matrix {
    precondition(
      lhs.columns == rhs.rows, "cannot multiply \(lhs.shapeText) by \(rhs.shapeText): \(lhs.columns) ≠ \(rhs.rows)")
    var product = Matrix(rows: lhs.rows, columns: rhs.columns)
    for i in 0..<lhs.rows {
      for j in 0..<rhs.columns {
        var sum = 0.0
        for k in 0..<lhs.columns { sum += lhs[i, k] * rhs[k, j] }
        product[i, j] = sum
      }
    }
    return product
  }
}

// MARK: - Into an existing matrix, for the training hot path

extension Matrix {
  /// C ← op(A)·op(B), where op transposes its argument when asked, without allocating
  /// when C already has the right shape.
  static func gemm(
    _ a: Matrix, transposingA: Bool = false, _ b: Matrix, transposingB: Bool = false,
    into c: inout Matrix
  ) {
    let m = transposingA ? a.columns : a.rows
    let k = transposingA ? a.rows : a.columns
    let kB = transposingB ? b.columns : b.rows
    let n = transposingB ? b.rows : b.columns
    precondition(k == kB, "cannot multiply \(a.shapeText)\(transposingA ? "ᵀ" : "") by \(b.shapeText)\(transposingB ? "ᵀ" : "")")
    if c.rows != m || c.columns != n { c = Matrix(rows: m, columns: n) }
    guard m > 0, n > 0 else { return }
    guard k > 0 else {
      c.elements.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
      return
    }
    a.elements.withUnsafeBufferPointer { a in
      b.elements.withUnsafeBufferPointer { b in
        c.elements.withUnsafeMutableBufferPointer { c in
          cblas_dgemm(
            CblasRowMajor, transposingA ? CblasTrans : CblasNoTrans, transposingB ? CblasTrans : CblasNoTrans,
            Int32(m), Int32(n), Int32(k), 1, a.baseAddress, Int32(transposingA ? m : k),
            b.baseAddress, Int32(transposingB ? k : n), 0, c.baseAddress, Int32(n))
        }
      }
    }
  }
}
