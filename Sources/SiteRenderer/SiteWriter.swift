import Foundation
import LessonRunner

/// Writes a built site into its claimed folder, replacing it whole (see `OutputFolder`): an
/// interrupted build leaves the previous site whole, and a file whose bytes did not change
/// is the same file as before, with its modification time.
public enum SiteWriter {
    package static func write(_ site: SiteOutput, to folder: OutputFolder) throws {
        try folder.replace { staging in
            try write(site) { data, path in try folder.stage(data, at: path, in: staging) }
        }
    }

    /// Writes the site's files into `folder`, which exists (a staging folder, or a part of one).
    package static func write(_ site: SiteOutput, into folder: URL) throws {
        try write(site) { data, path in
            let file = folder.appendingPathComponent(path)
            try FileManager.default.createDirectory(
                at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
            try data.write(to: file)
        }
    }

    /// Hands each file of the site to `put`, in the order of their paths.
    private static func write(_ site: SiteOutput, put: (Data, String) throws -> Void) throws {
        for (path, data) in site.files.sorted(by: { $0.key < $1.key }) {
            try put(data, path)
        }
        for (path, source) in site.copies.sorted(by: { $0.key < $1.key }) {
            try put(Data(contentsOf: source), path)
        }
    }
}
