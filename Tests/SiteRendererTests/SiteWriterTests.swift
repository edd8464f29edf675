import Foundation
import LessonRunner
import Testing

@testable import SiteRenderer

@Suite struct SiteWriterTests {
    let parent = FileManager.default.temporaryDirectory.appendingPathComponent("descent-site-\(UUID().uuidString)")

    func site(_ files: [String: String], copies: [String: URL] = [:]) -> SiteOutput {
        var site = SiteOutput()
        site.files = files.mapValues { Data($0.utf8) }
        site.copies = copies
        return site
    }

    /// The folder `site` in `parent`, claimed for writing.
    func claimed() throws -> OutputFolder {
        try OutputFolder.claim(parent.appendingPathComponent("site").path, protecting: [], waiting: { _ in })
    }

    /// What every written site holds besides its files: descent's marker.
    let marker = [OutputFolder.markerName: OutputFolder.marker]

    func contents(of folder: URL) throws -> [String: String] {
        let paths = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? []
        var contents: [String: String] = [:]
        for path in paths {
            var isFolder: ObjCBool = false
            let exists = FileManager.default.fileExists(
                atPath: folder.appendingPathComponent(path).path, isDirectory: &isFolder)
            if exists && !isFolder.boolValue {
                contents[path] = try String(contentsOf: folder.appendingPathComponent(path), encoding: .utf8)
            }
        }
        return contents
    }

    @Test func aNewSiteReplacesTheOldOneWhole() throws {
        defer { try? FileManager.default.removeItem(at: parent) }
        let out = try claimed()
        try SiteWriter.write(site(["index.html": "one", "a/old.svg": "old"]), to: out)
        try SiteWriter.write(site(["index.html": "two", "a/new.svg": "new"]), to: out)
        #expect(try contents(of: out.url) == marker.merging(["index.html": "two", "a/new.svg": "new"]) { $1 })
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["site"])
    }

    /// Each file's inode and modification time (seconds, nanoseconds).
    func identity(of file: URL) -> [Int] {
        var status = stat()
        guard lstat(file.path, &status) == 0 else { return [] }
        return [Int(status.st_ino), status.st_mtim.tv_sec, status.st_mtim.tv_nsec]
    }

    @Test func aFileWhoseBytesDidNotChangeIsTheSameFileAfterwards() throws {
        defer { try? FileManager.default.removeItem(at: parent) }
        let out = try claimed()
        try SiteWriter.write(site(["index.html": "same", "a/page.html": "one"]), to: out)
        let names = ["index.html", "a/page.html", OutputFolder.markerName]
        let before = names.map { identity(of: out.url.appendingPathComponent($0)) }
        Thread.sleep(forTimeInterval: 0.01)
        try SiteWriter.write(site(["index.html": "same", "a/page.html": "two"]), to: out)
        let after = names.map { identity(of: out.url.appendingPathComponent($0)) }
        #expect(after[0] == before[0] && after[2] == before[2])
        #expect(after[1] != before[1])
        #expect(try contents(of: out.url) == marker.merging(["index.html": "same", "a/page.html": "two"]) { $1 })
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["site"])
    }

    @Test func aBuildThatFailsWhileWritingLeavesThePreviousSite() throws {
        defer { try? FileManager.default.removeItem(at: parent) }
        let out = try claimed()
        try SiteWriter.write(site(["index.html": "one"]), to: out)
        let missing = parent.appendingPathComponent("no-such-image.png")
        #expect(throws: (any Error).self) {
            try SiteWriter.write(site(["index.html": "two"], copies: ["x.png": missing]), to: out)
        }
        #expect(try contents(of: out.url) == marker.merging(["index.html": "one"]) { $1 })
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["site"])
    }

    @Test func aHalfWrittenSiteFromAnInterruptedBuildIsCleanedUp() throws {
        defer { try? FileManager.default.removeItem(at: parent) }
        let staging = parent.appendingPathComponent(".site.building")
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        try Data(OutputFolder.marker.utf8).write(to: staging.appendingPathComponent(OutputFolder.markerName))
        try Data("half".utf8).write(to: staging.appendingPathComponent("half.html"))
        try SiteWriter.write(site(["index.html": "whole"]), to: try claimed())
        #expect(
            try contents(of: parent.appendingPathComponent("site")) == marker.merging(["index.html": "whole"]) { $1 })
        #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["site"])
    }
}
