import Foundation
import LessonParser

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A folder a command of descent writes (the site, the student edition): claimed before any
/// work starts, then replaced whole. The one place that decides whether a folder may be
/// replaced, and how.
///
/// **Which folders.** descent replaces a folder only when it wrote it before — the folder
/// holds descent's marker file, `.descent-output`, which every folder it writes gets — or
/// when the folder is empty or absent; `force` also lets it replace a folder of other files.
/// Never, `force` or not: `/`, the home folder, the current folder or a folder holding one of
/// them; a folder holding a `.git`, at any depth; the lessons, a folder holding them, or a
/// folder holding what a link among them names; a symbolic link or a file.
///
/// **One writer at a time.** A claim holds an exclusive `flock` on the folder's parent (a
/// lock outside the folder, which leaves no file behind) until the claim ends or the process
/// does; the kernel releases it even after SIGKILL. A second claim waits for the first.
///
/// **Whole or not at all.** The new contents are written into `.<name>.building` beside the
/// folder — the marker first — then swapped with the folder in one step (`renameat2` with
/// `RENAME_EXCHANGE` on Linux), and the old contents removed, the marker last. A writer
/// killed at any moment leaves the old folder or the new one; what it left beside (marked,
/// empty, or holding only the start of the marker) is removed by the next claim.
///
/// **Unchanged files stay.** A file staged with `stage(_:at:in:)` whose bytes the folder
/// already holds at that path is a hard link to the folder's file, not a copy: after the
/// swap it is the same file, with its inode and modification time (a browser or a server
/// sees it unchanged). Staged files are never written in place, so the old folder stays
/// whole until the swap.
package final class OutputFolder: Sendable {
    /// The marker's file name and text; the text never changes, so a written folder is
    /// byte-identical from one run to the next.
    package static let markerName = ".descent-output"
    package static let marker = """
        This folder was written by descent, the Descent course's tool, and is replaced whole
        each time it writes it again: keep nothing else in it. descent replaces a folder only
        when it holds this file or is empty.

        """

    /// The folder as the user named it, for messages.
    package let path: String
    /// The folder, absolute.
    package let url: URL
    private let protected: [URL]
    private let force: Bool
    private let lock: Int32

    /// Claims the folder at `path` for writing, or throws a `DescentError` saying why it may not be
    /// replaced. `protected` are the lessons (folders or files) the command reads. When
    /// another descent holds the folder, calls `waiting` with a message and waits for it.
    package static func claim(
        _ path: String, protecting protected: [String], force: Bool = false,
        waiting: (String) -> Void
    ) throws -> OutputFolder {
        let url = URL(fileURLWithPath: path).standardizedFileURL
        let protected = protected.map { URL(fileURLWithPath: $0).standardizedFileURL }
        if let reason = refusal(of: url, protecting: protected, force: force) {
            throw DescentError("descent will not replace \(named(path, url)): \(reason)")
        }
        let parent = url.deletingLastPathComponent()
        do {
            try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        } catch {
            throw DescentError("cannot make \(parent.path), to hold \(named(path, url)): \(error.localizedDescription)")
        }
        let lock = open(parent.path, O_RDONLY | O_CLOEXEC)
        guard lock >= 0 else {
            throw DescentError("cannot open \(parent.path) to lock it: \(String(cString: strerror(errno)))")
        }
        // From here on the claim owns the descriptor and closes it, however it ends.
        let folder = OutputFolder(path: path, url: url, protected: protected, force: force, lock: lock)
        if flock(lock, LOCK_EX | LOCK_NB) != 0 {
            guard errno == EWOULDBLOCK else {
                throw DescentError("cannot lock \(parent.path): \(String(cString: strerror(errno)))")
            }
            waiting("waiting for another descent that is writing in \(parent.path) …")
            while flock(lock, LOCK_EX) != 0 {
                guard errno == EINTR else {
                    throw DescentError("cannot lock \(parent.path): \(String(cString: strerror(errno)))")
                }
            }
        }
        try folder.removeLeftovers()
        return folder
    }

    private init(path: String, url: URL, protected: [URL], force: Bool, lock: Int32) {
        self.path = path
        self.url = url
        self.protected = protected
        self.force = force
        self.lock = lock
    }

    deinit { close(lock) }

    /// Calls `fill` with an empty staging folder (holding only the marker), then puts that
    /// folder where this one is. The folder is inspected again first, as it may have changed
    /// while the command worked.
    package func replace(fill: (URL) throws -> Void) throws {
        if let reason = Self.refusal(of: url, protecting: protected, force: force) {
            throw DescentError("descent will not replace \(Self.named(path, url)): \(reason)")
        }
        try removeLeftovers()
        let manager = FileManager.default
        try manager.createDirectory(at: staging, withIntermediateDirectories: false)
        do {
            try stage(Data(Self.marker.utf8), at: Self.markerName, in: staging)
            try fill(staging)
            try swap()
        } catch {
            try? Self.remove(staging)
            throw error
        }
    }

    /// Puts `data` at `path` (relative) in `staging`, making the folders on the way: a hard
    /// link to the folder's current file at `path` when that is a regular file holding these
    /// very bytes, so that it keeps its inode and modification time; else a new file.
    package func stage(_ data: Data, at path: String, in staging: URL) throws {
        let target = staging.appendingPathComponent(path)
        try FileManager.default.createDirectory(
            at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
        let current = url.appendingPathComponent(path)
        if Self.isRegularFile(current, holding: data), link(current.path, target.path) == 0 { return }
        try data.write(to: target)
    }

    /// Why `folder` may not be replaced, or nil when it may.
    package static func refusal(of folder: URL, protecting protected: [URL], force: Bool) -> String? {
        let manager = FileManager.default
        let real = real(folder)
        let environment = ProcessInfo.processInfo.environment
        let homes = [environment["HOME"], manager.homeDirectoryForCurrentUser.path].compactMap { $0 }.filter {
            !$0.isEmpty
        }
        // The lessons folder, then each of its entries that is a link (to a lesson elsewhere).
        let lessons = protected.flatMap { url in
            guard url.hasDirectoryPath || (try? url.resourceValues(forKeys: [.isDirectoryKey]).isDirectory) == true
            else {
                return [("the lesson \(url.lastPathComponent)", url.path)]
            }
            let links = ((try? manager.contentsOfDirectory(atPath: url.path)) ?? []).sorted().filter { name in
                (try? manager.attributesOfItem(atPath: url.appendingPathComponent(name).path)[.type]
                    as? FileAttributeType) == .typeSymbolicLink
            }
            return [("the lessons folder", url.path)]
                + links.map { ("the lesson \($0)", url.appendingPathComponent($0).path) }
        }
        let guarded =
            lessons + [("the current folder", manager.currentDirectoryPath)] + homes.map { ("your home folder", $0) }
        if real == "/" { return "it is the root folder" }
        for (name, path) in guarded {
            let guardedPath = Self.real(URL(fileURLWithPath: path))
            if guardedPath == real { return "it is \(name)" }
            if guardedPath.hasPrefix(real + "/") { return "it holds \(name) (\(guardedPath))" }
        }
        guard let kind = try? manager.attributesOfItem(atPath: folder.path)[.type] as? FileAttributeType else {
            return nil
        }
        if kind == .typeSymbolicLink { return "it is a symbolic link" }
        if kind != .typeDirectory { return "it is a file, not a folder" }
        let contents = ((try? manager.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
        if let git = gitRepository(in: folder) { return "it holds a git repository (\(git))" }
        if contents.isEmpty || isMarked(folder) || force { return nil }
        let shown = contents.prefix(3).joined(separator: ", ") + (contents.count > 3 ? ", …" : "")
        let marker = contents.contains(markerName) ? "a \(markerName) that is not descent's" : "no \(markerName)"
        return "it holds files descent did not write (\(shown)) and \(marker); "
            + "empty it or choose another folder (--force replaces it all the same)"
    }

    /// Why a command may not write the file `file` (like the grades of `grade -o`), or nil
    /// when it may: it is a folder, or it is, or is inside, one of the `protected` paths
    /// the command reads, each given with what to call it ("the lessons folder").
    package static func refusal(ofFile file: URL, protecting protected: [(name: String, path: String)]) -> String? {
        let real = real(file)
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: real, isDirectory: &isFolder), isFolder.boolValue {
            return "it is a folder"
        }
        for (name, path) in protected {
            let guarded = Self.real(URL(fileURLWithPath: path))
            if guarded == real { return "it is \(name)" }
            if real.hasPrefix(guarded + "/") { return "it is in \(name) (\(guarded))" }
        }
        return nil
    }
}

// MARK: - Private

private extension OutputFolder {
    /// Where the new contents are written before the swap.
    var staging: URL { beside("building") }

    /// `.<name>.<suffix>` beside the folder.
    func beside(_ suffix: String) -> URL {
        url.deletingLastPathComponent().appendingPathComponent(".\(url.lastPathComponent).\(suffix)")
    }

    /// Removes what a killed writer left beside the folder: its staging folder, or the old
    /// contents it had swapped out. Those are descent's own (marked or empty); anything else
    /// by those names is refused, not removed.
    func removeLeftovers() throws {
        for leftover in [staging, beside("previous")] where FileManager.default.fileExists(atPath: leftover.path) {
            if let reason = Self.refusal(of: leftover, protecting: protected, force: force),
                !Self.holdsPartOfTheMarker(leftover)
            {
                throw DescentError(
                    "descent will not remove '\(leftover.path)', in the way of writing \(Self.named(path, url)): \(reason)"
                )
            }
            try Self.remove(leftover)
        }
    }

    /// Puts the staging folder where the folder is; the old folder, if any, is removed.
    func swap() throws {
        let manager = FileManager.default
        guard manager.fileExists(atPath: url.path) else {
            try manager.moveItem(at: staging, to: url)
            return
        }
        if Self.exchange(staging, url) {
            try Self.remove(staging)
            return
        }
        // Two renames: a reader may find no folder between them, but never half of one.
        let old = beside("previous")
        try manager.moveItem(at: url, to: old)
        try manager.moveItem(at: staging, to: url)
        try Self.remove(old)
    }

    /// Removes a folder descent wrote, its marker last: a removal cut short leaves a folder
    /// that is still marked as descent's, which the next claim removes.
    static func remove(_ folder: URL) throws {
        let manager = FileManager.default
        for name in try manager.contentsOfDirectory(atPath: folder.path) where name != markerName {
            try manager.removeItem(at: folder.appendingPathComponent(name))
        }
        try manager.removeItem(at: folder)
    }

    /// The folder as named, and where that is when it is not plain: `'.' (/home/ada/course)`.
    static func named(_ path: String, _ url: URL) -> String {
        url.path == path ? "'\(path)'" : "'\(path)' (\(url.path))"
    }

    /// Whether the folder holds descent's marker (its first line is enough), a file of its own.
    static func isMarked(_ folder: URL) -> Bool {
        markerText(in: folder)?.hasPrefix(String(marker.prefix { $0 != "\n" })) == true
    }

    /// Whether the folder holds nothing but the start of descent's marker: what a writer
    /// killed while it wrote the marker into its staging folder left.
    static func holdsPartOfTheMarker(_ folder: URL) -> Bool {
        (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) == [markerName]
            && markerText(in: folder).map(marker.hasPrefix) == true
    }

    /// Whether `file` is a regular file (not a link) whose bytes are `data`.
    static func isRegularFile(_ file: URL, holding data: Data) -> Bool {
        var status = stat()
        guard lstat(file.path, &status) == 0, status.st_mode & S_IFMT == S_IFREG, status.st_size == data.count
        else { return false }
        return (try? Data(contentsOf: file)) == data
    }

    /// The text of the folder's `.descent-output` when it is a regular file (not a link).
    static func markerText(in folder: URL) -> String? {
        let file = folder.appendingPathComponent(markerName)
        guard
            (try? FileManager.default.attributesOfItem(atPath: file.path)[.type] as? FileAttributeType) == .typeRegular
        else { return nil }
        return try? String(contentsOf: file, encoding: .utf8)
    }

    /// The first `.git` found anywhere inside the folder, relative to it (links not followed).
    static func gitRepository(in folder: URL) -> String? {
        let manager = FileManager.default
        var pending = [""]
        while let relative = pending.popLast() {
            let names = (try? manager.contentsOfDirectory(atPath: folder.appendingPathComponent(relative).path)) ?? []
            for name in names.sorted() {
                let path = relative.isEmpty ? name : relative + "/" + name
                if name == ".git" { return path }
                let kind =
                    try? manager.attributesOfItem(atPath: folder.appendingPathComponent(path).path)[.type]
                    as? FileAttributeType
                if kind == .typeDirectory { pending.append(path) }
            }
        }
        return nil
    }

    /// The absolute path with symbolic links resolved, also for a path that does not exist
    /// yet (its nearest existing ancestor is resolved).
    static func real(_ url: URL) -> String {
        let url = url.standardizedFileURL
        if url.path == "/" || FileManager.default.fileExists(atPath: url.path) {
            return url.resolvingSymlinksInPath().path
        }
        let parent = real(url.deletingLastPathComponent())
        return (parent == "/" ? "" : parent) + "/" + url.lastPathComponent
    }

    /// Swaps two paths atomically with Linux's `renameat2(…, RENAME_EXCHANGE)`, looked up at
    /// run time since Glibc's Swift module does not declare it; false where it is missing.
    static func exchange(_ first: URL, _ second: URL) -> Bool {
        #if canImport(Glibc)
            typealias RenameAt2 =
                @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
            guard let symbol = dlsym(nil, "renameat2") else { return false }
            let renameExchange: UInt32 = 1 << 1
            return unsafeBitCast(symbol, to: RenameAt2.self)(
                AT_FDCWD, first.path, AT_FDCWD, second.path, renameExchange) == 0
        #else
            return false
        #endif
    }
}
