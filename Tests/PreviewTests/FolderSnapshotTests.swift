import Foundation
import Testing

@testable import Preview

/// What the lessons folder's watcher sees change.
@Suite struct FolderSnapshotTests {
    static func folder() throws -> URL {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("snapshot-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("images"), withIntermediateDirectories: true)
        try Data("one".utf8).write(to: folder.appendingPathComponent("01-one.md"))
        try Data("two".utf8).write(to: folder.appendingPathComponent("02-two.md"))
        try Data("<svg/>".utf8).write(to: folder.appendingPathComponent("images/a.svg"))
        return folder
    }

    @Test func nothingChangedIsNoChange() throws {
        let folder = try Self.folder()
        #expect(FolderSnapshot(of: folder).changes(since: FolderSnapshot(of: folder)).isEmpty)
        #expect(FolderSnapshot(of: folder).files.keys.sorted() == ["01-one.md", "02-two.md", "images/a.svg"])
    }

    @Test func aFileSavedWithTheSameSizeAddedOrRemovedIsAChange() throws {
        let folder = try Self.folder()
        let before = FolderSnapshot(of: folder)
        Thread.sleep(forTimeInterval: 0.01)
        try Data("ONE".utf8).write(to: folder.appendingPathComponent("01-one.md"))
        try Data("new".utf8).write(to: folder.appendingPathComponent("images/b.svg"))
        try FileManager.default.removeItem(at: folder.appendingPathComponent("02-two.md"))
        #expect(FolderSnapshot(of: folder).changes(since: before) == ["01-one.md", "images/b.svg", "02-two.md"])
    }

    @Test func aFileRenamedOverTheOldOneIsAChange() throws {
        let folder = try Self.folder()
        let before = FolderSnapshot(of: folder)
        let saved = folder.appendingPathComponent("01-one.md")
        // As editors save: a new file (same size, and the same time stamp) renamed over the old one.
        let modified = try FileManager.default.attributesOfItem(atPath: saved.path)[.modificationDate]
        try Data("eno".utf8).write(to: folder.appendingPathComponent("01-one.md.new"))
        try FileManager.default.setAttributes(
            [.modificationDate: modified as Any], ofItemAtPath: folder.appendingPathComponent("01-one.md.new").path)
        #expect(rename(folder.appendingPathComponent("01-one.md.new").path, saved.path) == 0)
        #expect(FolderSnapshot(of: folder).changes(since: before) == ["01-one.md"])
    }

    @Test func hiddenFilesAndBackupsAreNotWatched() throws {
        let folder = try Self.folder()
        let before = FolderSnapshot(of: folder)
        try Data("swap".utf8).write(to: folder.appendingPathComponent(".01-one.md.swp"))
        try Data("backup".utf8).write(to: folder.appendingPathComponent("01-one.md~"))
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent(".git"), withIntermediateDirectories: true)
        try Data("x".utf8).write(to: folder.appendingPathComponent(".git/index"))
        #expect(FolderSnapshot(of: folder).changes(since: before).isEmpty)
    }
}
