internal import COpenBLAS

// MARK: - Matrix product

public extension Matrix {
  /// The matrix product C = AB, with Cᵢⱼ = Σₖ AᵢₖBₖⱼ; A is m×k, B is k×n, C is m×n.
  ///
  /// Computed by OpenBLAS (`cblas_dgemm`); `referenceProduct` is the same sum written as
  /// loops in Swift, and the tests hold the two equal.
  static func * (lhs: Matrix, rhs: Matrix) -> Matrix {
    var product = Matrix(rows: 0, columns: 0)
    gemm(lhs, rhs, into: &product)
    return product
  }

  /// The matrix product Cᵢⱼ = Σₖ AᵢₖBₖⱼ as plain loops in Swift: the reference kernel.
  static func referenceProduct(_ lhs: Matrix, _ rhs: Matrix) -> Matrix {
    var product = Matrix(rows: 0, columns: 0)
    gemm(lhs, rhs, into: &product, kernel: .loops)
    return product
  }
}

// MARK: - Into an existing matrix, for the training hot path

extension Matrix {
  /// Which code computes a product.
  enum Kernel {
    /// OpenBLAS's `cblas_dgemm`.
    case blas
    /// Three loops in Swift.
    case loops
  }

  /// C ← op(A)·op(B), where op transposes its argument when asked, without allocating
  /// when C already has the right shape.
  static func gemm(
    _ a: Matrix, transposingA: Bool = false, _ b: Matrix, transposingB: Bool = false,
    into c: inout Matrix, kernel: Kernel = .blas
  ) {
    let m = transposingA ? a.columns : a.rows
    let k = transposingA ? a.rows : a.columns
    let n = transposingB ? b.rows : b.columns
    precondition(
      k == (transposingB ? b.columns : b.rows),
      "cannot multiply \(a.shapeText)\(transposingA ? "ᵀ" : "") by \(b.shapeText)\(transposingB ? "ᵀ" : ""): inner sizes differ")
    if c.rows != m || c.columns != n {
      // Both kernels overwrite every element, so the new storage need not be zeroed first.
      c = Matrix(rows: m, columns: n, elements: Array(unsafeUninitializedCapacity: m * n) { _, count in count = m * n })
    }
    guard m > 0, n > 0 else { return }
    a.elements.withUnsafeBufferPointer { a in
      b.elements.withUnsafeBufferPointer { b in
        c.elements.withUnsafeMutableBufferPointer { c in
          if kernel == .blas && k > 0 {
            cblas_dgemm(
              CblasRowMajor, transposingA ? CblasTrans : CblasNoTrans, transposingB ? CblasTrans : CblasNoTrans,
              Int32(m), Int32(n), Int32(k), 1, a.baseAddress, Int32(transposingA ? m : k),
              b.baseAddress, Int32(transposingB ? k : n), 0, c.baseAddress, Int32(n))
          } else {
            loops(a, transposingA, b, transposingB, c, m: m, k: k, n: n)
          }
        }
      }
    }
  }

  /// Cᵢⱼ = Σₖ op(A)ᵢₖ op(B)ₖⱼ. Without a transposed B the loops run i, k, j, adding
  /// op(A)ᵢₖ × row k of B to row i of C; with one they run i, j, k, a dot product of row i
  /// of op(A) with row j of B. Either way the innermost loop walks memory in order.
  private static func loops(
    _ a: UnsafeBufferPointer<Double>, _ transposingA: Bool, _ b: UnsafeBufferPointer<Double>, _ transposingB: Bool,
    _ c: UnsafeMutableBufferPointer<Double>, m: Int, k: Int, n: Int
  ) {
    // op(A)ᵢₚ lives at a[i·rowStride + p·columnStride].
    let (rowStride, columnStride) = transposingA ? (1, m) : (k, 1)
    for i in 0..<m {
      if transposingB {
        for j in 0..<n {
          var sum = 0.0
          for p in 0..<k { sum += a[i * rowStride + p * columnStride] * b[j * k + p] }
          c[i * n + j] = sum
        }
      } else {
        for j in 0..<n { c[i * n + j] = 0 }
        for p in 0..<k {
          let aip = a[i * rowStride + p * columnStride]
          for j in 0..<n { c[i * n + j] += aip * b[p * n + j] }
        }
      }
    }
  }
}
