import Foundation

/// The files of a folder with what tells a saved file apart: modification time, size and
/// inode (an editor that saves by renaming a new file over the old one changes the inode).
/// Taken again every so often, two snapshots say which files were added, changed or
/// removed: polling works wherever `stat` does and sees every way editors save, and a
/// lessons folder of some dozen files costs microseconds a poll.
///
/// Hidden files and folders (a leading dot: `.git`, vim's `.x.md.swp`) and backups
/// (`x.md~`) are not part of it.
public struct FolderSnapshot: Equatable, Sendable {
    struct Stamp: Equatable, Sendable {
        var seconds: Int
        var nanoseconds: Int
        var size: Int
        var inode: UInt

        init(_ info: stat) {
            #if canImport(Darwin)
                let modified = info.st_mtimespec
            #else
                let modified = info.st_mtim
            #endif
            (seconds, nanoseconds) = (Int(modified.tv_sec), Int(modified.tv_nsec))
            (size, inode) = (Int(info.st_size), UInt(info.st_ino))
        }
    }

    /// Each regular file, by its path relative to the folder.
    var files: [String: Stamp] = [:]

    /// The files under `folder` now (none when it cannot be read).
    public init(of folder: URL) {
        var pending = [""]
        while let relative = pending.popLast() {
            let here = relative.isEmpty ? folder : folder.appendingPathComponent(relative)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: here.path)) ?? []
            for name in names where !name.hasPrefix(".") && !name.hasSuffix("~") {
                let path = relative.isEmpty ? name : relative + "/" + name
                var info = stat()
                guard stat(folder.appendingPathComponent(path).path, &info) == 0 else { continue }
                switch info.st_mode & S_IFMT {
                case S_IFDIR: pending.append(path)
                case S_IFREG: files[path] = Stamp(info)
                default: continue
                }
            }
        }
    }

    /// The paths added, changed or removed between `earlier` and this snapshot.
    public func changes(since earlier: FolderSnapshot) -> Set<String> {
        let paths = Set(files.keys).union(earlier.files.keys)
        return paths.filter { files[$0] != earlier.files[$0] }
    }
}
