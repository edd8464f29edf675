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
  /// Y = f(X), element by element.
  func apply(_ x: Matrix) -> Matrix
  /// ∂L/∂X = ∂L/∂Y ⊙ f'(X), given X and Y = f(X).
  func backward(_ dY: Matrix, x: Matrix, y: Matrix) -> Matrix
}

// MARK: - Element-wise defaults

public extension ActivationFunction {
  func apply(_ x: Matrix) -> Matrix { x.map(callAsFunction) }

  func backward(_ dY: Matrix, x: Matrix, y: Matrix) -> Matrix {
    // Written into new storage rather than a copy of ∂L/∂Y, which the caller still holds.
    let elements = dY.elements.withUnsafeBufferPointer { dY in
      x.elements.withUnsafeBufferPointer { x in
        y.elements.withUnsafeBufferPointer { y in
          [Double](unsafeUninitializedCapacity: dY.count) { dX, count in
            for k in dY.indices { dX.initializeElement(at: k, to: dY[k] * derivative(x: x[k], y: y[k])) }
            count = dY.count
          }
        }
      }
    }
    return Matrix(rows: dY.rows, columns: dY.columns, elements: elements)
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
    output = function.apply(x)
    return output
  }

  /// ∂L/∂X = ∂L/∂Y ⊙ f'(X).
  func backward(_ dY: Matrix) -> Matrix {
    precondition(
      dY.rows == output.rows && dY.columns == output.columns,
      "upstream gradient \(dY.shapeText) does not match the output \(output.shapeText)")
    return function.backward(dY, x: input, y: output)
  }
}
