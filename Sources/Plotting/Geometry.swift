/// A point in pixels of the SVG user space (y grows downward).
struct Point: Equatable {
    var x: Double
    var y: Double
}

/// A width and a height in pixels.
public struct Size: Equatable, Sendable {
    public var width: Double
    public var height: Double
}

// MARK: - Sizes

public extension Size {
    init(_ width: Double, _ height: Double) {
        precondition(width > 0 && height > 0, "a chart needs a positive size, got \(width)×\(height)")
        self.init(width: width, height: height)
    }

    /// The default figure: 520×340, readable at 100 % and still legible scaled to a phone.
    static let standard = Size(520, 340)
    /// A square figure for contour plots and decision regions.
    static let square = Size(420, 420)
    /// A wide figure for several panels in a row.
    static let wide = Size(720, 340)
}

/// An axis-aligned box in pixels.
struct Rect: Equatable {
    var x: Double
    var y: Double
    var width: Double
    var height: Double

    var minX: Double { x }
    var maxX: Double { x + width }
    var minY: Double { y }
    var maxY: Double { y + height }

    /// Whether `p` lies inside or on the border, with a small tolerance for rounding.
    func contains(_ p: Point) -> Bool {
        p.x >= minX - 1e-6 && p.x <= maxX + 1e-6 && p.y >= minY - 1e-6 && p.y <= maxY + 1e-6
    }
}

extension Rect {
    /// The box of a chart of `size` with its top-left corner at `origin`.
    init(_ origin: Point, _ size: Size) {
        self.init(x: origin.x, y: origin.y, width: size.width, height: size.height)
    }
}
