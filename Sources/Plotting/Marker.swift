/// The shapes that tell series and classes apart besides their colour, in the order they
/// are handed out.
enum MarkerShape: CaseIterable {
    case circle, square, triangle, diamond, triangleDown

    /// The i-th shape, cycling.
    static func at(_ index: Int) -> MarkerShape { allCases[index % allCases.count] }

    /// Path data for the shape centred at `p`, about 2r across; shapes of one series are
    /// concatenated into a single `<path>`.
    func path(at p: Point, radius r: Double) -> String {
        let f = Format.coordinate
        switch self {
        case .circle:
            return "M\(f(p.x - r)) \(f(p.y))a\(f(r)) \(f(r)) 0 1 0 \(f(2 * r)) 0a\(f(r)) \(f(r)) 0 1 0 \(f(-2 * r)) 0z"
        case .square:
            let s = r * 0.9
            return "M\(f(p.x - s)) \(f(p.y - s))h\(f(2 * s))v\(f(2 * s))h\(f(-2 * s))z"
        case .triangle:
            return "M\(f(p.x)) \(f(p.y - 1.25 * r))l\(f(1.15 * r)) \(f(2 * r))h\(f(-2.3 * r))z"
        case .diamond:
            let s = r * 1.3
            return "M\(f(p.x)) \(f(p.y - s))l\(f(s)) \(f(s))l\(f(-s)) \(f(s))l\(f(-s)) \(f(-s))z"
        case .triangleDown:
            return "M\(f(p.x)) \(f(p.y + 1.25 * r))l\(f(1.15 * r)) \(f(-2 * r))h\(f(-2.3 * r))z"
        }
    }
}
