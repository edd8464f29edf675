import Foundation
import Plotting

/// One deterministic chart per kind, drawn from data the course's lessons produce.
enum Fixtures {
    static var all: [(name: String, chart: any Chart)] {
        [
            ("line-log", lineLog),
            ("line-log-log", lineLogLog),
            ("line-long", lineLong),
            ("scatter", scatter),
            ("contour", contour),
            ("contour-marks", contourMarks),
            ("function-steps", functionSteps),
            ("histograms", histograms),
            ("bar-log", barLog),
            ("heat-map", heatMap),
            ("decision-regions", decisionRegions),
            ("panels", panels),
        ]
    }

    /// |x − 5| against t for gradient descent on x² − 10x + 1 from x = 20 (lesson 2).
    static var lineLog: LineChart {
        let series = [0.01, 0.1, 0.45, 1.0].map { gamma in
            var x = 20.0
            var errors: [Double] = []
            for _ in 0...40 {
                errors.append((x - 5).magnitude)
                x -= gamma * (2 * x - 10)
            }
            return Series("γ = \(gamma)", y: errors, markers: gamma == 0.45)
        }
        return LineChart("Distance to the minimum", x: "step t", y: .log("|x − 5|"), series: series)
    }

    /// Forward and central difference errors of sin′(1) against h on log–log axes (lesson 1):
    /// slopes 1 and 2, then the round-off floor; errors that are exactly 0 are skipped.
    static var lineLogLog: LineChart {
        let hs = (0...32).map { pow(10, -Double($0) / 2) }
        let exact = cos(1.0)
        let forward = hs.map { h in ((sin(1 + h) - sin(1)) / h - exact).magnitude }
        let central = hs.map { h in ((sin(1 + h) - sin(1 - h)) / (2 * h) - exact).magnitude }
        return LineChart(
            "Finite-difference error", x: .log("step h"), y: .log("|error|"),
            series: [
                Series("forward", x: hs, y: forward, markers: true),
                Series("central", x: hs, y: central, markers: true),
            ])
    }

    /// A 10 000-epoch loss curve with a gap, a spike and a second, dashed curve.
    static var lineLong: LineChart {
        let train = (0..<10_000).map { i -> Double in
            let t = Double(i)
            if (4000..<4100).contains(i) { return .nan }
            return 2 / (1 + t / 500) + 0.05 * Double((i * 7919) % 13) / 13 + (i == 7000 ? 0.8 : 0)
        }
        let test = (0..<10_000).map { 2.1 / (1 + Double($0) / 700) + 0.1 }
        return LineChart(
            "Learning curves", x: "epoch", y: "loss",
            series: [Series("train", y: train), Series("test", y: test, style: .dashed)])
    }

    /// XOR-easy: (0.1i, 0.1i) labelled 0 and (0.1i, 1 − 0.1i) labelled 1, centred (lesson 4).
    static var scatter: ScatterChart {
        var xs: [Double] = [], ys: [Double] = [], labels: [Int] = []
        for i in 0...20 {
            let t = Double(i) / 10
            xs += [t - 1, t - 1]
            ys += [t - 1, 1 - t - 1]
            labels += [0, 1]
        }
        return ScatterChart("XOR-easy", xs: xs, ys: ys, labels: labels, classNames: ["label 0", "label 1"])
    }

    /// SGD and momentum on 0.1x₁² + x₂² from (−8, 5) (lesson 3); the γ = 1 run flips x₂
    /// between 5 and −5 for ever.
    static var contour: ContourChart {
        func run(_ name: String, _ gamma: Double, momentum m: Double) -> Series {
            var (x1, x2, v1, v2) = (-8.0, 5.0, 0.0, 0.0)
            var xs = [x1], ys = [x2]
            for _ in 0..<30 {
                v1 = m * v1 + gamma * 0.2 * x1
                v2 = m * v2 + gamma * 2 * x2
                x1 -= v1
                x2 -= v2
                xs.append(x1)
                ys.append(x2)
            }
            return Series(name, x: xs, y: ys)
        }
        return ContourChart(
            "Descent on 0.1x₁² + x₂²", xRange: -10...10, yRange: -6...6,
            paths: [
                run("SGD, γ = 0.9", 0.9, momentum: 0), run("SGD, γ = 1", 1, momentum: 0),
                run("momentum", 0.1, momentum: 0.8),
            ]
        ) { x1, x2 in 0.1 * x1 * x1 + x2 * x2 }
    }

    /// The saddle x₁² + x₁ − 4x₁x₂ + x₁³x₂ with its three critical points marked (lesson 1).
    static var contourMarks: ContourChart {
        ContourChart(
            "Saddle points", xRange: -3...3, yRange: -1.5...1.5, levels: .values([-6, -2, 0, 1, 2, 4, 6, 8, 12]),
            marks: [
                Series("f = 0", x: [0], y: [0.25]), Series("f = 2", x: [-2], y: [0.375]),
                Series("f = 6", x: [2], y: [-0.625]),
            ]
        ) { x1, x2 in x1 * x1 + x1 - 4 * x1 * x2 + x1 * x1 * x1 * x2 }
    }

    /// Gradient descent on x² − 10x + 1 from x = 20 (lesson 2): γ = 0.1 converges, γ = 1
    /// oscillates between 20 and −10, γ = 1.1 diverges off the plot; with a tangent at 14.
    static var functionSteps: FunctionChart {
        func run(_ gamma: Double, _ count: Int) -> Steps {
            var x = 20.0
            var iterates = [x]
            for _ in 0..<count {
                x -= gamma * (2 * x - 10)
                iterates.append(x)
            }
            return Steps("γ = \(gamma)", iterates)
        }
        return FunctionChart(
            "Steps on x² − 10x + 1", domain: -12...22, steps: [run(0.1, 15), run(1, 6), run(1.1, 8)],
            tangents: [Tangent(at: 14, slope: 18)]
        ) { $0 * $0 - 10 * $0 + 1 }
    }

    /// tanh activations of four layers shrinking by about 0.22 a layer (lesson 6), drawn
    /// from a fixed sequence so the figure is reproducible, plus one NaN and one value
    /// outside the range.
    static var histograms: HistogramGrid {
        var state: UInt64 = 2024
        func uniform() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(UInt64(1) << 53)
        }
        // A sum of 12 uniforms minus 6 is close to N(0, 1).
        func normal() -> Double { (0..<12).map { _ in uniform() }.reduce(0, +) - 6 }
        let scales = [1.2, 0.2, 0.045, 0.009]
        var panels = scales.enumerated().map { k, scale in
            HistogramGrid.Panel("layer \(k + 1)", (0..<1000).map { _ in tanh(scale * normal()) })
        }
        panels[0].values += [.nan, 3]
        return HistogramGrid("tanh activations per layer", x: "activation", range: -1...1, bins: 40, panels: panels)
    }

    /// Per-layer gradient norms of a deep sigmoid network beside a ReLU one (lesson 5).
    static var barLog: BarChart {
        let layers = 1...10
        let sigmoid = layers.map { 0.8 / Double(1 << (2 * (10 - $0))) }
        let relu = layers.map { 0.4 + 0.05 * Double($0 % 3) }
        return BarChart(
            "Gradient norm per layer", x: "layer", y: .log("‖∂L/∂W‖"), categories: layers.map { "\($0)" },
            series: [Series("sigmoid", y: sigmoid), Series("ReLU", y: relu)])
    }

    /// Final loss over batch size × learning rate (lesson 3); two runs diverged.
    static var heatMap: HeatMap {
        let rates = ["0.3", "0.1", "0.03", "0.01", "0.003"]
        let batches = ["1", "4", "16", "64", "256"]
        let losses = rates.indices.map { r in
            batches.indices.map { c -> Double in
                r == 0 && c < 2 ? .infinity : 0.01 * Double([1, 3, 9, 27, 81][r]) * [1, 1.8, 3.24, 5.83, 10.5][c]
            }
        }
        return HeatMap(
            "Final loss after 50 epochs", x: "batch size", y: "learning rate", columns: batches, rows: rates,
            values: losses, color: .log("final loss"))
    }

    /// A logistic classifier with a curved boundary over XOR-easy, given by its probability
    /// of label 1.
    static var decisionRegions: DecisionRegions {
        let data = scatter.classes
        let xs = data.flatMap(\.x), ys = data.flatMap(\.y)
        let labels = data.enumerated().flatMap { c, series in series.x.map { _ in c } }
        func probability(_ x1: Double, _ x2: Double) -> Double {
            1 / (1 + exp(8 * (x2 - x1 + 0.12 - 0.1 * x1 * x1)))
        }
        return DecisionRegions(
            "Prediction", xRange: -1.2...1.2, yRange: -2.2...1.2, resolution: 60, xs: xs, ys: ys, labels: labels,
            classNames: ["label 0", "label 1"], probability: probability)
    }

    /// Truth beside prediction.
    static var panels: Panels {
        var truth = scatter
        truth.title = "Truth"
        var prediction = decisionRegions
        (truth.size, prediction.size) = (Size(300, 320), Size(300, 320))
        return Panels(truth, prediction, title: "XOR-easy: truth and prediction")
    }
}
