/// A classifier's prediction over a grid, each class's region tinted in its colour, with
/// the data points on top in their true class's colour and marker.
///
/// ```swift
/// DecisionRegions("Prediction", xRange: -1.2...1.2, yRange: -1.2...1.2,
///                 xs: px, ys: py, labels: truth) { x1, x2 in net.predict(x1, x2) }
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
    let n = Double(resolution)
    let (width, height) = (xRange.upperBound - xRange.lowerBound, yRange.upperBound - yRange.lowerBound)
    let prediction = (0..<resolution).map { j in
      (0..<resolution).map { i in
        predict(xRange.lowerBound + (Double(i) + 0.5) / n * width, yRange.lowerBound + (Double(j) + 0.5) / n * height)
      }
    }
    let agreeing = labels.indices.filter { predict(xs[$0], ys[$0]) == labels[$0] }.count
    self.init(
      title: title, x: x, y: y, xRange: xRange, yRange: yRange, prediction: prediction,
      classes: groupedByLabel(xs: xs, ys: ys, labels: labels, names: classNames), agreeing: agreeing, size: size,
      description: description)
  }

  func svg() -> String { document() }
}

// MARK: - Drawing

extension DecisionRegions: PanelChart {
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
      + " \(agreeing) of \(total) points lie in the region of their own class." + frame.notes.map { " " + $0 }.joined()
  }

  func draw(at origin: Point, into svg: inout SVGWriter) {
    let frame = self.frame(at: origin)
    drawRegions(in: frame, into: &svg)
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
        paths[row[start], default: ""] += "M\(f(left)) \(f(top))h\(f(Double(end - start + 1) * w))v\(f(h))h\(f(-Double(end - start + 1) * w))z"
        start = end + 1
      }
    }
    for c in paths.keys.sorted() {
      svg.group([("class", Palette.className(c))]) { svg in svg.path(paths[c] ?? "", class: "region") }
    }
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
