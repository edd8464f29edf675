import Foundation
import Testing

/// `descent figures LESSON --set …` redraws that lesson's figures and page with the new
/// value, leaves the other lessons as they were, and does not recompile.
@Test func figuresRedrawsOneLessonWithANewValue() throws {
    let folder = try DescentBinary.copyOfFixture("figures")
    defer { try? FileManager.default.removeItem(at: folder) }
    let site = folder.appendingPathComponent("site")
    let build = try DescentBinary.run(["build", "--lessons", folder.path, "--out", site.path])
    #expect(build.status == 0, "\(build.stdout)\(build.stderr)")
    func read(_ path: String) throws -> String {
        try String(contentsOf: site.appendingPathComponent(path), encoding: .utf8)
    }
    let figure = try read("01-line/line.svg")
    let other = try read("02-other.html")

    let redraw = try DescentBinary.run([
        "figures", "01-line", "--lessons", folder.path, "--out", site.path, "--set", "slope=3",
    ])
    #expect(redraw.status == 0, "\(redraw.stdout)\(redraw.stderr)")
    // A summary, not every output (`--verbose` shows them, below).
    #expect(!redraw.stdout.contains("y(4) = 12.0"), "\(redraw.stdout)")
    #expect(
        redraw.stdout.contains("01-line.md: 1 block ran with slope = 3.0; 1 figure drawn, 0 failed\n"),
        "\(redraw.stdout)")
    #expect(try read("01-line/line.svg") != figure)
    #expect(try read("01-line.html").contains("The line with slope 3.0."))
    #expect(try read("01-line.html").contains("computed with <code>slope = 3.0</code>, set on the command line"))
    #expect(try read("02-other.html") == other)

    let verbose = try DescentBinary.run([
        "figures", "01-line", "--lessons", folder.path, "--out", site.path, "--set", "slope=3", "--verbose",
    ])
    #expect(verbose.stdout.contains("y(4) = 12.0"), "\(verbose.stdout)")
}

/// A name no lesson declares is refused with the closest declared names, and no usage.
@Test func figuresSuggestsTheClosestParameterNames() throws {
    // A folder of its own: descent locks the output folder's parent.
    let parent = FileManager.default.temporaryDirectory.appendingPathComponent("descent-figures-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
    defer { try? FileManager.default.removeItem(at: parent) }
    let result = try DescentBinary.run([
        "figures", "01-line", "--lessons", DescentBinary.fixture("figures").path,
        "--out", parent.appendingPathComponent("site").path, "--set", "slpe=3",
    ])
    #expect(result.status == 1)
    #expect(
        result.stderr == "Error: --set slpe=…: no lesson declares a parameter 'slpe'; did you mean 'slope'?\n",
        "\(result.stderr)")
}
