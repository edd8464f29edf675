/// Viridis, a sequential colour map that is perceptually uniform, reads in grey and is safe
/// for colour-blind readers (van der Walt & Smith, matplotlib, 2015): nine of its colours,
/// interpolated linearly in RGB.
enum ColorMap {
    private static let anchors: [(Double, Double, Double)] = [
        (68, 1, 84), (71, 44, 122), (59, 81, 139), (44, 113, 142), (33, 144, 141),
        (39, 173, 129), (92, 200, 99), (170, 220, 50), (253, 231, 37),
    ]

    /// The colour at t ∈ [0, 1] (clamped) as "#rrggbb".
    static func hex(_ t: Double) -> String {
        let (r, g, b) = rgb(t)
        return "#"
            + [r, g, b].map { channel in
                let byte = Int(channel.rounded())
                let digits = Array("0123456789abcdef")
                return String([digits[byte / 16], digits[byte % 16]])
            }.joined()
    }

    /// Whether text on the colour at t should be light (the colour is dark).
    static func isDark(_ t: Double) -> Bool {
        let (r, g, b) = rgb(t)
        return 0.2126 * r + 0.7152 * g + 0.0722 * b < 128
    }

    private static func rgb(_ t: Double) -> (Double, Double, Double) {
        let position = min(max(t.isFinite ? t : 0, 0), 1) * Double(anchors.count - 1)
        let k = min(Int(position), anchors.count - 2)
        let u = position - Double(k)
        let (a, b) = (anchors[k], anchors[k + 1])
        return (a.0 + u * (b.0 - a.0), a.1 + u * (b.1 - a.1), a.2 + u * (b.2 - a.2))
    }
}
