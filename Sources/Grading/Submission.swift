import Foundation
import LessonParser

/// One student's work: the lesson files of a folder, or a single lesson file.
///
/// Only the exercise blocks are ever taken from it, by exercise id: from the file with the
/// lesson's name when there is one, else from any of its files.
public struct Submission: Sendable {
    /// The folder's or file's name without extension.
    public var student: String
    /// The path as given.
    public var path: String
    /// Each Markdown file's name relative to the submission, and its text.
    public var files: [(name: String, text: String)]
    /// The files, parsed (whatever their errors: only exercise blocks are used).
    let parsed: [(name: String, lesson: Lesson)]

    /// Files larger than this are not read.
    public static let fileSizeLimit = 1 << 20

    public init(student: String, path: String, files: [(name: String, text: String)]) {
        self.student = student
        self.path = path
        self.files = files
        parsed = files.map { ($0.name, LessonReader.parse($0.text, file: $0.name).lesson) }
    }

    /// Reads a submission folder (its `*.md` files, at any depth) or file.
    public static func load(_ path: String) throws -> Submission {
        let url = URL(fileURLWithPath: path)
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
            throw GradingError("no submission at '\(path)'")
        }
        let student = isFolder.boolValue ? url.lastPathComponent : url.deletingPathExtension().lastPathComponent
        var names: [String] = []
        if isFolder.boolValue {
            let enumerator = FileManager.default.enumerator(atPath: path)
            while let name = enumerator?.nextObject() as? String {
                if name.hasSuffix(".md") { names.append(name) }
            }
        } else {
            names = [""]
        }
        var files: [(String, String)] = []
        for name in names.sorted() {
            let file = name.isEmpty ? url : url.appendingPathComponent(name)
            let size = (try? FileManager.default.attributesOfItem(atPath: file.path)[.size] as? Int) ?? 0
            guard size <= fileSizeLimit, let data = try? Data(contentsOf: file) else { continue }
            files.append((name.isEmpty ? url.lastPathComponent : name, String(decoding: data, as: UTF8.self)))
        }
        return Submission(student: student, path: path, files: files)
    }

    /// An exercise's code as submitted: the first exercise block with this id, from the
    /// file named like the lesson if any; with the file's name and the block's first line.
    func exercise(_ id: String, lessonFile: String) -> (code: String, file: String, line: Int)? {
        let preferred = parsed.filter { ($0.name as NSString).lastPathComponent == lessonFile }
        for (name, lesson) in preferred + parsed.filter({ ($0.name as NSString).lastPathComponent != lessonFile }) {
            if let block = lesson.codeBlocks.first(where: { $0.role == .exercise && $0.attributes.exercise == id }) {
                return (block.code, name, block.firstContentLine)
            }
        }
        return nil
    }
}

/// A problem with the grader's input (not with a student's work).
public struct GradingError: Error, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
