import Foundation
import LessonRunner

/// Writes a built site into its claimed folder, replacing it whole (see `OutputFolder`): an
/// interrupted build leaves the previous site whole.
public enum SiteWriter {
    package static func write(_ site: SiteOutput, to folder: OutputFolder) throws {
        try folder.replace { staging in try write(site, into: staging) }
    }

    /// Writes the site's files into `folder`, which exists (a staging folder, or a part of one).
    package static func write(_ site: SiteOutput, into folder: URL) throws {
        for (path, data) in site.files.sorted(by: { $0.key < $1.key }) {
            try write(data, to: folder.appendingPathComponent(path))
        }
        for (path, source) in site.copies.sorted(by: { $0.key < $1.key }) {
            try write(Data(contentsOf: source), to: folder.appendingPathComponent(path))
        }
    }

    private static func write(_ data: Data, to file: URL) throws {
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
    }
}
