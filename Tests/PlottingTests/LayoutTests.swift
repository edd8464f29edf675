import Testing

@testable import Plotting

struct HistogramTests {
    @Test(
        arguments: [
            ([0, 0.1, 0.5, 0.99, 1], 0.0...1.0, 2, [2, 3], 0, 0),
            ([-1, 2, .nan, 0.25], 0.0...1.0, 4, [0, 1, 0, 0], 2, 1),
            ([0.75, 0.75, 1], 0.0...1.0, 4, [0, 0, 0, 3], 0, 0),
        ] as [([Double], ClosedRange<Double>, Int, [Int], Int, Int)])
    func counts(values: [Double], range: ClosedRange<Double>, bins: Int, counts: [Int], outside: Int, nonFinite: Int) {
        let histogram = Histogram(values, range: range, bins: bins)
        #expect(histogram.counts == counts)
        #expect(histogram.outside == outside)
        #expect(histogram.nonFinite == nonFinite)
    }

    @Test func edgesAreExactAtTheEnds() {
        let histogram = Histogram([], range: -1...1, bins: 40)
        #expect(histogram.edges(0).0 == -1)
        #expect(histogram.edges(39).1 == 1)
        #expect(histogram.edges(20).0 == 0)
    }
}

struct ColorTests {
    @Test(arguments: [(0.0, "#440154"), (1.0, "#fde725"), (0.5, "#21908d"), (-3.0, "#440154"), (7.0, "#fde725")])
    func viridis(t: Double, hex: String) {
        #expect(ColorMap.hex(t) == hex)
    }

    @Test func darkEndTakesLightText() {
        #expect(ColorMap.isDark(0))
        #expect(!ColorMap.isDark(1))
    }

    @Test func paletteIsOkabeIto() {
        #expect(Palette.colors.count == 7)
        #expect(Palette.className(8) == "c1")
        #expect(Palette.rules.first! == (".c0", "color:#0072B2"))
    }
}

struct LayoutTests {
    @Test func legendWrapsAtTheWidth() {
        let entries = (0..<6).map { (i: Int) in LegendEntry(name: "series number \(i)", color: i, swatch: .box) }
        let rows = Legend.rows(entries, width: 400)
        #expect(rows.count == 3)
        #expect(rows.allSatisfy { $0.first?.x == 0 })
    }

    @Test func panelsSitInRows() {
        let chart = LineChart(size: Size(200, 100), series: [])
        #expect(Panels(chart, chart, chart).size == Size(600, 100))
        #expect(Panels(chart, chart, chart, title: "Title", columns: 2).size == Size(400, 234))
    }

    @Test func framesKeepThePlotInsideTheirBounds() {
        let x = AxisGuide(Axis("x"), data: [0, 1000])
        let y = AxisGuide(Axis.log("y"), data: [1e-3, 10])
        let bounds = Rect(x: 100, y: 50, width: 300, height: 200)
        let frame = Frame(bounds: bounds, title: "T", x: x, y: y, notes: ["a note"])
        #expect(frame.plot.minX > bounds.minX + 30 && frame.plot.maxX < bounds.maxX)
        #expect(frame.plot.minY > bounds.minY + 24 && frame.plot.maxY < bounds.maxY - 40)
        #expect(frame.x.scale(0) == frame.plot.minX && frame.y.scale(10) == frame.plot.minY)
    }

    @Test func narrowAxesGetFewerTicks() {
        let axis = AxisGuide(Axis("x"), data: [0, 1])
        let bounds = Rect(x: 0, y: 0, width: 160, height: 120)
        let frame = Frame(bounds: bounds, title: "", x: axis, y: axis)
        #expect(frame.x.ticks.map(\.value) == [0, 0.5, 1])
        #expect(frame.y.ticks.map(\.value) == [0, 0.5, 1])
    }
}

struct WrappingTests {
    @Test(
        arguments: [
            ("short", 100.0, ["short"]),
            ("one two three four", 60.0, ["one two", "three four"]),
            ("averyveryverylongword next", 40.0, ["averyveryverylongword", "next"]),
            ("", 50.0, [""]),
        ] as [(String, Double, [String])])
    func wrapsAtSpaces(text: String, width: Double, lines: [String]) {
        #expect(TextMetrics.wrap(text, width: width, fontSize: 10) == lines)
    }

    @Test func longTitlesAndNotesWrapInsideANarrowChart() {
        let chart = LineChart(
            "A title far too long to sit on one line of a chart this narrow", y: .linear("y", limits: 0...1),
            size: Size(240, 240), series: [Series("s", y: [0.5, 2, -1])])
        let svg = chart.svg()
        #expect(svg.contains(">A title far too long to sit<"))
        #expect(svg.contains("values outside not shown"))
        for line in svg.split(separator: "\n")
        where line.hasPrefix("<text class=\"note\"") || line.hasPrefix("<text class=\"title\"") {
            let text = line.split(separator: ">")[1].split(separator: "<")[0]
            let fontSize = line.hasPrefix("<text class=\"note\"") ? 11.0 : 15.0
            #expect(TextMetrics.width(String(text), fontSize: fontSize) <= 240 - 20)
        }
    }
}
