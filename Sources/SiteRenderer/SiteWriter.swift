import Foundation
import LessonRunner

/// Writes a built site so that a reader of the folder only ever sees a whole site (see
/// `FolderWriter`): an interrupted build leaves the previous site whole.
public enum SiteWriter {
    public static func write(_ site: SiteOutput, to folder: URL) throws {
        try FolderWriter.replace(folder) { staging in
            for (path, data) in site.files.sorted(by: { $0.key < $1.key }) {
                try write(data, to: staging.appendingPathComponent(path))
            }
            for (path, source) in site.copies.sorted(by: { $0.key < $1.key }) {
                try write(Data(contentsOf: source), to: staging.appendingPathComponent(path))
            }
        }
    }

    private static func write(_ data: Data, to file: URL) throws {
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
    }
}
