import Foundation
import Testing

@testable import LessonRunner

/// `ContentCache` keeps each entry whole under its key, and stays within its limits by
/// removing the least recently used entries, never one used a moment ago.
@Suite struct ContentCacheTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("descent-cache-\(UUID().uuidString)")

    func cache(bytes: Int = 1 << 20, entries: Int = 1000, recent: Double = 0) -> ContentCache {
        ContentCache(folder: folder, limits: .init(bytes: bytes, entries: entries, recent: recent))
    }

    /// The keys of the entries of `kind`, sorted.
    func keys(_ kind: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder.appendingPathComponent(kind).path)) ?? [])
            .sorted()
    }

    /// Stores `count` entries `e0`, `e1`… of `bytes` bytes each, `e0` used longest ago.
    func storeAged(_ cache: ContentCache, count: Int, bytes: Int) throws {
        for index in 0..<count {
            let file = try cache.store(Data(repeating: UInt8(index), count: bytes), "runs", "e\(index)")
            let used = Date(timeIntervalSinceNow: Double(index - count) * 60)
            try FileManager.default.setAttributes([.modificationDate: used], ofItemAtPath: file.path)
        }
    }

    @Test func anEntryIsFoundByItsKindAndKey() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = cache()
        #expect(cache.data("math", "k1") == nil)
        try cache.store(Data("<span>x</span>".utf8), "math", "k1")
        #expect(cache.data("math", "k1") == Data("<span>x</span>".utf8))
        #expect(cache.data("code", "k1") == nil)
        #expect(keys("math") == ["k1"])
        let beside = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(!beside.contains { $0.hasPrefix(".writing") }, "\(beside)")
    }

    @Test func keysKeepTheirPartsApart() {
        #expect(ContentCache.key(["ab", "c"]) != ContentCache.key(["a", "bc"]))
        #expect(ContentCache.key(["ab", "c"]) == ContentCache.key(["ab", "c"]))
        #expect(ContentCache.key([""]).count == 64)
    }

    @Test func pruningRemovesTheLeastRecentlyUsedEntriesUntilTheCacheFits() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = cache(bytes: 250)
        try storeAged(cache, count: 5, bytes: 100)
        // Using the oldest entry makes it the most recent.
        #expect(cache.data("runs", "e0")?.count == 100)
        let pruning = try #require(cache.prune())
        #expect(pruning == .init(entries: 5, bytes: 500, removedEntries: 3, removedBytes: 300))
        #expect(keys("runs") == ["e0", "e4"])
    }

    @Test func pruningKeepsAtMostTheEntryLimit() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = cache(entries: 2)
        try storeAged(cache, count: 4, bytes: 1)
        cache.prune()
        #expect(keys("runs") == ["e2", "e3"])
    }

    @Test func entriesUsedRecentlyAreKeptWhateverTheLimits() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = cache(bytes: 0, recent: 150)
        try storeAged(cache, count: 4, bytes: 10)
        cache.prune()
        // e2 and e3 were used 2 and 1 minutes ago.
        #expect(keys("runs") == ["e2", "e3"])
    }

    @Test func storingPrunesWhenNoPruningHappenedLately() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        var cache = cache(bytes: 150)
        try storeAged(cache, count: 3, bytes: 100)
        cache.pruneInterval = 0
        try cache.store(Data(count: 10), "runs", "new")
        #expect(keys("runs") == ["e2", "new"])
    }

    @Test func whatAKilledWriterLeftIsRemovedWhenAnHourOld() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = cache()
        let old = try cache.newPath(".writing"), fresh = try cache.newPath(".building")
        try Data("half".utf8).write(to: old)
        try FileManager.default.createDirectory(at: fresh, withIntermediateDirectories: true)
        try FileManager.default.setAttributes(
            [.modificationDate: Date(timeIntervalSinceNow: -7200)], ofItemAtPath: old.path)
        cache.prune()
        #expect(!FileManager.default.fileExists(atPath: old.path))
        #expect(FileManager.default.fileExists(atPath: fresh.path))
    }

    /// Writers, readers and pruners at once (as several descents are): a reader finds an
    /// entry whole or not at all.
    @Test func entriesAreWholeWhileOthersStoreAndPrune() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let cache = cache(bytes: 4 << 16)
        let torn = Counter()
        DispatchQueue.concurrentPerform(iterations: 400) { step in
            let key = "k\(step % 16)"
            let value = UInt8(step % 16)
            switch step % 4 {
            case 0, 1: try? cache.store(Data(repeating: value, count: 1 << 16), "runs", key)
            case 2: cache.prune()
            default:
                if let data = cache.data("runs", key), data.count != 1 << 16 || data.contains(where: { $0 != value }) {
                    torn.add()
                }
            }
        }
        #expect(torn.value == 0)
        let beside = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(!beside.contains { $0.hasPrefix(".writing") }, "\(beside)")
    }

    @Test(arguments: [("123", 123), ("500K", 500 << 10), ("500M", 500 << 20), ("2g", 2 << 30), ("x", nil), ("-1", nil)])
    func theByteLimitIsReadAsPeopleWriteIt(_ text: String, _ bytes: Int?) {
        #expect(ContentCache.Limits.byteCount(text) == bytes)
    }
}

/// A count threads add to.
private final class Counter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func add() { lock.withLock { count += 1 } }
    var value: Int { lock.withLock { count } }
}
