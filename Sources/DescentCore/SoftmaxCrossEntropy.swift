#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Softmax cross-entropy on class scores S (B×C), with targets the class indices (B×1).
///
///     pᵢⱼ = e^(sᵢⱼ) / Σₖ e^(sᵢₖ)       L = −(1/B) Σᵢ ln pᵢ,yᵢ       ∂L/∂sᵢⱼ = (1/B)(pᵢⱼ − [j = yᵢ])
///
/// The largest score of each row is subtracted before exponentiating, which leaves p
/// unchanged and keeps e^s from overflowing.
public struct SoftmaxCrossEntropy: Loss {
    public init() {}
}

// MARK: - Value and gradient

public extension SoftmaxCrossEntropy {
    /// L = −(1/B) Σᵢ ln pᵢ,yᵢ, with ln pᵢⱼ = (sᵢⱼ − mᵢ) − ln Σₖ e^(sᵢₖ − mᵢ), mᵢ = maxₖ sᵢₖ,
    /// so that a vanishing probability gives a large finite loss rather than ln 0.
    func value(_ scores: Matrix, _ labels: Matrix) -> Double {
        precondition(
            labels.rows == scores.rows && labels.columns == 1,
            "labels \(labels.shapeText) must be a \(scores.rows)×1 column of class indices for scores \(scores.shapeText)"
        )
        let shifted = scores - scores.max(along: .columns)
        let logNormalizer = shifted.map(exp).sum(along: .columns).map(log)
        let classes = classIndices(labels)
        return -(0..<scores.rows).reduce(0) { $0 + shifted[$1, classes[$1]] - logNormalizer[$1, 0] }
            / Double(scores.rows)
    }

    func gradient(_ scores: Matrix, _ labels: Matrix) -> Matrix {
        var dS = probabilities(scores, labels)
        for (i, c) in classIndices(labels).enumerated() { dS[i, c] -= 1 }
        return dS / Double(scores.rows)
    }

    /// The fraction of rows whose largest score is at the labelled class.
    func accuracy(_ scores: Matrix, _ labels: Matrix) -> Double? {
        let predicted = scores.argmaxOfEachRow()
        let correct = zip(predicted, classIndices(labels)).filter { $0 == $1 }.count
        return Double(correct) / Double(scores.rows)
    }

    /// The softmax of each row, pᵢⱼ = e^(sᵢⱼ − maxₖ sᵢₖ) / Σₖ e^(sᵢₖ − maxₖ sᵢₖ).
    static func softmax(_ scores: Matrix) -> Matrix {
        let shifted = scores - scores.max(along: .columns)
        let e = shifted.map(exp)
        return e / e.sum(along: .columns)
    }
}

// MARK: - Helpers

private extension SoftmaxCrossEntropy {
    func probabilities(_ scores: Matrix, _ labels: Matrix) -> Matrix {
        precondition(
            labels.rows == scores.rows && labels.columns == 1,
            "labels \(labels.shapeText) must be a \(scores.rows)×1 column of class indices for scores \(scores.shapeText)"
        )
        return Self.softmax(scores)
    }

    func classIndices(_ labels: Matrix) -> [Int] {
        labels.elements.map { label in
            precondition(label >= 0 && label == label.rounded(), "label \(label) is not a class index")
            return Int(label)
        }
    }
}
