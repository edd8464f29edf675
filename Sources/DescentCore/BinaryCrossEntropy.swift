#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Binary cross-entropy computed from logits z (B×1), with labels y ∈ {0, 1}.
///
/// With p = σ(z) the loss is L = −(1/B) Σ [y ln p + (1 − y) ln(1 − p)]. Written in z it is
///
///     L = (1/B) Σ [max(z, 0) − z·y + ln(1 + e^(−|z|))],   ∂L/∂z = (1/B)(σ(z) − y),
///
/// which never takes the logarithm of 0, however confident the prediction. A network for
/// binary classification therefore ends in a linear layer; the final sigmoid lives in here,
/// and σ(z) > 1/2 (z > 0) predicts class 1.
public struct BinaryCrossEntropy: Loss {
    public init() {}
}

// MARK: - Value and gradient

public extension BinaryCrossEntropy {
    func value(_ logits: Matrix, _ target: Matrix) -> Double {
        requireSameShape(logits, target)
        precondition(logits.count > 0, "the mean loss over an empty batch is undefined")
        return logits.zipSum(target) { z, y in max(z, 0) - z * y + log1p(exp(-abs(z))) } / Double(logits.count)
    }

    func gradient(_ logits: Matrix, _ target: Matrix) -> Matrix {
        requireSameShape(logits, target)
        let scale = 1 / Double(logits.count)
        return logits.zipMap(target) { z, y in scale * (sigmoid(z) - y) }
    }

    /// The fraction of samples with (z > 0) = (y = 1).
    func accuracy(_ logits: Matrix, _ target: Matrix) -> Double? {
        requireSameShape(logits, target)
        let correct = logits.zipSum(target) { z, y in (z > 0) == (y > 0.5) ? 1 : 0 }
        return correct / Double(logits.count)
    }
}
