import Plotting

/// One deterministic chart per kind, drawn from data the course's lessons produce.
enum Fixtures {
  static var all: [(name: String, chart: any Chart)] {
    [
      ("line-log", lineLog),
      ("line-long", lineLong),
      ("scatter", scatter),
      ("contour", contour),
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
      paths: [run("SGD, γ = 0.9", 0.9, momentum: 0), run("SGD, γ = 1", 1, momentum: 0), run("momentum", 0.1, momentum: 0.8)]
    ) { x1, x2 in 0.1 * x1 * x1 + x2 * x2 }
  }
}
