import Foundation

/// A decimal number held exactly, as written: ±coefficient × 10^exponent.
///
/// Expected output is compared in this arithmetic, so a number is never rounded on its
/// way to the comparison: `9007199254740993` and `9007199254740992` stay one apart, while
/// a `Double` would hold them as the same value.
struct ExactDecimal: Equatable {
    var negative: Bool
    /// The coefficient's decimal digits, least significant first, without leading zeros
    /// (so zero has none).
    var digits: [UInt8]
    var exponent: Int

    /// The largest exponent written in the text that is read as a number; beyond it a
    /// number is compared as text (no program prints one: a `Double` stops at 1e308).
    static let exponentLimit = 9999

    init(negative: Bool = false, digits: [UInt8], exponent: Int) {
        self.negative = negative
        self.digits = Self.trimmed(digits)
        self.exponent = exponent
    }

    /// Reads `[+-]digits[.digits][(e|E)[+-]digits]` (at least one digit before the exponent);
    /// nil for anything else.
    init?(_ text: Substring) {
        var rest = text[...]
        let negative = rest.first == "-"
        if rest.first == "-" || rest.first == "+" { rest = rest.dropFirst() }
        let mantissa = rest.prefix { $0 != "e" && $0 != "E" }
        var exponent = 0
        if mantissa.endIndex < rest.endIndex {
            guard let written = Int(rest[rest.index(after: mantissa.endIndex)...]),
                (-Self.exponentLimit...Self.exponentLimit).contains(written)
            else { return nil }
            exponent = written
        }
        let parts = mantissa.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        let whole = parts[0], fraction = parts.count == 2 ? parts[1] : ""
        let written = whole + fraction
        guard !written.isEmpty, written.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        self.init(
            negative: negative, digits: written.reversed().map { UInt8($0.asciiValue! - 48) },
            exponent: exponent - fraction.count)
    }

    /// Half of one unit in the last written digit of `text` (`0.05` for `3.1`, `0.5` for `42`).
    static func halfUnitInLastPlace(of text: Substring) -> ExactDecimal? {
        ExactDecimal(text).map { ExactDecimal(digits: [5], exponent: $0.exponent - 1) }
    }

    /// |self − other|, exactly.
    func distance(to other: ExactDecimal) -> ExactDecimal {
        let low = min(exponent, other.exponent)
        let (a, b) = (scaled(to: low), other.scaled(to: low))
        if negative != other.negative { return ExactDecimal(digits: Self.sum(a, b), exponent: low) }
        return Self.order(a, b) == .orderedAscending
            ? ExactDecimal(digits: Self.difference(b, a), exponent: low)
            : ExactDecimal(digits: Self.difference(a, b), exponent: low)
    }

    /// Whether |self| ≤ |other|.
    func magnitudeIsAtMost(_ other: ExactDecimal) -> Bool {
        let low = min(exponent, other.exponent)
        return Self.order(scaled(to: low), other.scaled(to: low)) != .orderedDescending
    }
}

// MARK: - Digits

private extension ExactDecimal {
    /// The coefficient for `exponent` lowered to `low`: zeros appended at the low end.
    func scaled(to low: Int) -> [UInt8] {
        digits.isEmpty ? [] : [UInt8](repeating: 0, count: exponent - low) + digits
    }

    static func trimmed(_ digits: [UInt8]) -> [UInt8] {
        var digits = digits
        while digits.last == 0 { digits.removeLast() }
        return digits
    }

    /// Compares two trimmed coefficients with the same exponent.
    static func order(_ a: [UInt8], _ b: [UInt8]) -> ComparisonResult {
        if a.count != b.count { return a.count < b.count ? .orderedAscending : .orderedDescending }
        for (x, y) in zip(a.reversed(), b.reversed()) where x != y {
            return x < y ? .orderedAscending : .orderedDescending
        }
        return .orderedSame
    }

    static func sum(_ a: [UInt8], _ b: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        var carry: UInt8 = 0
        for index in 0..<max(a.count, b.count) {
            let total = (index < a.count ? a[index] : 0) + (index < b.count ? b[index] : 0) + carry
            result.append(total % 10)
            carry = total / 10
        }
        return carry > 0 ? result + [carry] : result
    }

    /// a − b for a ≥ b.
    static func difference(_ a: [UInt8], _ b: [UInt8]) -> [UInt8] {
        var result: [UInt8] = []
        var borrow: Int = 0
        for index in a.indices {
            var digit = Int(a[index]) - (index < b.count ? Int(b[index]) : 0) - borrow
            borrow = digit < 0 ? 1 : 0
            if digit < 0 { digit += 10 }
            result.append(UInt8(digit))
        }
        return trimmed(result)
    }
}
