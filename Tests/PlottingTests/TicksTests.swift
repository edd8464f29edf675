import Testing

@testable import Plotting

/// Cases from d3-array's test/ticks-test.js, plus exactness and labels.
struct TicksTests {
    @Test(
        arguments: [
            (0.0, 1.0, 10, [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1]),
            (0.0, 1.0, 5, [0, 0.2, 0.4, 0.6, 0.8, 1]),
            (0.0, 1.0, 4, [0, 0.2, 0.4, 0.6, 0.8, 1]),
            (0.0, 1.0, 3, [0, 0.5, 1]),
            (0.0, 1.0, 2, [0, 0.5, 1]),
            (0.0, 1.0, 1, [0, 1]),
            (0.0, 10.0, 10, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10]),
            (0.0, 10.0, 5, [0, 2, 4, 6, 8, 10]),
            (0.0, 10.0, 2, [0, 5, 10]),
            (0.0, 10.0, 1, [0, 10]),
            (-10.0, 10.0, 10, [-10, -8, -6, -4, -2, 0, 2, 4, 6, 8, 10]),
            (-10.0, 10.0, 5, [-10, -5, 0, 5, 10]),
            (-10.0, 10.0, 2, [-10, 0, 10]),
            (-10.0, 10.0, 1, [0]),
            (1.0, 0.0, 5, [1, 0.8, 0.6, 0.4, 0.2, 0]),
            (0.13, 0.87, 5, [0.2, 0.4, 0.6, 0.8]),
            (3.0, 3.0, 5, [3]),
            (-3.3, 97.1, 5, [0, 20, 40, 60, 80]),
            (0.0, 3e-5, 3, [0, 1e-5, 2e-5, 3e-5]),
        ] as [(Double, Double, Int, [Double])])
    func linearTicks(start: Double, stop: Double, count: Int, expected: [Double]) {
        #expect(Ticks.linear(start, stop, count: count) == expected)
    }

    @Test func ticksAreExactMultiples() {
        // 3 × 0.1 is 0.30000000000000004; the tick is 3 / 10, which is the Double 0.3.
        #expect(Ticks.linear(0, 1, count: 10)[3] == 0.3)
        #expect(Ticks.linear(0, 0.7, count: 7)[7] == 0.7)
    }

    @Test(
        arguments: [
            (0.13...0.87, 0.0...1.0),
            (1.0...9.0, 0.0...10.0),
            (-3.3...97.1, -20.0...100.0),
            (5.0...5.0, 4.0...6.0),
            (0.001...0.0093, 0.0...0.01),
        ] as [(ClosedRange<Double>, ClosedRange<Double>)])
    func nice(domain: ClosedRange<Double>, expected: ClosedRange<Double>) {
        #expect(Ticks.nice(domain) == expected)
    }

    @Test(
        arguments: [
            (0.0, 1.0, 5, ["0", "0.2", "0.4", "0.6", "0.8", "1"]),
            (-1.0, 1.0, 4, ["−1", "−0.5", "0", "0.5", "1"]),
            (0.0, 0.05, 5, ["0", "0.01", "0.02", "0.03", "0.04", "0.05"]),
            (0.0, 1000.0, 4, ["0", "200", "400", "600", "800", "1000"]),
            (0.0, 2e6, 2, ["0", "1e6", "2e6"]),
            (0.0, 3e-5, 3, ["0", "1e−5", "2e−5", "3e−5"]),
        ] as [(Double, Double, Int, [String])])
    func labels(start: Double, stop: Double, count: Int, expected: [String]) {
        #expect(Ticks.spec(start, stop, count: Double(count)).labels.map(\.plain) == expected)
    }

    @Test(
        arguments: [
            (1e-3, 1e2, [-3, -2, -1, 0, 1, 2], 40),
            (1.0, 1e4, [0, 1, 2, 3, 4], 32),
            (1e-12, 1.0, [-12, -9, -6, -3, 0], 8),
            (1e-10, 1e0, [-10, -8, -6, -4, -2, 0], 5),
            (1e-16, 1.0, [-16, -12, -8, -4, 0], 12),
            (2.0, 8.0, [], 7),
            (0.5, 20.0, [0, 1], 14),
        ] as [(Double, Double, [Int], Int)])
    func logTicks(low: Double, high: Double, major: [Int], minorCount: Int) {
        let ticks = Ticks.log(low, high)
        #expect(ticks.major == major)
        #expect(ticks.minor.count == minorCount)
    }

    @Test(
        arguments: [
            (0.02...3.0, 0.01...10.0),
            (1.0...1000.0, 1.0...1000.0),
            (2.6e-5...15.0, 1e-6...100.0),
            (5.0...5.0, 1.0...10.0),
            (3e-16...0.5, 1e-16...1.0),
        ] as [(ClosedRange<Double>, ClosedRange<Double>)])
    func niceLog(domain: ClosedRange<Double>, expected: ClosedRange<Double>) {
        let nice = Ticks.niceLog(domain)
        #expect((nice.lowerBound / expected.lowerBound - 1).magnitude < 1e-12)
        #expect((nice.upperBound / expected.upperBound - 1).magnitude < 1e-12)
    }
}
