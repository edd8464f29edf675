/// Locale-free number formatting written digit by digit, so the same Double always gives
/// the same bytes on every machine.
///
/// Coordinates carry at most two decimals and never read "-0"; labels use the typographic
/// minus sign "−" (U+2212).
enum Format {
    /// A coordinate rounded to hundredths, trailing zeros dropped: 12.5, 3, -0.25.
    static func coordinate(_ value: Double) -> String {
        precondition(value.isFinite, "a coordinate must be finite, got \(value)")
        return fixed(Int((value * 100).rounded()), decimals: 2, minus: "-")
    }

    /// `units / 10^decimals` written exactly, trailing zeros of the fraction dropped.
    ///
    /// fixed(-1250, decimals: 3) is "−1.25"; fixed(0, …) is "0".
    static func fixed(_ units: Int, decimals: Int, minus: String = "−") -> String {
        if units == 0 { return "0" }
        let scale = UInt(powerOfTen(decimals))
        let magnitude = units.magnitude
        var text = String(magnitude / scale)
        if decimals > 0 {
            var fraction = String(magnitude % scale)
            fraction = String(repeating: "0", count: decimals - fraction.count) + fraction
            while fraction.last == "0" { fraction.removeLast() }
            if !fraction.isEmpty { text += "." + fraction }
        }
        return units < 0 ? minus + text : text
    }

    /// A number to `digits` significant digits, for descriptions and cell annotations:
    /// 0.000123 → "1.23e−4" past four leading zeros, 1234567 → "1.23e6" from a million.
    static func significant(_ value: Double, digits: Int = 3) -> String {
        let label = NumberLabel.significant(value, digits: digits)
        return label.plain
    }

    /// 10ⁿ as an integer, for n in 0...18.
    static func powerOfTen(_ n: Int) -> Int {
        precondition((0...18).contains(n), "10^\(n) does not fit in an Int")
        var result = 1
        for _ in 0..<n { result *= 10 }
        return result
    }
}
