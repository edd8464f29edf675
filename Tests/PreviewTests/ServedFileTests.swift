import Foundation
import Testing

@testable import Preview

/// Which file a request path reaches: only regular files inside the served folder.
@Suite struct ServedFileTests {
    /// A served folder holding a page, a nested figure, a hidden file and two links; beside
    /// it, a secret.
    static func site() throws -> URL {
        let base = FileManager.default.temporaryDirectory.appendingPathComponent("served-\(UUID().uuidString)")
        let root = base.appendingPathComponent("site")
        try FileManager.default.createDirectory(
            at: root.appendingPathComponent("lesson"), withIntermediateDirectories: true)
        try Data("page".utf8).write(to: root.appendingPathComponent("index.html"))
        try Data("figure".utf8).write(to: root.appendingPathComponent("lesson/figure.svg"))
        try Data("marker".utf8).write(to: root.appendingPathComponent(".descent-output"))
        try Data("secret".utf8).write(to: base.appendingPathComponent("secret.txt"))
        try FileManager.default.createSymbolicLink(
            atPath: root.appendingPathComponent("out.txt").path, withDestinationPath: "../secret.txt")
        try FileManager.default.createSymbolicLink(
            atPath: root.appendingPathComponent("in.svg").path, withDestinationPath: "lesson/figure.svg")
        return root
    }

    @Test(arguments: [
        ("/index.html", "index.html"), ("/", "index.html"), ("", "index.html"),
        ("/lesson/figure.svg", "lesson/figure.svg"),
        ("//lesson//figure.svg", "lesson/figure.svg"), ("/in.svg", "lesson/figure.svg"),
    ])
    func aFileInsideIsServed(_ path: String, _ expected: String) throws {
        let root = try Self.site()
        let file = try #require(ServedFile.resolve(path, in: root))
        #expect(file == root.resolvingSymlinksInPath().appendingPathComponent(expected))
    }

    @Test(arguments: [
        "/../secret.txt", "/lesson/../../secret.txt", "../secret.txt", "/./index.html", "/.descent-output",
        "/out.txt", "/lesson", "/missing.html", "/lesson\\..\\..\\secret.txt", "/index.html\0",
    ])
    func nothingElseIs(_ path: String) throws {
        #expect(ServedFile.resolve(path, in: try Self.site()) == nil)
    }

    @Test func theTypeFollowsTheExtension() {
        #expect(ServedFile.contentType(of: URL(fileURLWithPath: "/a/b.html")) == "text/html; charset=utf-8")
        #expect(ServedFile.contentType(of: URL(fileURLWithPath: "/a/b.SVG")) == "image/svg+xml")
        #expect(ServedFile.contentType(of: URL(fileURLWithPath: "/a/KaTeX_Main.woff2")) == "font/woff2")
        #expect(ServedFile.contentType(of: URL(fileURLWithPath: "/a/b")) == "application/octet-stream")
    }
}
