import Foundation

/// A number as a figure prints it: plain digits ("0.25"), or a mantissa times a power of
/// ten ("2×10⁻⁵"), or a bare power of ten ("10³") on a log axis.
///
/// The exponent is drawn as a superscript `<tspan>`; `plain` is the same number as words
/// and descriptions write it ("2e−5").
struct NumberLabel: Equatable {
    /// The digits before "×10", or the whole number when `exponent` is nil; nil for 10ᵏ.
    var mantissa: String?
    /// The power of ten, or nil for plain digits.
    var exponent: Int?

    /// The number on one line of plain text: "0.25", "2e−5", "1e3".
    var plain: String {
        guard let exponent else { return mantissa ?? "" }
        return (mantissa ?? "1") + "e" + Format.fixed(exponent, decimals: 0)
    }

    /// The text before the superscript, and the superscript (nil when there is none).
    var parts: (base: String, superscript: String?) {
        guard let exponent else { return (mantissa ?? "", nil) }
        let base = mantissa.map { $0 + "×10" } ?? "10"
        return (base, Format.fixed(exponent, decimals: 0))
    }
}

extension NumberLabel {
    /// Plain digits.
    static func plain(_ text: String) -> NumberLabel { NumberLabel(mantissa: text, exponent: nil) }

    /// 10ᵏ.
    static func power(_ k: Int) -> NumberLabel { NumberLabel(mantissa: nil, exponent: k) }

    /// `value` to `digits` significant digits; plain from 10⁻⁴ up to 10⁶, with a power of
    /// ten outside that range. Non-finite values read "not a number", "∞" and "−∞".
    static func significant(_ value: Double, digits: Int = 3) -> NumberLabel {
        precondition(digits >= 1, "at least one significant digit")
        if value.isNaN { return .plain("not a number") }
        if value.isInfinite { return .plain(value > 0 ? "∞" : "−∞") }
        if value == 0 { return .plain("0") }
        var exponent = Int(log10(value.magnitude).rounded(.down))
        var units = timesPowerOfTen(value.magnitude, digits - 1 - exponent).rounded()
        if units >= pow(10, Double(digits)) {
            units = (units / 10).rounded()
            exponent += 1
        }
        let sign = value < 0 ? -1 : 1
        let shift = exponent - digits + 1
        if (-4..<6).contains(exponent) {
            if shift >= 0 { return .plain(Format.fixed(sign * Int(units) * Format.powerOfTen(shift), decimals: 0)) }
            return .plain(Format.fixed(sign * Int(units), decimals: -shift))
        }
        return NumberLabel(mantissa: Format.fixed(sign * Int(units), decimals: digits - 1), exponent: exponent)
    }
}

/// v·10ᵏ, in steps of at most 10²⁰⁰ so that neither the power nor the product overflows
/// on the way (5e−324·10³²⁶ is 500, though 10³²⁶ is not a Double).
private func timesPowerOfTen(_ v: Double, _ k: Int) -> Double {
    var (result, rest) = (v, k)
    while rest != 0 {
        let step = max(-200, min(200, rest))
        result *= pow(10, Double(step))
        rest -= step
    }
    return result
}
