internal import COpenBLAS

// MARK: - Matrix product

public extension Matrix {
  /// The matrix product C = AB, with Cᵢⱼ = Σₖ AᵢₖBₖⱼ; A is m×k, B is k×n, C is m×n.
  ///
  /// A product of at most `Kernel.largestFixedOrderProduct` multiply-adds (every product of
  /// a course-sized network) is computed by the fixed-order loops, so its result is the same
  /// on every CPU; a larger one by the BLAS (`cblas_dgemm`, see `BLAS`), whose sums run in an
  /// order that depends on the CPU's kernel. `referenceProduct` always takes the loops, and
  /// the tests hold the two equal to rounding.
  static func * (lhs: Matrix, rhs: Matrix) -> Matrix {
    var product = Matrix(rows: 0, columns: 0)
    gemm(lhs, rhs, into: &product)
    return product
  }

  /// The matrix product computed by the fixed-order loops, whatever its size: the reference
  /// kernel. Each Cᵢⱼ = (…((Aᵢ₀B₀ⱼ + Aᵢ₁B₁ⱼ) + Aᵢ₂B₂ⱼ) + …) is summed in the order of the
  /// definition, one rounded product and one rounded sum per term (never a fused
  /// multiply-add), so it is the textbook sum to the last bit.
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
    /// `cblas_dgemm` from the BLAS.
    case blas
    /// The fixed-order loops in Swift.
    case loops

    /// The most multiply-adds (m·k·n) a product may have and still be computed by the loops:
    /// 64³. Measured on an AMD EPYC (Zen 5) against OpenBLAS 0.3.21's Haswell kernel on one
    /// thread, the loops are faster up to about 500 multiply-adds (the BLAS call costs about
    /// 0.1 µs), as fast at the 2-10-10-1 network's 21×10·10×10 (0.26 µs against 0.23 µs) and
    /// 2.6 times slower at 64³ (27 µs against 10 µs). Up to 64³ OpenBLAS also runs on one
    /// thread; past it, it splits the work over the cores, which the loops do not.
    static let largestFixedOrderProduct = 64 * 64 * 64

    /// The kernel for a product of m·k·n multiply-adds. It depends on the shape alone, never
    /// on the machine, so which results can differ between CPUs is known in advance.
    static func forProduct(m: Int, k: Int, n: Int) -> Kernel {
      m * k * n <= largestFixedOrderProduct ? .loops : .blas
    }
  }

  /// C ← op(A)·op(B), where op transposes its argument when asked, without allocating
  /// when C already has the right shape. The kernel is chosen by size unless one is given.
  static func gemm(
    _ a: Matrix, transposingA: Bool = false, _ b: Matrix, transposingB: Bool = false,
    into c: inout Matrix, kernel: Kernel? = nil
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
    if (kernel ?? .forProduct(m: m, k: k, n: n)) == .blas && k > 0 {
      BLAS.multiply(a, transposingA, b, transposingB, into: &c, m: m, k: k, n: n)
      return
    }
    // The loops read op(B) row by row; a transposed B is copied into that layout first.
    let rowsOfB = transposingB ? b.T : b
    a.elements.withUnsafeBufferPointer { a in
      rowsOfB.elements.withUnsafeBufferPointer { b in
        c.elements.withUnsafeMutableBufferPointer { c in
          loops(a.baseAddress!, transposingA, b.baseAddress!, c.baseAddress!, m: m, k: k, n: n)
        }
      }
    }
  }

  /// Cᵢⱼ = Σₚ op(A)ᵢₚ Bₚⱼ with B k×n row by row, each sum taken in the order p = 0, 1, …
  /// Row i of C is computed in blocks of 8, 4, 2 and 1 columns, each block's sums held in
  /// one SIMD register while p runs: the lanes are independent sums, so the blocks change
  /// only the speed, never the order of any sum.
  private static func loops(
    _ a: UnsafePointer<Double>, _ transposingA: Bool, _ b: UnsafePointer<Double>, _ c: UnsafeMutablePointer<Double>,
    m: Int, k: Int, n: Int
  ) {
    // op(A)ᵢₚ lives at a[i·rowStride + p·columnStride].
    let (rowStride, columnStride) = transposingA ? (1, m) : (k, 1)
    for i in 0..<m {
      let row = a + i * rowStride, out = c + i * n
      var j = 0
      while j + 8 <= n {
        sums(of: SIMD8<Double>.self, row: row, columnStride: columnStride, b + j, into: out + j, k: k, n: n)
        j += 8
      }
      if j + 4 <= n {
        sums(of: SIMD4<Double>.self, row: row, columnStride: columnStride, b + j, into: out + j, k: k, n: n)
        j += 4
      }
      if j + 2 <= n {
        sums(of: SIMD2<Double>.self, row: row, columnStride: columnStride, b + j, into: out + j, k: k, n: n)
        j += 2
      }
      if j < n {
        var sum = 0.0
        for p in 0..<k { sum += row[p * columnStride] * b[p * n + j] }
        out[j] = sum
      }
    }
  }

  /// out[0..<V.scalarCount] = Σₚ rowₚ · b[p·n ..< p·n + V.scalarCount], summed over p in order.
  @inline(__always)
  private static func sums<V: SIMD>(
    of _: V.Type, row: UnsafePointer<Double>, columnStride: Int, _ b: UnsafePointer<Double>,
    into out: UnsafeMutablePointer<Double>, k: Int, n: Int
  ) where V.Scalar == Double {
    var sum = V()
    for p in 0..<k {
      sum += V(repeating: row[p * columnStride]) * UnsafeRawPointer(b + p * n).loadUnaligned(as: V.self)
    }
    UnsafeMutableRawPointer(out).storeBytes(of: sum, as: V.self)
  }
}
