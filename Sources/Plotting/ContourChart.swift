/// Contour lines of a function of two variables (marching squares), with optimizer paths
/// drawn over them as trajectories (see `Trajectory.swift`).
///
/// ```swift
/// ContourChart("GD on (x₁ − 5)² + x₂²", xRange: -10...10, yRange: -8...8,
///              paths: [Series("γ = 0.1", x: xs, y: ys)]) { x1, x2 in (x1 - 5) * (x1 - 5) + x2 * x2 }
/// ```
/// `marks` are points to point out (critical points, a minimum): each series is drawn as
/// markers only, in a shape and colour of its own, named in the legend.
///
/// The axes take their labels from `x` and `y` and their limits from `xRange` and `yRange`.
/// With `equalAspect` (the default) one unit is as long across as up, so the gradient
/// meets the contour lines at right angles as it does on paper; the default size fits
/// the plot to that shape.
public struct ContourChart: Chart {
    public var title: String
    public var x: Axis
    public var y: Axis
    public var xRange: ClosedRange<Double>
    public var yRange: ClosedRange<Double>
    /// The function sampled on the grid: `values[j][i]` at column i (x), row j (y).
    public var values: [[Double]]
    public var levels: ContourLevels
    public var paths: [Series]
    public var marks: [Series]
    /// Whether one unit of x is drawn as long as one unit of y.
    public var equalAspect: Bool
    public var size: Size
    /// The figure's description in words; nil describes it automatically.
    public var description: String?
}

// MARK: - Making a contour chart

public extension ContourChart {
    /// Samples `f` on a `resolution`×`resolution` grid over xRange × yRange.
    init(
        _ title: String = "", x: Axis = "x₁", y: Axis = "x₂", xRange: ClosedRange<Double>,
        yRange: ClosedRange<Double>, resolution: Int = 81, levels: ContourLevels = .quantiles(10),
        paths: [Series] = [], marks: [Series] = [], equalAspect: Bool = true, size: Size? = nil,
        description: String? = nil, _ f: (Double, Double) -> Double
    ) {
        precondition(resolution >= 2, "a contour grid needs resolution ≥ 2, got \(resolution)")
        precondition(x.scale == .linear && y.scale == .linear, "contour axes are linear")
        let n = Double(resolution - 1)
        let values = (0..<resolution).map { j in
            let py = yRange.lowerBound + Double(j) / n * (yRange.upperBound - yRange.lowerBound)
            return (0..<resolution).map { i in
                f(xRange.lowerBound + Double(i) / n * (xRange.upperBound - xRange.lowerBound), py)
            }
        }
        self.init(
            title: title, x: x, y: y, xRange: xRange, yRange: yRange, values: values, levels: levels, paths: paths,
            marks: marks, equalAspect: equalAspect, size: .square, description: description)
        self.size = size ?? (equalAspect ? fittedSize : .square)
    }

    func svg() -> String { document() }
}

// MARK: - Drawing

extension ContourChart: PanelChart {
    var heading: String { title.isEmpty ? "Contour plot" : title }

    var summary: String {
        if let description { return description }
        let frame = self.frame(at: Point(x: 0, y: 0))
        let levelText = resolvedLevels.map { Format.significant($0, digits: 2) }.joined(separator: ", ")
        var text = "Contour plot. " + frame.x.described("x") + "; " + frame.y.described("y") + ". "
        text += "Contour lines at \(levelText)."
        for path in paths {
            let label = path.name.isEmpty ? "Path" : "Path \(path.name)"
            guard let x0 = path.x.first, let y0 = path.y.first, let x1 = path.x.last, let y1 = path.y.last else {
                continue
            }
            text += " \(label): \(path.x.count) points from (\(Format.significant(x0)), \(Format.significant(y0)))"
            text += " to (\(Format.significant(x1)), \(Format.significant(y1)))."
        }
        for mark in marks {
            let places = zip(mark.x, mark.y).map { "(\(Format.significant($0)), \(Format.significant($1)))" }
            text += " Marked\(mark.name.isEmpty ? "" : " " + mark.name): " + places.joined(separator: ", ") + "."
        }
        return text + frame.notes.map { " " + $0 }.joined()
    }

    func draw(at origin: Point, into svg: inout SVGWriter) {
        let frame = self.frame(at: origin)
        frame.drawGrid(into: &svg)
        drawContours(in: frame, into: &svg)
        for (i, path) in paths.enumerated() { path.drawTrajectory(i, in: frame, into: &svg) }
        for (k, mark) in marks.enumerated() {
            let visible = mark.pixels(in: frame).filter { $0.x.isFinite && $0.y.isFinite && frame.plot.contains($0) }
            svg.group([("class", Palette.className(paths.count + k))]) { svg in
                svg.path(visible.map { Self.markShape(k).path(at: $0, radius: 4.5) }.joined(), class: "mark")
            }
        }
        frame.drawGuides(into: &svg)
    }

    /// The shape of the k-th series of marks: none of a path's (dots, ring, end diamond).
    private static func markShape(_ k: Int) -> MarkerShape {
        [MarkerShape.square, .triangle, .triangleDown][k % 3]
    }

    private var legend: [LegendEntry] {
        trajectoryLegend(paths)
            + marks.enumerated().filter { !$1.name.isEmpty }.map { k, mark in
                LegendEntry(name: mark.name, color: paths.count + k, swatch: .marker(Self.markShape(k)))
            }
    }

    private var resolvedLevels: [Double] { levels.resolve(values.flatMap { $0 }) }

    /// One `<path>` per level. Each level is labelled once, on its longest line, at the
    /// point furthest towards the plot's top-right corner (so nested rings get a diagonal
    /// row of labels), at least 12 px inside the plot and 28 px from any other label.
    private func drawContours(in frame: Frame, into svg: inout SVGWriter) {
        let columns = Double((values.first?.count ?? 2) - 1), rows = Double(values.count - 1)
        func pixel(_ p: (x: Double, y: Double)) -> Point {
            frame.point(
                xRange.lowerBound + p.x / columns * (xRange.upperBound - xRange.lowerBound),
                yRange.lowerBound + p.y / rows * (yRange.upperBound - yRange.lowerBound))
        }
        let inner = Rect(
            x: frame.plot.x + 12, y: frame.plot.y + 12, width: frame.plot.width - 24, height: frame.plot.height - 24)
        var labels: [(Point, Double)] = []
        for level in resolvedLevels {
            let lines = MarchingSquares.lines(values, level: level).map { $0.map(pixel) }
            svg.path(lines.map { Polyline.pathData($0, clip: frame.plot) }.joined(), class: "contour")
            let candidates = (lines.max { $0.count < $1.count } ?? []).filter { inner.contains($0) }
            guard let at = candidates.max(by: { $0.x - $0.y < $1.x - $1.y }),
                labels.allSatisfy({ ($0.0.x - at.x) * ($0.0.x - at.x) + ($0.0.y - at.y) * ($0.0.y - at.y) >= 28 * 28 })
            else { continue }
            labels.append((at, level))
        }
        for (at, level) in labels {
            svg.text(
                .significant(level, digits: 2), at: Point(x: at.x, y: at.y + 3.5), anchor: "middle", class: "clabel")
        }
    }

    /// yRange's span over xRange's: the plot's height over its width at equal aspect.
    private var aspect: Double {
        (yRange.upperBound - yRange.lowerBound) / (xRange.upperBound - xRange.lowerBound)
    }

    /// A size whose plot area has the equal-aspect shape: 380 px across (narrower if that
    /// would make it taller than 480), between 160 and 480 px high, plus the room the
    /// frame's furniture takes.
    private var fittedSize: Size {
        let height = min(max(380 * aspect, 160), 480)
        let width = min(380, height / aspect)
        let frame = Frame(
            bounds: Rect(x: 0, y: 0, width: width + 200, height: height + 200), title: title,
            x: guides.x, y: guides.y, legend: legend, skipped: 0)
        let furniture = (width: width + 200 - frame.plot.width, height: height + 200 - frame.plot.height)
        return Size((width + furniture.width).rounded(.up), (height + furniture.height).rounded(.up))
    }

    private var guides: (x: AxisGuide, y: AxisGuide) {
        (
            AxisGuide(Axis(x.label, limits: xRange), data: (paths + marks).flatMap(\.x)),
            AxisGuide(Axis(y.label, limits: yRange), data: (paths + marks).flatMap(\.y))
        )
    }

    private func frame(at origin: Point) -> Frame {
        let skipped = (paths + marks).map { $0.unplottable(x: .linear, y: .linear) }.reduce(0, +)
        return Frame(
            bounds: Rect(origin, size), title: title, x: guides.x, y: guides.y, legend: legend,
            skipped: skipped, aspect: equalAspect ? aspect : nil)
    }
}
