import Foundation
import LessonRunner

/// Writes a built site into its claimed folder, replacing it whole (see `OutputFolder`): an
/// interrupted build leaves the previous site whole, and a file whose bytes did not change
/// is the same file as before, with its modification time.
public enum SiteWriter {
    package static func write(_ site: SiteOutput, to folder: OutputFolder) throws {
        try folder.replace { staging in
            for (path, data) in site.files.sorted(by: { $0.key < $1.key }) {
                try folder.stage(data, at: path, in: staging)
            }
            for (path, source) in site.copies.sorted(by: { $0.key < $1.key }) {
                try folder.stage(Data(contentsOf: source), at: path, in: staging)
            }
        }
    }
}
