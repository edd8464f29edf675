import Foundation
import Testing

@testable import Plotting

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// Properties every figure must have, whatever its kind.
struct DocumentTests {
    @Test(arguments: Fixtures.all.map(\.name))
    func isWellFormedXML(name: String) throws {
        let svg = try #require(Fixtures.all.first { $0.name == name }).chart.svg()
        let parser = XMLParser(data: Data(svg.utf8))
        let collector = ElementCollector()
        parser.delegate = collector
        #expect(parser.parse(), "\(name): \(parser.parserError.map { "\($0)" } ?? "")")
        #expect(collector.elements.first == "svg")
        #expect(collector.elements.contains("title") && collector.elements.contains("desc"))
        #expect(collector.elements.contains("style"))
    }

    @Test(arguments: Fixtures.all.map(\.name))
    func writesNoNonFiniteNumbers(name: String) throws {
        let svg = try #require(Fixtures.all.first { $0.name == name }).chart.svg()
        for word in ["nan", "inf", "NaN", "-0 ", "-0\""] { #expect(!svg.contains(word), "\(name) contains \(word)") }
    }

    /// Two charts built separately from the same data draw the same bytes.
    @Test(arguments: Fixtures.all.map(\.name))
    func isDeterministic(name: String) throws {
        let first = try #require(Fixtures.all.first { $0.name == name }).chart
        let second = try #require(Fixtures.all.first { $0.name == name }).chart
        #expect(first.svg() == second.svg())
    }

    @Test func longSeriesStaySmallAndKeepTheirExtremes() {
        let y = (0..<10_000).map { i in i == 6_789 ? 50.0 : Double(i % 100) / 10 }
        let svg = LineChart(
            y: "value", series: [Series("noisy", y: y), Series("again", y: y.reversed(), markers: true)]
        ).svg()
        #expect(svg.utf8.count < 100_000)
        #expect(svg.contains("50"))  // the spike sets the axis: its top tick is 50
    }

    @Test func nonFiniteInputIsSkippedAndStated() {
        let chart = LineChart(
            y: .log("loss"), series: [Series("run", x: [0, 1, 2, 3, 4], y: [1, .nan, 0.5, -1, .infinity])])
        let svg = chart.svg()
        #expect(!svg.lowercased().contains("nan") && !svg.contains("inf"))
        #expect(svg.contains("3 points not finite or not positive on a log axis: left out"))
    }

    @Test func allNonFiniteStillDraws() {
        let svg = LineChart(series: [Series("empty", y: [.nan, .nan])]).svg()
        #expect(!svg.lowercased().contains("nan"))
        #expect(svg.hasSuffix("</svg>\n"))
    }

    @Test func clippedAxisSaysSo() {
        let chart = LineChart(
            y: .linear("x", limits: -10...25), series: [Series("γ = 1.1", y: [20, -13, 28.6, -35.5])])
        #expect(chart.svg().contains("y axis limited to −10 to 25; values outside not shown (2 below, 1 above)."))
    }

    @Test func textIsEscapedAndDescriptionOverridable() {
        var chart = LineChart("a < b & \"c\"", series: [Series("<x>", y: [1, 2])])
        chart.description = "Loss & accuracy"
        let svg = chart.svg()
        #expect(svg.contains("<title>a &lt; b &amp; &quot;c&quot;</title>"))
        #expect(svg.contains("<desc>Loss &amp; accuracy</desc>"))
        #expect(svg.contains("&lt;x&gt;"))
    }

    @Test func everyKindTakesTheAuthorsDescription() {
        let charts: [any Chart] = [
            LineChart(description: "D", series: []),
            ScatterChart(description: "D", classes: []),
            ContourChart(xRange: 0...1, yRange: 0...1, description: "D") { $0 + $1 },
            FunctionChart(domain: 0...1, description: "D") { $0 },
            HistogramGrid(description: "D", panels: []),
            BarChart(categories: [], description: "D", series: []),
            HeatMap(columns: [], rows: [], values: [], description: "D"),
            DecisionRegions(xRange: 0...1, yRange: 0...1, xs: [], ys: [], labels: [], description: "D") { _, _ in 0 },
            Panels(LineChart(series: []), description: "D"),
        ]
        for chart in charts { #expect(chart.svg().contains("<desc>D</desc>"), "\(type(of: chart))") }
    }

    @Test func followsTheColourScheme() {
        let svg = Fixtures.lineLog.svg()
        #expect(svg.contains("@media (prefers-color-scheme:dark){.descent-plot{color:#e6edf3}"))
        #expect(svg.contains("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"descent-plot\""))
        #expect(svg.contains("viewBox=\"0 0 520 340\""))
    }
}

private final class ElementCollector: NSObject, XMLParserDelegate {
    var elements: [String] = []
    func parser(
        _ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
        attributes: [String: String] = [:]
    ) {
        elements.append(name)
    }
}
