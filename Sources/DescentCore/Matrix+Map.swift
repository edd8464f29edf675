// MARK: - Applying a function to every element

public extension Matrix {
  /// f applied to every element: (f(A))ᵢⱼ = f(Aᵢⱼ).
  func map(_ f: (Double) -> Double) -> Matrix {
    Matrix(rows: rows, columns: columns, elements: elements.map(f))
  }

  /// f applied to each pair of elements at the same position: Cᵢⱼ = f(Aᵢⱼ, Bᵢⱼ).
  func zipMap(_ other: Matrix, _ f: (Double, Double) -> Double) -> Matrix {
    precondition(
      rows == other.rows && columns == other.columns,
      "cannot pair elements of \(shapeText) and \(other.shapeText)")
    var result = self
    result.elements.withUnsafeMutableBufferPointer { a in
      other.elements.withUnsafeBufferPointer { b in
        for k in a.indices { a[k] = f(a[k], b[k]) }
      }
    }
    return result
  }

  /// Replaces every element x by f(x), in place.
  mutating func apply(_ f: (Double) -> Double) {
    elements.withUnsafeMutableBufferPointer { a in
      for k in a.indices { a[k] = f(a[k]) }
    }
  }
}
