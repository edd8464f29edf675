/// How an axis maps values to positions.
public enum ScaleKind: Sendable, Equatable {
    /// Equal distances for equal differences.
    case linear
    /// Equal distances for equal ratios; labelled at powers of ten, 10ᵏ.
    case log
}

/// What a chart's axis shows: a label, a linear or log scale, and optionally fixed limits.
///
/// Without limits the axis fits the data and widens to nice ticks (whole decades on a log
/// axis). With limits, data outside them is clipped and the figure says so in a note.
/// A string literal is a linear axis with that label: `x: "iteration"`, `x: "γ = \(gamma)"`.
public struct Axis: Sendable, Equatable, ExpressibleByStringInterpolation {
    public var label: String
    public var scale: ScaleKind
    public var limits: ClosedRange<Double>?
}

// MARK: - Making axes

public extension Axis {
    init(_ label: String = "", scale: ScaleKind = .linear, limits: ClosedRange<Double>? = nil) {
        if let limits {
            precondition(limits.lowerBound < limits.upperBound, "axis \"\(label)\" needs low < high, got \(limits)")
            precondition(
                scale == .linear || limits.lowerBound > 0, "log axis \"\(label)\" needs positive limits, got \(limits)")
        }
        self.init(label: label, scale: scale, limits: limits)
    }

    init(stringLiteral label: String) { self.init(label) }

    /// A log axis: `y: .log("loss")`.
    static func log(_ label: String = "", limits: ClosedRange<Double>? = nil) -> Axis {
        Axis(label, scale: .log, limits: limits)
    }

    /// A linear axis with fixed limits: `y: .linear("x", limits: -10...25)`.
    static func linear(_ label: String = "", limits: ClosedRange<Double>? = nil) -> Axis {
        Axis(label, scale: .linear, limits: limits)
    }
}
