import Foundation
import Testing

@testable import Preview

/// The watch-and-rebuild loop, with a recording stand-in for the course's build.
@Suite struct LivePreviewTests {
    /// What the loop asked for, recorded on the loop's thread and read by the test's.
    final class Builds: @unchecked Sendable {
        private let lock = NSLock()
        private var recorded: [SourceChanges] = []
        var all: [SourceChanges] { lock.withLock { recorded } }
        func record(_ changes: SourceChanges) { lock.withLock { recorded.append(changes) } }
    }

    @Test func buildsEverythingThenWhatWasSavedAndAdvancesTheBuildEachTime() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("live-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("one".utf8).write(to: folder.appendingPathComponent("01-one.md"))
        let builds = Builds(), generation = BuildGeneration()
        let stop = Builds()  // one .all recorded here means: stop
        let loop = Thread {
            var preview = LivePreview(lessons: folder, generation: generation) { changes in
                builds.record(changes)
                return BuildReport(problem: builds.all.count == 2 ? "broken" : nil)
            }
            preview.interval = 0.02
            preview.run { !stop.all.isEmpty }
        }
        loop.start()
        defer { stop.record(.all) }
        try waitUntil { builds.all == [.all] }
        #expect(generation.state == (1, nil))
        try Data("ONE, saved".utf8).write(to: folder.appendingPathComponent("01-one.md"))
        try waitUntil { builds.all == [.all, .files(["01-one.md"])] }
        try waitUntil { generation.state == (2, "broken") }
    }

    @Test func aSaveThroughATemporaryFileIsOneChange() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("live-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("one".utf8).write(to: folder.appendingPathComponent("01-one.md"))
        var preview = LivePreview(lessons: folder, generation: BuildGeneration()) { _ in BuildReport() }
        preview.interval = 0.04
        let before = FolderSnapshot(of: folder)
        try Data("ONE, saved".utf8).write(to: folder.appendingPathComponent("01-one.md.tmp"))
        // The poll that saw the save begin; the save ends before the folder is looked at again.
        let during = FolderSnapshot(of: folder)
        #expect(
            rename(folder.appendingPathComponent("01-one.md.tmp").path, folder.appendingPathComponent("01-one.md").path)
                == 0)
        #expect(during.changes(since: before) == ["01-one.md.tmp"])
        #expect(preview.settled(during).changes(since: before) == ["01-one.md"])
    }

    func waitUntil(_ condition: () -> Bool) throws {
        let end = Date().addingTimeInterval(30)
        while !condition() {
            guard Date() < end else { throw CancellationError() }
            Thread.sleep(forTimeInterval: 0.01)
        }
    }
}

/// Ending what a stopped server started.
@Suite struct ChildGroupsTests {
    @Test func theDescendantsAreChildrenAndTheirChildren() {
        let parents: [pid_t: pid_t] = [10: 1, 11: 10, 12: 11, 13: 10, 20: 1, 21: 20]
        #expect(ChildGroups.descendants(of: 10, parents: parents).sorted() == [11, 12, 13])
        #expect(ChildGroups.descendants(of: 21, parents: parents).isEmpty)
    }

    @Test func thisProcessIsFoundUnderItsParent() {
        let parents = ChildGroups.parents()
        #expect(parents[getpid()] == getppid())
        #expect(ChildGroups.descendants(of: getppid(), parents: parents).contains(getpid()))
    }
}
