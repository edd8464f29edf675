import Foundation
import LessonParser
import LessonRuntime

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// The one content-addressed cache every stage keeps its results in: compiled programs,
/// their runs, typeset formulas, highlighted code. An entry is one file,
/// `folder/<kind>/<key>`, where the key is the SHA-256 of everything that determines the
/// entry (see `key(_:)`): an entry is never stale, only unused.
///
/// **Atomic.** An entry is written beside, in `folder/.writing-<random>`, and renamed into
/// place, so a reader finds the whole entry or none; two descents storing the same key
/// store the same bytes, and either rename wins.
///
/// **Bounded.** Using an entry sets its modification time to now. `prune()` removes the
/// least recently used entries until the cache holds at most `limits.bytes` bytes and
/// `limits.entries` entries, but never one used in the last `limits.recent` seconds (a
/// program another descent is about to start); storing prunes the cache when nobody has in
/// the last `pruneInterval` seconds. `DESCENT_CACHE_LIMIT` sets the byte limit
/// (`500M`, `2G`; 2 GiB when unset).
package struct ContentCache: Sendable {
    /// How big the cache may grow before old entries are removed.
    package struct Limits: Sendable, Equatable {
        package var bytes: Int
        package var entries: Int
        /// Seconds since its last use during which an entry is kept whatever the limits.
        package var recent: Double

        package init(bytes: Int, entries: Int = 100_000, recent: Double = 600) {
            self.bytes = bytes
            self.entries = entries
            self.recent = recent
        }

        /// 2 GiB, or `DESCENT_CACHE_LIMIT`; 100 000 entries; ten minutes.
        package static var standard: Limits {
            let text = ProcessInfo.processInfo.environment["DESCENT_CACHE_LIMIT"] ?? ""
            return Limits(bytes: byteCount(text) ?? 2 << 30)
        }

        /// `123`, `500K`, `500M`, `2G` as bytes; nil when it is none of these.
        package static func byteCount(_ text: String) -> Int? {
            let units: [Character: Int] = ["K": 1 << 10, "M": 1 << 20, "G": 1 << 30]
            let unit = text.last.flatMap { units[Character($0.uppercased())] }
            guard let number = Int(unit == nil ? text : String(text.dropLast())), number >= 0 else { return nil }
            return number * (unit ?? 1)
        }
    }

    /// The cache's folder.
    package let folder: URL
    package var limits: Limits
    /// Seconds between two prunings that storing starts.
    package var pruneInterval: Double = 60

    package init(folder: URL, limits: Limits = .standard) {
        self.folder = folder
        self.limits = limits
    }

    /// The cache of this descent: `DESCENT_CACHE_DIR`, else `descent-cache` in its build
    /// folder (see `Toolchain`).
    package static var standard: ContentCache {
        let folder =
            ProcessInfo.processInfo.environment["DESCENT_CACHE_DIR"].map { URL(fileURLWithPath: $0) }
            ?? Toolchain.buildDirectory.appendingPathComponent("descent-cache")
        return ContentCache(folder: folder)
    }

    /// The key of an entry determined by `parts`: the SHA-256, in hex, of each part's UTF-8
    /// length and bytes, so that no two lists of parts share a key.
    package static func key(_ parts: [String]) -> String {
        var bytes: [UInt8] = []
        for part in parts {
            bytes += Array("\(part.utf8.count):".utf8) + Array(part.utf8)
        }
        return SHA256.hex(SHA256.hash(bytes))
    }

    /// What changes when the file at `path` is replaced (a compiler, a helper, a library's
    /// version file), for keys that depend on it without reading it: its real path, size
    /// and modification time; empty when there is no such file.
    package static func stamp(of path: String) -> String {
        let real = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: real) else { return "" }
        let date = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
        return "\(real) \(attributes[.size] ?? 0) \(date)"
    }

    /// The entry's file, marked as used now; nil when the cache does not hold it.
    package func lookup(_ kind: String, _ key: String) -> URL? {
        let file = entry(kind, key)
        // Setting the times is the lookup: it fails when there is no such file.
        guard utimensat(AT_FDCWD, file.path, nil, 0) == 0 else { return nil }
        return file
    }

    /// The entry's bytes, marked as used now; nil when the cache does not hold it.
    package func data(_ kind: String, _ key: String) -> Data? {
        lookup(kind, key).flatMap { try? Data(contentsOf: $0) }
    }

    /// Stores `data` as the entry; returns its file.
    @discardableResult
    package func store(_ data: Data, _ kind: String, _ key: String) throws -> URL {
        let temporary = try newPath(".writing")
        do {
            try data.write(to: temporary)
        } catch {
            try? FileManager.default.removeItem(at: temporary)
            throw error
        }
        return try store(file: temporary, kind, key)
    }

    /// Moves `file` (which must be on the cache's file system, see `newPath`) into the
    /// cache as the entry; returns the entry's file.
    @discardableResult
    package func store(file: URL, _ kind: String, _ key: String) throws -> URL {
        let destination = entry(kind, key)
        try FileManager.default.createDirectory(
            at: destination.deletingLastPathComponent(), withIntermediateDirectories: true)
        guard rename(file.path, destination.path) == 0 else {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: file)
            throw DescentError("cannot store \(destination.path) in the cache: \(reason)")
        }
        pruneIfDue()
        return destination
    }

    /// A path in the cache's folder that nothing uses, named `<prefix>-<random>`: where a
    /// stage writes an entry (or a folder to build it in) before storing it. What a killed
    /// descent leaves there is removed by a later pruning.
    package func newPath(_ prefix: String) throws -> URL {
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
    }

    /// What a pruning found and removed.
    package struct Pruning: Equatable, Sendable {
        package var entries = 0
        package var bytes = 0
        package var removedEntries = 0
        package var removedBytes = 0
    }

    /// Removes the least recently used entries until the cache is within its limits (see
    /// the type's comment), and what killed writers left more than an hour ago. One
    /// descent prunes at a time; nil when another one is pruning.
    @discardableResult
    package func prune() -> Pruning? {
        try? FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let lock = open(folder.appendingPathComponent(".pruning").path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard lock >= 0 else { return nil }
        defer { close(lock) }
        guard flock(lock, LOCK_EX | LOCK_NB) == 0 else { return nil }
        futimens(lock, nil)

        let now = Date().timeIntervalSince1970
        var entries: [(path: String, bytes: Int, used: Double)] = []
        let manager = FileManager.default
        for name in (try? manager.contentsOfDirectory(atPath: folder.path)) ?? [] {
            let path = folder.appendingPathComponent(name).path
            if name.hasPrefix(".writing-") || name.hasPrefix(".building-") {
                if let status = Self.status(path), now - status.used > 3600 {
                    try? manager.removeItem(atPath: path)
                }
                continue
            }
            guard !name.hasPrefix("."), Self.status(path)?.isFolder == true else { continue }
            for key in (try? manager.contentsOfDirectory(atPath: path)) ?? [] {
                let file = path + "/" + key
                if let status = Self.status(file), !status.isFolder {
                    entries.append((file, status.bytes, status.used))
                }
            }
        }
        var pruning = Pruning(entries: entries.count, bytes: entries.map(\.bytes).reduce(0, +))
        var (count, bytes) = (pruning.entries, pruning.bytes)
        for entry in entries.sorted(by: { ($0.used, $0.path) < ($1.used, $1.path) }) {
            guard count > limits.entries || bytes > limits.bytes, now - entry.used > limits.recent else { break }
            guard unlink(entry.path) == 0 else { continue }
            count -= 1
            bytes -= entry.bytes
            pruning.removedEntries += 1
            pruning.removedBytes += entry.bytes
        }
        return pruning
    }

    /// The file of an entry.
    private func entry(_ kind: String, _ key: String) -> URL {
        precondition(Self.isName(kind) && Self.isName(key), "not a cache kind and key: '\(kind)', '\(key)'")
        return folder.appendingPathComponent(kind).appendingPathComponent(key)
    }

    /// Prunes when no descent has in the last `pruneInterval` seconds (the lock file's time).
    private func pruneIfDue() {
        var last = stat()
        let lock = folder.appendingPathComponent(".pruning").path
        if stat(lock, &last) == 0, Date().timeIntervalSince1970 - Double(last.st_mtim.tv_sec) < pruneInterval {
            return
        }
        prune()
    }

    /// A kind or key: letters, digits, `-`, `_` and `.`, not starting with `.`.
    private static func isName(_ text: String) -> Bool {
        !text.isEmpty && !text.hasPrefix(".")
            && text.utf8.allSatisfy { $0 == 45 || $0 == 46 || $0 == 95 || (48...57).contains($0) || isLetter($0) }
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (65...90).contains(byte) || (97...122).contains(byte)
    }

    /// A file's size, last use (modification time) and whether it is a folder (links not followed).
    private static func status(_ path: String) -> (bytes: Int, used: Double, isFolder: Bool)? {
        var status = stat()
        guard lstat(path, &status) == 0 else { return nil }
        let used = Double(status.st_mtim.tv_sec) + Double(status.st_mtim.tv_nsec) / 1e9
        return (Int(status.st_size), used, (status.st_mode & S_IFMT) == S_IFDIR)
    }
}
