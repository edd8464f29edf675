// MARK: - Numerical derivatives

/// The slope of the chord of `along` from offset −h to +h, (g(h) − g(−h)) / 2h: the one
/// central quotient behind the core's numerical derivatives. `along(d)` is the function at
/// the point moved by d, so the point x + d is formed by the caller (x + (−h) is x − h exactly).
func centralQuotient(step h: Double, along g: (Double) -> Double) -> Double {
    let rise = g(h) - g(-h)
    return rise / (2 * h)
}

/// The central difference f'(x) ≈ (f(x + h) − f(x − h)) / 2h, whose error is O(h²).
public func centralDifference(at x: Double, step h: Double = 1e-5, of f: (Double) -> Double) -> Double {
    centralQuotient(step: h) { f(x + $0) }
}

/// The gradient of f at x by central differences, one coordinate at a time:
/// ∂f/∂xᵢ ≈ (f(x + h·eᵢ) − f(x − h·eᵢ)) / 2h.
public func numericalGradient(at x: [Double], step h: Double = 1e-5, of f: ([Double]) -> Double) -> [Double] {
    x.indices.map { i in
        centralQuotient(step: h) { offset in
            var moved = x
            moved[i] += offset
            return f(moved)
        }
    }
}

/// The Hessian Hᵢⱼ = ∂²f/∂xᵢ∂xⱼ at x, from central differences of central differences:
///
///     Hᵢⱼ ≈ [f(x + heᵢ + heⱼ) − f(x + heᵢ − heⱼ) − f(x − heᵢ + heⱼ) + f(x − heᵢ − heⱼ)] / 4h²
///
/// The error is O(h²); the default h = 10⁻⁴ balances it against round-off (which grows as 1/h²).
public func numericalHessian(at x: [Double], step h: Double = 1e-4, of f: ([Double]) -> Double) -> Matrix {
    let n = x.count
    var hessian = Matrix(rows: n, columns: n)
    func shifted(_ i: Int, _ si: Double, _ j: Int, _ sj: Double) -> Double {
        var y = x
        y[i] += si * h
        y[j] += sj * h
        return f(y)
    }
    for i in 0..<n {
        for j in i..<n {
            let value =
                (shifted(i, 1, j, 1) - shifted(i, 1, j, -1) - shifted(i, -1, j, 1) + shifted(i, -1, j, -1))
                / (4 * h * h)
            hessian[i, j] = value
            hessian[j, i] = value
        }
    }
    return hessian
}
