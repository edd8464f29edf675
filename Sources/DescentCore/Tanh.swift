#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The hyperbolic tangent tanh x = (eˣ − e⁻ˣ)/(eˣ + e⁻ˣ), with tanh'(x) = 1 − tanh²x ≤ 1.
///
/// Computed as the Cephes library does, within 2 ulp of the C library's `tanh`: for
/// |x| < 0.625 the odd rational approximation x + x·z·P(z)/Q(z) with z = x², and elsewhere
/// ±(1 − 2/(e^(2|x|) + 1)). Over a matrix the exponentials are taken in one pass and the
/// rest in a second, branch-free pass that the compiler vectorises.
public struct TanhFunction: ActivationFunction {
    public init() {}
    public func callAsFunction(_ x: Double) -> Double { Self.tanh(x, exponential: exp(2 * abs(x))) }
    public func derivative(x: Double, y: Double) -> Double { 1 - y * y }

    public func apply(_ x: Matrix, into y: inout Matrix) {
        y.reshape(toOverwrite: x.rows, x.columns)
        y.elements.withUnsafeMutableBufferPointer { y in
            x.elements.withUnsafeBufferPointer { x in
                for k in x.indices { y[k] = exp(2 * abs(x[k])) }
                for k in x.indices { y[k] = Self.tanh(x[k], exponential: y[k]) }
            }
        }
    }
}

/// A tanh layer, Y = tanh(X), with ∂L/∂X = ∂L/∂Y ⊙ (1 − Y²).
public typealias Tanh = Activation<TanhFunction>

// MARK: - Helpers

private extension TanhFunction {
    /// tanh x given e = e^(2|x|).
    @inline(__always)
    static func tanh(_ x: Double, exponential e: Double) -> Double {
        let z = x * x
        let p = (-9.64399179425052238628e-1 * z - 9.92877231001918586564e1) * z - 1.61468768441708447952e3
        let q = ((z + 1.12811678491632931402e2) * z + 2.23548839060100448583e3) * z + 4.84406305325125486048e3
        let nearZero = x + x * z * p / q
        let away = 1 - 2 / (e + 1)
        return abs(x) < 0.625 ? nearZero : (x < 0 ? -away : away)
    }
}
