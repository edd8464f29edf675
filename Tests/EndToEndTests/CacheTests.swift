import Foundation
import Testing

/// `descent build` with its cache: a build from a warm cache is byte for byte the build from
/// an empty one, and a rebuild rewrites only the files whose bytes changed.
@Suite struct CacheTests {
    /// Builds `lessons` in `folder` into `out` with the cache in `cache`.
    static func build(_ folder: URL, out: String, cache: URL) throws -> DescentBinary.Result {
        let result = try DescentBinary.run(
            ["build", "--lessons", "lessons", "--out", out], in: folder,
            environment: ["DESCENT_CACHE_DIR": cache.path])
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        return result
    }

    @Test func aBuildFromAWarmCacheIsTheBuildFromAnEmptyOne() throws {
        let folder = try DescentBinary.copyOfFixture("site-course")
        let cache = folder.deletingLastPathComponent().appendingPathComponent("cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: cache) }
        _ = try Self.build(folder, out: "cold", cache: cache)
        for kind in ["programs", "runs", "math", "code"] {
            let entries = try FileManager.default.contentsOfDirectory(atPath: cache.appendingPathComponent(kind).path)
            #expect(!entries.isEmpty, "the cold build stored no \(kind)")
        }
        _ = try Self.build(folder, out: "warm", cache: cache)
        let cold = try DescentBinary.files(in: folder.appendingPathComponent("cold"))
        let warm = try DescentBinary.files(in: folder.appendingPathComponent("warm"))
        #expect(cold.keys.sorted() == warm.keys.sorted())
        for (path, data) in cold {
            #expect(warm[path] == data, "\(path) differs between a cold and a warm build")
        }
    }

    /// Two descents filling one empty cache at once (each compiling, running, typesetting
    /// and storing the same entries) both succeed, with the same site.
    @Test func twoDescentsShareOneCache() throws {
        let folder = try DescentBinary.copyOfFixture("site-course")
        let cache = folder.deletingLastPathComponent().appendingPathComponent("cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: cache) }
        // Sites in folders of their own parents, so that neither waits for the other's lock.
        let running = try ["one", "two"].map { name in
            try DescentBinary.start(
                ["build", "--lessons", "lessons", "--out", "\(name)/site"], in: folder,
                environment: ["DESCENT_CACHE_DIR": cache.path])
        }
        for result in try running.map({ try $0.finish() }) {
            #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        }
        let one = try DescentBinary.files(in: folder.appendingPathComponent("one/site"))
        let two = try DescentBinary.files(in: folder.appendingPathComponent("two/site"))
        #expect(!one.isEmpty && one == two)
    }

    @Test func aRebuildRewritesOnlyTheFilesThatChanged() throws {
        let folder = try DescentBinary.copyOfFixture("site-course")
        let cache = folder.deletingLastPathComponent().appendingPathComponent("cache-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: cache) }
        let site = folder.appendingPathComponent("site")
        _ = try Self.build(folder, out: "site", cache: cache)
        let before = try Self.identities(in: site)
        let lesson = folder.appendingPathComponent("lessons/02-more.md")
        try (String(contentsOf: lesson, encoding: .utf8) + "\nOne more line of prose.\n").write(
            to: lesson, atomically: true, encoding: .utf8)
        Thread.sleep(forTimeInterval: 0.05)  // so that a rewritten file would get another time
        _ = try Self.build(folder, out: "site", cache: cache)
        let after = try Self.identities(in: site)

        #expect(before.keys.sorted() == after.keys.sorted())
        #expect(before.keys.contains("01-basics.html") && before.keys.contains("katex/katex.min.css"))
        for (path, identity) in before where path != "02-more.html" {
            #expect(after[path] == identity, "\(path) was rewritten though its bytes did not change")
        }
        #expect(after["02-more.html"] != before["02-more.html"])
        let page = try String(contentsOf: site.appendingPathComponent("02-more.html"), encoding: .utf8)
        #expect(page.contains("One more line of prose."))
    }

    /// Each file's inode and modification time, by its path in `folder`.
    static func identities(in folder: URL) throws -> [String: [Int]] {
        var identities: [String: [Int]] = [:]
        for path in try DescentBinary.files(in: folder).keys {
            var status = stat()
            #expect(lstat(folder.appendingPathComponent(path).path, &status) == 0)
            identities[path] = [Int(status.st_ino), status.st_mtim.tv_sec, status.st_mtim.tv_nsec]
        }
        return identities
    }
}
