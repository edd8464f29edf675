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
        /// 64³, so that every product of a course-sized network has the same bits on every CPU.
        /// Measured on an AMD EPYC (Zen 5) against OpenBLAS 0.3.21's Haswell kernel, the loops
        /// are faster up to about 500 multiply-adds (a BLAS call costs about 0.1 µs), a little
        /// slower at the 2-10-10-1 network's 21×10·10×10 (0.27 µs against 0.21 µs) and 2.8 times
        /// slower at 64³ (26 µs against 9.5 µs). Up to 64³ OpenBLAS runs on one thread too; past
        /// it, it splits the work over the cores.
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
            "cannot multiply \(a.shapeText)\(transposingA ? "ᵀ" : "") by \(b.shapeText)\(transposingB ? "ᵀ" : ""): inner sizes differ"
        )
        // Both kernels overwrite every element.
        c.reshape(toOverwrite: m, n)
        guard m > 0, n > 0 else { return }
        guard k > 0 else {
            // Every sum is empty.
            c.elements.withUnsafeMutableBufferPointer { $0.update(repeating: 0) }
            return
        }
        if (kernel ?? .forProduct(m: m, k: k, n: n)) == .blas {
            BLAS.multiply(a, transposingA, b, transposingB, into: &c, m: m, k: k, n: n)
            return
        }
        a.elements.withUnsafeBufferPointer { a in
            b.elements.withUnsafeBufferPointer { b in
                c.elements.withUnsafeMutableBufferPointer { c in
                    guard transposingB else {
                        return loops(a.baseAddress!, transposingA, b.baseAddress!, c.baseAddress!, m: m, k: k, n: n)
                    }
                    // The loops read op(B) row by row: a transposed B is copied into that layout first,
                    // on the stack when it is small.
                    withUnsafeTemporaryAllocation(of: Double.self, capacity: k * n) { rows in
                        for p in 0..<k {
                            for j in 0..<n { rows[p * n + j] = b[j * k + p] }
                        }
                        loops(
                            a.baseAddress!, transposingA, UnsafePointer(rows.baseAddress!), c.baseAddress!, m: m, k: k,
                            n: n)
                    }
                }
            }
        }
    }

    /// Cᵢⱼ = Σₚ op(A)ᵢₚ Bₚⱼ with B k×n row by row, each sum taken in the order p = 0, 1, …
    ///
    /// C is computed in tiles of up to 4 rows by 8, 4, 2 or 1 columns, the tile's sums held in
    /// registers (one SIMD lane each) while p runs, so that many independent sums advance at
    /// once. Tiles change only the speed, never the order in which any one sum is taken.
    private static func loops(
        _ a: UnsafePointer<Double>, _ transposingA: Bool, _ b: UnsafePointer<Double>, _ c: UnsafeMutablePointer<Double>,
        m: Int, k: Int, n: Int
    ) {
        // op(A)ᵢₚ lives at a[i·rowStride + p·columnStride].
        let (rowStride, columnStride) = transposingA ? (1, m) : (k, 1)
        var j = 0
        func columns<V: Lanes>(_: V.Type) {
            var i = 0
            while i + 4 <= m {
                tile(V.self, rows: 4, a + i * rowStride, rowStride, columnStride, b + j, c + i * n + j, k: k, n: n)
                i += 4
            }
            if i < m {
                tile(V.self, rows: m - i, a + i * rowStride, rowStride, columnStride, b + j, c + i * n + j, k: k, n: n)
            }
            j += V.count
        }
        while j + 8 <= n { columns(SIMD8<Double>.self) }
        if j + 4 <= n { columns(SIMD4<Double>.self) }
        if j + 2 <= n { columns(SIMD2<Double>.self) }
        if j < n { columns(Double.self) }
    }

    /// The tile of `rows` (1 to 4) rows by V.count columns whose top left element is c[0]:
    /// c[r·n + l] = Σₚ a[r·rowStride + p·columnStride] · b[p·n + l], summed over p in order.
    @inline(__always)
    private static func tile<V: Lanes>(
        _: V.Type, rows: Int, _ a: UnsafePointer<Double>, _ rowStride: Int, _ columnStride: Int,
        _ b: UnsafePointer<Double>, _ c: UnsafeMutablePointer<Double>, k: Int, n: Int
    ) {
        var s0 = V(repeating: 0), s1 = s0, s2 = s0, s3 = s0
        for p in 0..<k {
            let row = V(loadingFrom: b + p * n), a = a + p * columnStride
            s0 = s0 + V(repeating: a[0]) * row
            if rows > 1 { s1 = s1 + V(repeating: a[rowStride]) * row }
            if rows > 2 { s2 = s2 + V(repeating: a[2 * rowStride]) * row }
            if rows > 3 { s3 = s3 + V(repeating: a[3 * rowStride]) * row }
        }
        s0.store(to: c)
        if rows > 1 { s1.store(to: c + n) }
        if rows > 2 { s2.store(to: c + 2 * n) }
        if rows > 3 { s3.store(to: c + 3 * n) }
    }
}

/// A number or a SIMD vector of Doubles: what one register of the loops holds. Its `*` and
/// `+` round each lane like Double's own (never fused).
protocol Lanes {
    /// How many Doubles it holds.
    static var count: Int { get }
    init(repeating value: Double)
    /// The `count` Doubles at `address`.
    init(loadingFrom address: UnsafePointer<Double>)
    func store(to address: UnsafeMutablePointer<Double>)
    static func * (lhs: Self, rhs: Self) -> Self
    static func + (lhs: Self, rhs: Self) -> Self
}

extension Double: Lanes {
    static var count: Int { 1 }
    init(repeating value: Double) { self = value }
    init(loadingFrom address: UnsafePointer<Double>) { self = address.pointee }
    func store(to address: UnsafeMutablePointer<Double>) { address.pointee = self }
}

extension SIMD2<Double>: Lanes {}
extension SIMD4<Double>: Lanes {}
extension SIMD8<Double>: Lanes {}

extension Lanes where Self: SIMD, Self.Scalar == Double {
    static var count: Int { scalarCount }
    init(loadingFrom address: UnsafePointer<Double>) { self = UnsafeRawPointer(address).loadUnaligned(as: Self.self) }
    func store(to address: UnsafeMutablePointer<Double>) {
        UnsafeMutableRawPointer(address).storeBytes(of: self, as: Self.self)
    }
}
