import Testing

@testable import Plotting

struct ScaleTests {
    @Test(
        arguments: [
            (ScaleKind.linear, 0.0...10.0, 5.0, 150.0),
            (.linear, 0.0...10.0, -5.0, 50.0),
            (.linear, -1.0...1.0, 1.0, 200.0),
            (.log, 1.0...1000.0, 10.0, 133.33333333333334),
            (.log, 1e-3...1e3, 1.0, 150.0),
            (.log, 1.0...100.0, 0.0, .nan),
            (.log, 1.0...100.0, -1.0, .nan),
            (.linear, 0.0...1.0, .infinity, .nan),
            (.linear, 0.0...1.0, .nan, .nan),
        ] as [(ScaleKind, ClosedRange<Double>, Double, Double)])
    func maps(kind: ScaleKind, domain: ClosedRange<Double>, value: Double, pixel: Double) {
        let scale = Scale(kind: kind, domain: domain, range: (100, 200))
        let mapped = scale(value)
        if pixel.isNaN { #expect(mapped.isNaN) } else { #expect((mapped - pixel).magnitude < 1e-9) }
    }

    @Test func yAxisRunsUpward() {
        let scale = Scale(kind: .linear, domain: 0...1, range: (300, 20))
        #expect(scale(0) == 300)
        #expect(scale(1) == 20)
    }

    @Test(
        arguments: [
            ([0.3, 0.9, .nan, 0.5], ScaleKind.linear, 0.3...0.9),
            ([.infinity, -.infinity], .linear, 0.0...1.0),
            ([-2.0, 0.5, 3e-4, 40], .log, 1e-4...100.0),
            ([], .log, 1.0...10.0),
        ] as [([Double], ScaleKind, ClosedRange<Double>)])
    func fitsFiniteData(values: [Double], kind: ScaleKind, expected: ClosedRange<Double>) {
        let fit = Scale.fit(values, kind: kind)
        #expect((fit.lowerBound - expected.lowerBound).magnitude <= 1e-12 * max(1, expected.lowerBound.magnitude))
        #expect((fit.upperBound - expected.upperBound).magnitude <= 1e-12 * max(1, expected.upperBound.magnitude))
    }
}
