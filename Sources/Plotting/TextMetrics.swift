/// An estimate of how wide a line of text renders, for layout without a font engine.
///
/// Latin letters and digits average about 0.58 em in a sans-serif face; CJK and other wide
/// characters take a full em. The estimate errs on the wide side so labels do not collide.
enum TextMetrics {
    static func width(_ text: String, fontSize: Double) -> Double {
        var ems = 0.0
        for scalar in text.unicodeScalars {
            switch scalar.value {
            case 0x2E80...0x9FFF, 0xAC00...0xD7AF, 0xF900...0xFAFF, 0xFF00...0xFF60: ems += 1
            case 0x20, 0x2E, 0x2C, 0x3A, 0x3B, 0x27, 0x69, 0x6A, 0x6C, 0x7C: ems += 0.3
            default: ems += 0.6
            }
        }
        return ems * fontSize
    }

    /// The width of a number label, its superscript set at 70 % size.
    static func width(_ label: NumberLabel, fontSize: Double) -> Double {
        let (base, superscript) = label.parts
        return width(base, fontSize: fontSize) + width(superscript ?? "", fontSize: fontSize * 0.7)
    }

    /// `text` broken at spaces into lines no wider than `width` (a word wider than that gets
    /// a line of its own).
    static func wrap(_ text: String, width: Double, fontSize: Double) -> [String] {
        var lines: [String] = []
        var line = ""
        for word in text.split(separator: " ", omittingEmptySubsequences: false) {
            let candidate = line.isEmpty ? String(word) : line + " " + word
            if !line.isEmpty && Self.width(candidate, fontSize: fontSize) > width {
                lines.append(line)
                line = String(word)
            } else {
                line = candidate
            }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }
}
