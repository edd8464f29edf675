#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

// MARK: - Arithmetic

/// Each operation states its local gradients, ∂out/∂a and ∂out/∂b.
public extension Value {
    /// a + b: ∂/∂a = 1, ∂/∂b = 1.
    static func + (a: Value, b: Value) -> Value { node(a.data + b.data, op: "+", [(a, 1), (b, 1)]) }
    /// a − b: ∂/∂a = 1, ∂/∂b = −1.
    static func - (a: Value, b: Value) -> Value { node(a.data - b.data, op: "-", [(a, 1), (b, -1)]) }
    /// a·b: ∂/∂a = b, ∂/∂b = a.
    static func * (a: Value, b: Value) -> Value { node(a.data * b.data, op: "*", [(a, b.data), (b, a.data)]) }
    /// a / b: ∂/∂a = 1/b, ∂/∂b = −a/b².
    static func / (a: Value, b: Value) -> Value {
        node(a.data / b.data, op: "/", [(a, 1 / b.data), (b, -a.data / (b.data * b.data))])
    }
    /// −a: ∂/∂a = −1.
    static prefix func - (a: Value) -> Value { node(-a.data, op: "neg", [(a, -1)]) }

    static func + (a: Value, b: Double) -> Value { a + Value(b) }
    static func + (a: Double, b: Value) -> Value { Value(a) + b }
    static func - (a: Value, b: Double) -> Value { a - Value(b) }
    static func - (a: Double, b: Value) -> Value { Value(a) - b }
    static func * (a: Value, b: Double) -> Value { a * Value(b) }
    static func * (a: Double, b: Value) -> Value { Value(a) * b }
    static func / (a: Value, b: Double) -> Value { a / Value(b) }
    static func / (a: Double, b: Value) -> Value { Value(a) / b }
}

// MARK: - Functions

public extension Value {
    /// aⁿ: ∂/∂a = n·aⁿ⁻¹.
    func power(_ n: Double) -> Value { .node(pow(data, n), op: "^\(n)", [(self, n * pow(data, n - 1))]) }

    /// eᵃ: ∂/∂a = eᵃ.
    func exp() -> Value {
        let e = libmExp(data)
        return .node(e, op: "exp", [(self, e)])
    }

    /// ln a: ∂/∂a = 1/a.
    func log() -> Value { .node(libmLog(data), op: "log", [(self, 1 / data)]) }

    /// tanh a: ∂/∂a = 1 − tanh²a.
    func tanh() -> Value {
        let t = libmTanh(data)
        return .node(t, op: "tanh", [(self, 1 - t * t)])
    }

    /// σ(a) = 1 / (1 + e⁻ᵃ): ∂/∂a = σ(a)(1 − σ(a)).
    func sigmoid() -> Value {
        let s = DescentCore.sigmoid(data)
        return .node(s, op: "sigmoid", [(self, s * (1 - s))])
    }

    /// max(0, a): ∂/∂a = 1 if a > 0, else 0.
    func relu() -> Value { .node(Swift.max(0, data), op: "relu", [(self, data > 0 ? 1 : 0)]) }
}

// MARK: - Helpers

// The C library's functions under names that the methods above do not shadow.
private func libmExp(_ x: Double) -> Double { exp(x) }
private func libmLog(_ x: Double) -> Double { log(x) }
private func libmTanh(_ x: Double) -> Double { tanh(x) }
