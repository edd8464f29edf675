/// A sequence of iterates drawn as a trajectory: a thin line through them, a dot on each
/// (when there are at most 200, so the dots stay readable), a ring where it starts and a
/// diamond where it ends. Contour plots and function plots draw descent paths this way.
extension Series {
    static let maximumDots = 200

    func drawTrajectory(_ index: Int, in frame: Frame, into svg: inout SVGWriter) {
        let points = pixels(in: frame)
        let visible: (Point) -> Bool = { $0.x.isFinite && $0.y.isFinite && frame.plot.contains($0) }
        svg.group([("class", Palette.className(index))]) { svg in
            svg.path(Polyline.pathData(points, clip: frame.plot), class: lineClass + " thin")
            if points.count <= Self.maximumDots {
                svg.path(
                    points.filter(visible).map { MarkerShape.circle.path(at: $0, radius: 2.2) }.joined(), class: "mark")
            }
            if let start = points.first, visible(start) {
                let (cx, cy) = (Format.coordinate(start.x), Format.coordinate(start.y))
                svg.element("circle", [("class", "ring"), ("cx", cx), ("cy", cy), ("r", "6")])
            }
            if let end = points.last, visible(end) {
                svg.path(MarkerShape.diamond.path(at: end, radius: 5), class: "mark")
            }
        }
    }
}

/// Legend entries for trajectories: one per named series, then "start" and "end".
func trajectoryLegend(_ paths: [Series]) -> [LegendEntry] {
    guard !paths.isEmpty else { return [] }
    let named = paths.enumerated().filter { !$1.name.isEmpty }.map { i, path in
        LegendEntry(name: path.name, color: i, swatch: .line(dash: nil, marker: .circle))
    }
    return named + [
        LegendEntry(name: "start", color: nil, swatch: .ring),
        LegendEntry(name: "end", color: nil, swatch: .marker(.diamond)),
    ]
}
