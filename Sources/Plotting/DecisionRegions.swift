/// A classifier's prediction over a grid, each class's region tinted in its colour and the
/// boundary between them drawn as a line, with the data points on top in their true
/// class's colour and marker.
///
/// ```swift
/// DecisionRegions("Prediction", xRange: -1.2...1.2, yRange: -1.2...1.2,
///                 xs: px, ys: py, labels: truth) { x1, x2 in net.predictedClass(x1, x2) }
/// DecisionRegions("Prediction", xRange: -1.2...1.2, yRange: -1.2...1.2,
///                 xs: px, ys: py, labels: truth, probability: { x1, x2 in net.probability(x1, x2) })
/// ```
/// Put it beside a `ScatterChart` of the truth with `Panels`.
public struct DecisionRegions: Chart {
    public var title: String
    public var x: Axis
    public var y: Axis
    public var xRange: ClosedRange<Double>
    public var yRange: ClosedRange<Double>
    /// The predicted class at the centre of each grid cell: `prediction[j][i]`, row j from
    /// the bottom, column i from the left.
    public var prediction: [[Int]]
    /// The data points, one series per true class.
    public var classes: [Series]
    /// For a binary classifier given by its probability of class 1, that probability at
    /// the cell centres (`probability[j][i]`); the boundary is then its ½ contour.
    public var probability: [[Double]]?
    /// How many points fall in the region of their own class.
    public var agreeing: Int
    public var size: Size
    /// The figure's description in words; nil describes it automatically.
    public var description: String?
}

// MARK: - Making decision regions

public extension DecisionRegions {
    /// `predict` is asked for the class (0, 1, 2, …) at the centre of each of
    /// `resolution`×`resolution` cells, and at each data point.
    init(
        _ title: String = "", x: Axis = "x₁", y: Axis = "x₂", xRange: ClosedRange<Double>,
        yRange: ClosedRange<Double>, resolution: Int = 100, xs: [Double], ys: [Double], labels: [Int],
        classNames: [String] = [], size: Size = .square, description: String? = nil,
        predict: (Double, Double) -> Int
    ) {
        precondition(resolution >= 1, "decision regions need resolution ≥ 1, got \(resolution)")
        let prediction = Self.sample(xRange, yRange, resolution, predict)
        let agreeing = labels.indices.filter { predict(xs[$0], ys[$0]) == labels[$0] }.count
        self.init(
            title: title, x: x, y: y, xRange: xRange, yRange: yRange, prediction: prediction,
            classes: groupedByLabel(xs: xs, ys: ys, labels: labels, names: classNames), probability: nil,
            agreeing: agreeing, size: size, description: description)
    }

    /// A binary classifier given by its probability of class 1: class 1 where it is at least
    /// ½, and the boundary drawn smooth along the ½ contour of the probability. Pass it with
    /// its label, `probability: { x1, x2 in net.probability(x1, x2) }`.
    init(
        _ title: String = "", x: Axis = "x₁", y: Axis = "x₂", xRange: ClosedRange<Double>,
        yRange: ClosedRange<Double>, resolution: Int = 100, xs: [Double], ys: [Double], labels: [Int],
        classNames: [String] = [], size: Size = .square, description: String? = nil,
        probability: (Double, Double) -> Double
    ) {
        self.init(
            title, x: x, y: y, xRange: xRange, yRange: yRange, resolution: resolution, xs: xs, ys: ys, labels: labels,
            classNames: classNames, size: size, description: description
        ) { x1, x2 in probability(x1, x2) >= 0.5 ? 1 : 0 }
        self.probability = Self.sample(xRange, yRange, resolution, probability)
    }

    func svg() -> String { document() }
}

// MARK: - Drawing

extension DecisionRegions: PanelChart {
    /// f at the centre of each of resolution × resolution cells: result[j][i] for column i
    /// from the left, row j from the bottom.
    private static func sample<T>(
        _ xRange: ClosedRange<Double>, _ yRange: ClosedRange<Double>, _ resolution: Int, _ f: (Double, Double) -> T
    ) -> [[T]] {
        let n = Double(resolution)
        let (width, height) = (xRange.upperBound - xRange.lowerBound, yRange.upperBound - yRange.lowerBound)
        return (0..<resolution).map { j in
            (0..<resolution).map { i in
                f(xRange.lowerBound + (Double(i) + 0.5) / n * width, yRange.lowerBound + (Double(j) + 0.5) / n * height)
            }
        }
    }

    var heading: String { title.isEmpty ? "Decision regions" : title }

    var summary: String {
        if let description { return description }
        let frame = self.frame(at: Point(x: 0, y: 0))
        let cells = prediction.flatMap { $0 }
        let shares = classes.indices.map { c in
            "\(classes[c].name) \(Format.fixed(100 * cells.filter { $0 == c }.count / max(cells.count, 1), decimals: 0)) %"
        }
        let total = classes.map(\.x.count).reduce(0, +)
        return "Decision regions of a classifier. " + frame.x.described("x") + "; " + frame.y.described("y") + ". "
            + "Predicted area: " + shares.joined(separator: ", ") + ". " + describeClasses(classes)
            + " \(agreeing) of \(total) points lie in the region of their own class."
            + frame.notes.map { " " + $0 }.joined()
    }

    func draw(at origin: Point, into svg: inout SVGWriter) {
        let frame = self.frame(at: origin)
        drawRegions(in: frame, into: &svg)
        drawBoundary(in: frame, into: &svg)
        frame.drawGrid(into: &svg)
        for (i, c) in classes.enumerated() { c.drawPoints(i, in: frame, into: &svg) }
        frame.drawGuides(into: &svg)
    }

    /// One path per class: each row's runs of equal prediction as one rectangle.
    private func drawRegions(in frame: Frame, into svg: inout SVGWriter) {
        let rows = prediction.count, columns = prediction.first?.count ?? 0
        guard rows > 0, columns > 0 else { return }
        let (w, h) = (frame.plot.width / Double(columns), frame.plot.height / Double(rows))
        var paths: [Int: String] = [:]
        let f = Format.coordinate
        for (j, row) in prediction.enumerated() {
            var start = 0
            while start < columns {
                var end = start
                while end + 1 < columns && row[end + 1] == row[start] { end += 1 }
                let top = frame.plot.maxY - Double(j + 1) * h
                let left = frame.plot.minX + Double(start) * w
                paths[row[start], default: ""] +=
                    "M\(f(left)) \(f(top))h\(f(Double(end - start + 1) * w))v\(f(h))h\(f(-Double(end - start + 1) * w))z"
                start = end + 1
            }
        }
        for c in paths.keys.sorted() {
            svg.group([("class", Palette.className(c))]) { svg in svg.path(paths[c] ?? "", class: "region") }
        }
    }

    /// The decision boundary as a line, over the cell centres: the ½ contour of the
    /// probability when there is one (smooth); otherwise, for each class, the ½ contour of
    /// its indicator (1 where predicted, 0 elsewhere), which follows the cells more closely.
    private func drawBoundary(in frame: Frame, into svg: inout SVGWriter) {
        let rows = prediction.count, columns = prediction.first?.count ?? 0
        guard rows > 1, columns > 1 else { return }
        let (w, h) = (frame.plot.width / Double(columns), frame.plot.height / Double(rows))
        let fields =
            probability.map { [$0] }
            ?? Set(prediction.flatMap { $0 }).sorted().map { c in
                prediction.map { row in row.map { $0 == c ? 1.0 : 0.0 } }
            }
        var data = ""
        for field in fields {
            for line in MarchingSquares.lines(field, level: 0.5) {
                let points = line.map {
                    Point(x: frame.plot.minX + ($0.x + 0.5) * w, y: frame.plot.maxY - ($0.y + 0.5) * h)
                }
                data += Polyline.pathData(points, clip: frame.plot)
            }
        }
        svg.path(data, class: "boundary")
    }

    private func frame(at origin: Point) -> Frame {
        let xGuide = AxisGuide(Axis(x.label, limits: xRange), data: classes.flatMap(\.x))
        let yGuide = AxisGuide(Axis(y.label, limits: yRange), data: classes.flatMap(\.y))
        let skipped = classes.map { $0.unplottable(x: .linear, y: .linear) }.reduce(0, +)
        return Frame(
            bounds: Rect(origin, size), title: title,
            x: xGuide, y: yGuide, legend: classLegend(classes), skipped: skipped)
    }
}
