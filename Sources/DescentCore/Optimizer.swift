/// A rule that moves parameters against their gradients, x ← x − (step computed from g).
///
/// An optimizer keeps per-parameter memory (a velocity, a sum of squares, moments) in
/// `State`; `step` applies `update` to every parameter, and `path` applies it to a point of
/// a test function to record the route it takes.
public protocol Optimizer: AnyObject {
    /// What the optimizer remembers about one parameter between steps.
    associatedtype State
    /// The memory for each parameter, keyed by the parameter's identity.
    var states: [ObjectIdentifier: State] { get set }
    /// Updates x in place from its gradient g; `state` is nil on a parameter's first step.
    func update(_ x: inout Matrix, gradient g: Matrix, state: inout State?)
    /// One update of every parameter from the gradient its layer's backward pass left.
    func step(_ parameters: [Parameter])
}

// MARK: - Stepping

public extension Optimizer {
    /// One update of every parameter from the gradient its layer's backward pass left.
    func step(_ parameters: [Parameter]) {
        for parameter in parameters {
            let key = ObjectIdentifier(parameter)
            var state = states.removeValue(forKey: key)
            update(&parameter.value, gradient: parameter.gradient, state: &state)
            states[key] = state
        }
    }

    /// Minimises a function from `start`: `steps` updates x ← update(x, ∇f(x)), returning
    /// the path [x⁽⁰⁾, x⁽¹⁾, …, x⁽ˢᵗᵉᵖˢ⁾] for a contour plot.
    func path(from start: [Double], steps: Int, gradient: ([Double]) -> [Double]) -> [[Double]] {
        var x = Matrix(row: start)
        var state: State?
        var path = [start]
        for _ in 0..<steps {
            let g = gradient(x.elements)
            precondition(g.count == start.count, "the gradient has \(g.count) entries, the point \(start.count)")
            update(&x, gradient: Matrix(row: g), state: &state)
            path.append(x.elements)
        }
        return path
    }

    /// Forgets all per-parameter memory.
    func reset() { states = [:] }
}
