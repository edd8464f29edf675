import Foundation
import Plotting
import Testing

/// Each chart kind's SVG, compared byte for byte with `Golden/<name>.svg`.
///
/// Regenerate after a deliberate change, then review the diff (and the PNGs from
/// `scripts/svg-to-png.sh`):  DESCENT_UPDATE_GOLDEN=1 swift test --filter GoldenTests
struct GoldenTests {
    @Test(arguments: Fixtures.all.map(\.name))
    func matchesGolden(name: String) throws {
        let chart = try #require(Fixtures.all.first { $0.name == name }).chart
        let actual = chart.svg()
        if ProcessInfo.processInfo.environment["DESCENT_UPDATE_GOLDEN"] == "1" {
            try actual.write(
                to: Self.sourceFolder.appendingPathComponent("\(name).svg"), atomically: true, encoding: .utf8)
            return
        }
        let url = try #require(
            Bundle.module.url(forResource: name, withExtension: "svg", subdirectory: "Golden"),
            "no golden for \(name); run with DESCENT_UPDATE_GOLDEN=1 to write it")
        let expected = try String(contentsOf: url, encoding: .utf8)
        if actual != expected {
            let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(name).actual.svg")
            try actual.write(to: path, atomically: true, encoding: .utf8)
            Issue.record("\(name).svg differs from its golden; actual output written to \(path.path)")
        }
    }

    /// Tests/PlottingTests/Golden in the source tree.
    private static var sourceFolder: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Golden")
    }
}
