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
  /// ten outside that range. Non-finite values read "NaN", "∞" and "−∞".
  static func significant(_ value: Double, digits: Int = 3) -> NumberLabel {
    precondition(digits >= 1, "at least one significant digit")
    if value.isNaN { return .plain("NaN") }
    if value.isInfinite { return .plain(value > 0 ? "∞" : "−∞") }
    if value == 0 { return .plain("0") }
    var exponent = Int(log10(value.magnitude).rounded(.down))
    var units = (value.magnitude / pow(10, Double(exponent - digits + 1))).rounded()
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
