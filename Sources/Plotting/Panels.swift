/// Charts of this module set side by side in one figure, each at its own size, under one
/// stylesheet and an optional overall title: truth beside prediction, before beside after.
///
/// ```swift
/// Panels("XOR-easy", ScatterChart("Truth", xs: px, ys: py, labels: truth),
///        DecisionRegions("Prediction", xRange: r, yRange: r, xs: px, ys: py, labels: truth) { predict($0, $1) })
/// ```
public struct Panels: Chart {
  public var title: String
  public var charts: [any Chart]
  /// The figure's description in words; nil joins the panels' own descriptions.
  public var description: String?
}

// MARK: - Making panels

public extension Panels {
  /// The charts must come from this module (each draws itself into a part of the figure).
  init(_ title: String = "", _ charts: [any Chart], description: String? = nil) {
    for chart in charts {
      precondition(chart is any PanelChart, "Panels can only hold this module's charts, got \(type(of: chart))")
    }
    self.init(title: title, charts: charts, description: description)
  }

  init(_ title: String = "", _ charts: any Chart..., description: String? = nil) {
    self.init(title, charts, description: description)
  }

  func svg() -> String { document() }
}

// MARK: - Drawing

extension Panels: PanelChart {
  private static let titleHeight = 30.0

  private var panels: [any PanelChart] { charts.compactMap { $0 as? any PanelChart } }

  var size: Size {
    let width = panels.map(\.size.width).reduce(0, +)
    let height = (panels.map(\.size.height).max() ?? 0) + (title.isEmpty ? 0 : Self.titleHeight)
    return Size(max(width, 1), max(height, 1))
  }

  var heading: String { title.isEmpty ? panels.map(\.heading).joined(separator: " | ") : title }

  var summary: String {
    if let description { return description }
    return "\(panels.count) panels side by side. "
      + panels.enumerated().map { "Panel \($0 + 1), \($1.heading): \($1.summary)" }.joined(separator: " ")
  }

  func draw(at origin: Point, into svg: inout SVGWriter) {
    var x = origin.x
    let top = origin.y + (title.isEmpty ? 0 : Self.titleHeight)
    if !title.isEmpty { svg.text(title, at: Point(x: origin.x + 10, y: origin.y + 24), class: "title") }
    for panel in panels {
      panel.draw(at: Point(x: x, y: top), into: &svg)
      x += panel.size.width
    }
  }
}
