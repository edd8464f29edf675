import Testing

@testable import Plotting

/// Degenerate and extreme input: every chart still draws a complete document with no
/// non-finite number in it.
struct EdgeCaseTests {
    static let extremes: [[Double]] = [
        [], [3], [1e20, 1e20], [-1e308, 1e308], [.leastNonzeroMagnitude, .leastNormalMagnitude / 1e5], [0, 0, 0],
        [.nan], [-.infinity, 2],
        [1, 1e300, -5],
    ]

    @Test(arguments: extremes)
    func lineChartsSurvive(values: [Double]) {
        for y in [Axis("y"), Axis.log("y")] {
            expectComplete(LineChart(y: y, series: [Series("s", y: values, markers: true)]).svg())
        }
    }

    @Test(arguments: extremes)
    func otherChartsSurvive(values: [Double]) {
        let labels = values.map { _ in 0 }
        expectComplete(ScatterChart(xs: values, ys: values, labels: labels).svg())
        expectComplete(BarChart(y: .log(), categories: values.map { _ in "c" }, series: [Series("", y: values)]).svg())
        expectComplete(HistogramGrid(panels: [.init("p", values)]).svg())
        expectComplete(HeatMap(columns: values.map { _ in "c" }, rows: ["r"], values: [values], color: .log()).svg())
        expectComplete(FunctionChart(domain: -1...1, steps: [Steps("s", values)]) { $0 * 1e300 }.svg())
    }

    @Test func emptyChartsSurvive() {
        expectComplete(ScatterChart(classes: []).svg())
        expectComplete(HistogramGrid(panels: []).svg())
        expectComplete(Panels().svg())
        expectComplete(ContourChart(xRange: 0...1, yRange: 0...1) { _, _ in 1 }.svg())
        expectComplete(ContourChart(xRange: 0...1, yRange: 0...1) { _, _ in .nan }.svg())
        expectComplete(DecisionRegions(xRange: 0...1, yRange: 0...1, xs: [], ys: [], labels: []) { _, _ in 0 }.svg())
    }

    @Test func significantDigitsOfSubnormals() {
        #expect(Format.significant(.leastNonzeroMagnitude) == "4.94e−324")
        #expect(Format.significant(1.7976931348623157e308) == "1.8e308")
    }

    @Test func spanTooNarrowForItsMagnitudeHasNoTicks() {
        #expect(Ticks.linear(1e20, 1e20 + 1e4, count: 5).isEmpty)
    }

    private func expectComplete(_ svg: String, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(svg.hasPrefix("<?xml") && svg.hasSuffix("</svg>\n"), sourceLocation: sourceLocation)
        #expect(!svg.lowercased().contains("nan") && !svg.contains("inf"), sourceLocation: sourceLocation)
    }
}
