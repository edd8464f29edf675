import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Replaces a folder whole, so that a reader of it only ever sees the old or the new
/// contents.
///
/// The new contents are written into `.<name>.building` beside the folder, then swapped with
/// it in one step (`renameat2` with `RENAME_EXCHANGE` on Linux, where both exist), and the
/// old contents removed. A writer that is interrupted leaves the previous folder whole; its
/// half-written folder is removed by the next one.
package enum FolderWriter {
    /// Calls `fill` with an empty staging folder, then puts that folder where `folder` is.
    package static func replace(_ folder: URL, fill: (URL) throws -> Void) throws {
        let manager = FileManager.default
        let folder = folder.standardizedFileURL
        let staging = folder.deletingLastPathComponent().appendingPathComponent(".\(folder.lastPathComponent).building")
        if manager.fileExists(atPath: staging.path) { try manager.removeItem(at: staging) }
        try manager.createDirectory(at: staging, withIntermediateDirectories: true)
        do {
            try fill(staging)
            try swap(staging, into: folder)
        } catch {
            try? manager.removeItem(at: staging)
            throw error
        }
    }
}

// MARK: - Private

private extension FolderWriter {
    /// Puts `staging` where `folder` is; the old folder, if any, is removed afterwards.
    static func swap(_ staging: URL, into folder: URL) throws {
        let manager = FileManager.default
        guard manager.fileExists(atPath: folder.path) else {
            try manager.moveItem(at: staging, to: folder)
            return
        }
        if exchange(staging, folder) {
            try manager.removeItem(at: staging)
            return
        }
        // Two renames: a reader may find no folder between them, but never half of one.
        let old = folder.deletingLastPathComponent().appendingPathComponent(".\(folder.lastPathComponent).previous")
        if manager.fileExists(atPath: old.path) { try manager.removeItem(at: old) }
        try manager.moveItem(at: folder, to: old)
        try manager.moveItem(at: staging, to: folder)
        try manager.removeItem(at: old)
    }

    /// Swaps two paths atomically with Linux's `renameat2(…, RENAME_EXCHANGE)`, looked up at
    /// run time since Glibc's Swift module does not declare it; false where it is missing.
    static func exchange(_ first: URL, _ second: URL) -> Bool {
        #if canImport(Glibc)
        typealias RenameAt2 = @convention(c) (Int32, UnsafePointer<CChar>, Int32, UnsafePointer<CChar>, UInt32) -> Int32
        guard let symbol = dlsym(nil, "renameat2") else { return false }
        let renameExchange: UInt32 = 1 << 1
        return unsafeBitCast(symbol, to: RenameAt2.self)(AT_FDCWD, first.path, AT_FDCWD, second.path, renameExchange) == 0
        #else
        return false
        #endif
    }
}
