// Plotting: the course's figures as standalone, deterministic SVG.
//
// Chart kinds, each a value whose `svg()` is the whole document:
//   LineChart        several series, linear or log axes, optional markers
//   ScatterChart     points in classes, each with its colour and marker shape
//   ContourChart     contour lines of f(x₁, x₂) with optimizer paths over them
//   FunctionChart    f(x) with tangents and one-dimensional descent steps on it
//   HistogramGrid    histograms as small multiples on shared axes
//   BarChart         grouped bars, linear or log axis
//   HeatMap          a grid of values in colour, with a colour bar
//   DecisionRegions  a classifier's prediction over a grid, data points on top
//   Panels           any of these side by side (or in rows) in one figure
//
// Every figure has a <title> and a <desc> (what it shows, in words; `description`
// overrides it), follows the reader's light or dark colour scheme, skips non-finite values
// as gaps and says so, and states any limit that clipped the data.

/// A figure: a value that draws itself as one standalone SVG document.
///
/// Every chart kind of this module conforms. `svg()` is a pure function of the value: the
/// same data gives byte-identical output.
public protocol Chart {
    /// The complete SVG document, with `<title>`, `<desc>` and a light/dark stylesheet.
    func svg() -> String
}

/// What every chart of this module can do besides `svg()`: draw itself into a box of a
/// larger document, so `Panels` can set charts side by side under one stylesheet.
protocol PanelChart: Chart {
    /// The chart's own width and height in pixels (its viewBox when drawn alone).
    var size: Size { get }
    /// The `<title>` when drawn alone.
    var heading: String { get }
    /// The `<desc>`: what the figure shows, in words.
    var summary: String { get }
    /// Draws the chart with its top-left corner at `origin`.
    func draw(at origin: Point, into svg: inout SVGWriter)
}

extension PanelChart {
    /// The chart alone in a document of its own size.
    func document() -> String {
        var writer = SVGWriter()
        draw(at: Point(x: 0, y: 0), into: &writer)
        return writer.document(size: size, title: heading, description: summary)
    }
}
