import Foundation
import LessonParser

/// Finding a course's lesson files, and telling when two names are one lesson.
public enum LessonFiles {
    /// The lesson files named by `names` (paths, or names in the `lessons` folder, with or
    /// without `.md`), as found; every `*.md` of the folder, in name order, when there are no
    /// names.
    public static func find(_ names: [String], in lessons: String) throws -> [String] {
        let manager = FileManager.default
        guard !names.isEmpty else {
            guard let files = try? manager.contentsOfDirectory(atPath: lessons) else {
                throw DescentError("no lessons folder at '\(lessons)'")
            }
            return files.filter { $0.hasSuffix(".md") }.sorted().map {
                (lessons as NSString).appendingPathComponent($0)
            }
        }
        return try names.map { name in
            let candidates = [
                name, (lessons as NSString).appendingPathComponent(name),
                (lessons as NSString).appendingPathComponent(name + ".md"),
            ]
            guard let found = candidates.first(where: { manager.fileExists(atPath: $0) }) else {
                throw DescentError("no lesson '\(name)' (looked for \(candidates.joined(separator: ", ")))")
            }
            return found
        }
    }

    /// The one name of the file at `path`, however it was reached: absolute, without `.`,
    /// `..` or symbolic links. `lessons/x.md`, `./lessons/x.md` and `/course/lessons/x.md`
    /// are one lesson, run once.
    public static func identity(of path: String) -> String {
        URL(fileURLWithPath: path).standardizedFileURL.resolvingSymlinksInPath().path
    }
}
