/// A function of one number applied by an activation layer, with its derivative.
///
/// `apply` and `backward` have default implementations that run `callAsFunction` and
/// `derivative` over every element; each conforming function gets its own compiled loop.
public protocol ActivationFunction: Sendable {
    /// The function with its default settings.
    init()
    /// y = f(x).
    func callAsFunction(_ x: Double) -> Double
    /// f'(x), which may be written with y = f(x) already computed (σ' = y(1 − y)).
    func derivative(x: Double, y: Double) -> Double
    /// Y = f(X), element by element, written into `y` (given X's shape if it has another).
    func apply(_ x: Matrix, into y: inout Matrix)
    /// ∂L/∂X = ∂L/∂Y ⊙ f'(X), given X and Y = f(X), written into `dX` (given ∂L/∂Y's shape
    /// if it has another).
    func backward(_ dY: Matrix, x: Matrix, y: Matrix, into dX: inout Matrix)
}

// MARK: - Element-wise defaults

public extension ActivationFunction {
    func apply(_ x: Matrix, into y: inout Matrix) {
        y.reshape(toOverwrite: x.rows, x.columns)
        y.elements.withUnsafeMutableBufferPointer { y in
            x.elements.withUnsafeBufferPointer { x in
                for k in x.indices { y[k] = self(x[k]) }
            }
        }
    }

    func backward(_ dY: Matrix, x: Matrix, y: Matrix, into dX: inout Matrix) {
        dX.reshape(toOverwrite: dY.rows, dY.columns)
        dX.elements.withUnsafeMutableBufferPointer { dX in
            dY.elements.withUnsafeBufferPointer { dY in
                x.elements.withUnsafeBufferPointer { x in
                    y.elements.withUnsafeBufferPointer { y in
                        for k in dY.indices { dX[k] = dY[k] * derivative(x: x[k], y: y[k]) }
                    }
                }
            }
        }
    }
}

/// A layer applying f to every element, Y = f(X), with backward ∂L/∂X = ∂L/∂Y ⊙ f'(X).
///
/// `Sigmoid`, `Tanh`, `ReLU` and `LeakyReLU` are this layer with their functions.
public final class Activation<Function: ActivationFunction>: Layer {
    /// The function f.
    public let function: Function
    /// X and Y = f(X) of the last forward pass, kept for f'(X).
    private var input = Matrix(rows: 0, columns: 0)
    private var output = Matrix(rows: 0, columns: 0)
    /// Storage for Y and for ∂L/∂X, reused from pass to pass.
    private var outputs = AlternatingBuffers()
    private var inputGradients = AlternatingBuffers()

    /// A layer applying `function`.
    public init(_ function: Function) {
        self.function = function
    }

    /// A layer applying the function with its default settings.
    public convenience init() {
        self.init(Function())
    }
}

// MARK: - Forward and backward

public extension Activation {
    /// Y = f(X), element by element.
    func forward(_ x: Matrix) -> Matrix {
        input = x
        output = outputs.next { function.apply(x, into: &$0) }
        return output
    }

    /// ∂L/∂X = ∂L/∂Y ⊙ f'(X).
    func backward(_ dY: Matrix) -> Matrix {
        precondition(
            dY.rows == output.rows && dY.columns == output.columns,
            "upstream gradient \(dY.shapeText) does not match the output \(output.shapeText)")
        return inputGradients.next { function.backward(dY, x: input, y: output, into: &$0) }
    }
}
