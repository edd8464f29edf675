/// A scalar node of a computational graph, for teaching reverse-mode differentiation.
///
/// Every operation creates its output node and records, for each parent p, the local
/// gradient ∂out/∂p. `backward()` visits the nodes from the output back to the inputs and
/// applies the chain rule at each one:
///
///     ∂L/∂p += (∂out/∂p) · ∂L/∂out        (local gradient × upstream gradient)
///
/// A parent used twice receives both contributions, which is why gradients are added.
///
///     let x = Value(2), y = Value(3)
///     let f = x * y + x            // f = xy + x
///     f.backward()                 // x.grad = y + 1 = 4, y.grad = x = 2
public final class Value {
    /// The number this node holds.
    public var data: Double
    /// ∂L/∂self, filled in by `backward()` on the final node L.
    public var grad: Double = 0
    /// The operation that made this node ("+", "*", "tanh", …), or "" for an input.
    public let op: String
    /// The nodes this one was computed from.
    public let parents: [Value]
    /// Adds local gradient × upstream gradient into each parent's `grad`.
    private var propagate: () -> Void = {}

    /// An input node holding `data`.
    public init(_ data: Double) {
        self.data = data
        self.op = ""
        self.parents = []
    }

    private init(_ data: Double, op: String, parents: [Value]) {
        self.data = data
        self.op = op
        self.parents = parents
    }
}

// MARK: - Backward pass

public extension Value {
    /// Sets ∂L/∂L = 1 on this node L and propagates gradients to every node it depends on,
    /// each node only after all nodes that use it (reverse topological order).
    ///
    /// Every node's `grad` is reset to 0 first, so calling `backward()` again after changing
    /// the inputs' `data` and recomputing gives fresh gradients, not accumulated ones.
    func backward() {
        var order: [Value] = []
        var visited = Set<ObjectIdentifier>()
        func visit(_ node: Value) {
            guard visited.insert(ObjectIdentifier(node)).inserted else { return }
            for parent in node.parents { visit(parent) }
            order.append(node)
        }
        visit(self)
        for node in order { node.grad = 0 }
        grad = 1
        for node in order.reversed() { node.propagate() }
    }
}

// MARK: - Making nodes

extension Value {
    /// The node `out = data` made by `op` from parents with the given local gradients ∂out/∂p.
    static func node(_ data: Double, op: String, _ locals: [(parent: Value, gradient: Double)]) -> Value {
        let out = Value(data, op: op, parents: locals.map(\.parent))
        out.propagate = { [unowned out] in
            for (parent, local) in locals { parent.grad += local * out.grad }
        }
        return out
    }
}

// MARK: - Printing

extension Value: CustomStringConvertible {
    public var description: String { "Value(data: \(data), grad: \(grad))" }
}
