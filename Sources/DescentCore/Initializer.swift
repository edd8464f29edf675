/// How the entries of a fresh fanIn×fanOut weight matrix are drawn.
///
/// | case            | distribution                         | variance            |
/// |-----------------|--------------------------------------|---------------------|
/// | `zeros`         | 0                                    | 0                   |
/// | `constant(c)`   | c                                    | 0                   |
/// | `normal(σ)`     | N(0, σ²)                             | σ²                  |
/// | `uniform(a…b)`  | U(a, b)                              | (b − a)²/12         |
/// | `xavierNormal`  | N(0, 2/(n_in + n_out))               | 2/(n_in + n_out)    |
/// | `xavierUniform` | U(−r, r), r = √(6/(n_in + n_out))    | 2/(n_in + n_out)    |
/// | `heNormal`      | N(0, 2/n_in)                         | 2/n_in              |
/// | `heUniform`     | U(−r, r), r = √(6/n_in)              | 2/n_in              |
///
/// Xavier/Glorot (2010) keeps the variance of activations and of gradients steady through
/// tanh layers; He/Kaiming (2015) doubles it for ReLU, which zeroes half its inputs.
public enum Initializer: Sendable {
    case zeros
    case constant(Double)
    case normal(standardDeviation: Double)
    case uniform(ClosedRange<Double>)
    case xavierNormal
    case xavierUniform
    case heNormal
    case heUniform
}

// MARK: - Variance and drawing

public extension Initializer {
    /// The variance of one entry for a layer from `fanIn` to `fanOut` units.
    func variance(fanIn: Int, fanOut: Int) -> Double {
        switch self {
        case .zeros, .constant: 0
        case .normal(let sigma): sigma * sigma
        case .uniform(let range): (range.upperBound - range.lowerBound) * (range.upperBound - range.lowerBound) / 12
        case .xavierNormal, .xavierUniform: 2 / Double(fanIn + fanOut)
        case .heNormal, .heUniform: 2 / Double(fanIn)
        }
    }

    /// A fanIn×fanOut matrix drawn from this distribution.
    func matrix(fanIn: Int, fanOut: Int, using generator: inout SeededGenerator) -> Matrix {
        let sigma = variance(fanIn: fanIn, fanOut: fanOut).squareRoot()
        switch self {
        case .zeros:
            return Matrix(rows: fanIn, columns: fanOut)
        case .constant(let c):
            return Matrix(rows: fanIn, columns: fanOut, repeating: c)
        case .uniform(let range):
            return .uniform(rows: fanIn, columns: fanOut, in: range, using: &generator)
        case .normal, .xavierNormal, .heNormal:
            return .normal(rows: fanIn, columns: fanOut, standardDeviation: sigma, using: &generator)
        case .xavierUniform, .heUniform:
            // U(−r, r) has variance r²/3, so r = √3·σ: √(6/(n_in + n_out)) or √(6/n_in).
            let r = 3.0.squareRoot() * sigma
            return .uniform(rows: fanIn, columns: fanOut, in: -r...r, using: &generator)
        }
    }
}
