import Testing

@testable import Plotting

struct PolylineTests {
    let box = Rect(x: 0, y: 0, width: 100, height: 100)

    @Test func nonFinitePointsBreakTheLine() {
        let points = [
            Point(x: 10, y: 10), Point(x: 20, y: 20), Point(x: .nan, y: 5), Point(x: 30, y: 30),
            Point(x: 40, y: .infinity),
        ]
        #expect(Polyline.pathData(points, clip: box) == "M10 10L20 20M30 30h0")
    }

    @Test func segmentsAreClippedAtTheBorder() {
        let points = [Point(x: 50, y: 50), Point(x: 150, y: 50), Point(x: 150, y: 60), Point(x: 50, y: 60)]
        #expect(Polyline.pathData(points, clip: box) == "M50 50L100 50M100 60L50 60")
    }

    @Test func segmentOutsideIsDropped() {
        #expect(Polyline.clipped(Point(x: -10, y: -10), Point(x: -5, y: 50), to: box) == nil)
    }

    @Test func decimationKeepsEachColumnsExtremes() {
        // 1000 points over 10 pixel columns, with one spike in the middle.
        let points = (0..<1000).map { i in Point(x: Double(i) / 100, y: i == 555 ? 99 : 50 + Double(i % 7)) }
        let kept = Polyline.decimated(points)
        #expect(kept.count <= 40)
        #expect(kept.contains(Point(x: 5.55, y: 99)))
        #expect(kept.first == points.first && kept.last == points.last)
        #expect(kept.map(\.y).min() == 50)
    }

    @Test func markersKeepTheirDistance() {
        let points = (0..<100).map { Point(x: Double($0), y: Double($0 % 3)) }
        let kept = Polyline.spaced(points, gap: 4)
        #expect(kept.count == 25)
        #expect(kept.first == points.first)
    }

    @Test func shortRunsAreNotDecimated() {
        let points = (0..<50).map { Point(x: Double($0) * 2, y: 1) }
        #expect(Polyline.decimated(points) == points)
    }
}

struct MarchingSquaresTests {
    @Test func circleGivesOneClosedLine() {
        let values: [[Double]] = (0..<21).map { j in (0..<21).map { i in squaredDistance(Double(i), Double(j)) } }
        let lines = MarchingSquares.lines(values, level: 25)
        #expect(lines.count == 1)
        let line = lines[0]
        let (first, last) = (line[0], line[line.count - 1])
        #expect(first.x == last.x && first.y == last.y)
        for p in line {
            let radius = squaredDistance(p.x, p.y).squareRoot()
            #expect((radius - 5).magnitude < 0.1)
        }
    }

    @Test func nonFiniteCellsAreSkipped() {
        let values: [[Double]] = [[0, 1, 2], [0, .nan, 2], [0, 1, 2]]
        #expect(MarchingSquares.lines(values, level: 0.5).isEmpty)
    }

    @Test func quantileLevelsCrowdNearTheMinimum() {
        let samples = (0..<100).map { Double($0 * $0) }
        let levels = ContourLevels.quantiles(4).resolve(samples)
        #expect(levels == [400, 1600, 3600, 6400])
    }
}

/// (x − 10)² + (y − 10)².
private func squaredDistance(_ x: Double, _ y: Double) -> Double {
    let (dx, dy) = (x - 10, y - 10)
    return dx * dx + dy * dy
}
