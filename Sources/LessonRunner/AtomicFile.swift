import Foundation
import LessonParser

#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// Replaces a file whole: a reader, or a writer killed at any moment, leaves the old
/// contents or the new ones, never part of either.
///
/// The contents are written to `.<name>.writing` beside the file and renamed over it. That
/// name is the same every time, so a write cut short leaves at most one such file, which the
/// next write takes over; writers of one file take turns on it with `flock`.
package enum AtomicFile {
    /// Writes `data` to `file`; a file that exists keeps its permissions, and a symbolic
    /// link keeps pointing where it did (the file it names is replaced).
    package static func write(_ data: Data, to file: URL) throws {
        let file = file.resolvingSymlinksInPath()
        let temporary = file.deletingLastPathComponent().appendingPathComponent(".\(file.lastPathComponent).writing")
        let mode = try? FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int
        while true {
            let descriptor = open(temporary.path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o644)
            guard descriptor >= 0 else { throw failure(temporary) }
            let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
            while flock(descriptor, LOCK_EX) != 0 && errno == EINTR {}
            // Another writer may have renamed this file into place while this one waited.
            var opened = stat(), named = stat()
            guard fstat(descriptor, &opened) == 0, stat(temporary.path, &named) == 0, opened.st_ino == named.st_ino
            else { continue }
            guard ftruncate(descriptor, 0) == 0, mode.map({ fchmod(descriptor, mode_t($0)) == 0 }) ?? true else {
                throw failure(temporary)
            }
            try handle.write(contentsOf: data)
            try handle.synchronize()
            guard rename(temporary.path, file.path) == 0 else { throw failure(file) }
            return
        }
    }

    /// The failure to write `file` that `errno` describes.
    private static func failure(_ file: URL) -> DescentError {
        DescentError("cannot write \(file.path): \(String(cString: strerror(errno)))")
    }
}
