import Foundation
import LessonParser

#if canImport(Glibc)
    import Glibc
#endif

/// One student's work: the lesson files of a folder, or a single lesson file.
///
/// It is read defensively, as anything a student hands in may be made to harm the grader:
/// only regular files and folders are read (a symbolic link, device, FIFO or socket is
/// skipped, and the file is opened with `O_NOFOLLOW`), each file and the whole submission
/// are capped in size, folders in depth and count, and of a file's text only its exercise
/// blocks are read, by a linear scan for fences (see `ExerciseBlocks`): no Markdown or YAML
/// parser ever sees a student's file. What was skipped is said in `skipped`.
public struct Submission: Sendable {
    /// The student's name: the folder's or file's name without extension when loaded,
    /// until `StudentNames` names the class.
    public var student: String
    /// The path as given.
    public var path: String
    /// Each Markdown file's name relative to the submission, and its exercise blocks.
    var files: [(name: String, blocks: [ExerciseBlocks.Block])]
    /// Why files (or the whole submission) were not read, one line each.
    public var skipped: [String] = []

    /// Bytes one file may have.
    public static let fileSizeLimit = 1 << 20
    /// Bytes all files of a submission may have together.
    public static let submissionSizeLimit = 4 << 20
    /// Entries of folders a submission may have, and folders it may nest.
    static let entryLimit = 1000
    static let depthLimit = 8

    /// A submission made of texts (the release's own check, tests).
    public init(student: String, path: String, files: [(name: String, text: String)]) {
        self.student = student
        self.path = path
        self.files = files.map { ($0.name, ExerciseBlocks.scan($0.text)) }
    }

    /// Reads a submission folder (its `*.md` files, at any depth up to `depthLimit`) or
    /// file. It never throws: what cannot be read is in `skipped`, and its exercises are
    /// graded as not submitted.
    public static func load(_ path: String) -> Submission {
        let url = URL(fileURLWithPath: path)
        var submission = Submission(student: url.deletingPathExtension().lastPathComponent, path: path, files: [])
        var info = stat()
        guard lstat(path, &info) == 0 else {
            submission.skipped.append("\(path): no such file or folder")
            return submission
        }
        var budget = (bytes: submissionSizeLimit, entries: entryLimit)
        switch info.st_mode & S_IFMT {
        case S_IFDIR:
            submission.student = url.lastPathComponent
            submission.readFolder(path, relative: "", depth: 0, budget: &budget)
        case S_IFREG:
            submission.readFile(path, name: url.lastPathComponent, budget: &budget)
        default:
            submission.skipped.append("\(path): not a regular file or folder")
        }
        return submission
    }

    private mutating func readFolder(
        _ folder: String, relative: String, depth: Int, budget: inout (bytes: Int, entries: Int)
    ) {
        guard depth <= Self.depthLimit else {
            return skipped.append("\(folder): nested deeper than \(Self.depthLimit) folders")
        }
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
            return skipped.append("\(folder): cannot be listed")
        }
        for name in names.sorted() {
            budget.entries -= 1
            guard budget.entries >= 0 else { return skipped.append("\(folder): more than \(Self.entryLimit) entries") }
            let full = (folder as NSString).appendingPathComponent(name)
            let inside = relative.isEmpty ? name : relative + "/" + name
            var info = stat()
            guard lstat(full, &info) == 0 else { continue }
            switch info.st_mode & S_IFMT {
            case S_IFDIR: readFolder(full, relative: inside, depth: depth + 1, budget: &budget)
            case S_IFREG where name.hasSuffix(".md"): readFile(full, name: inside, budget: &budget)
            case S_IFREG: break
            default:
                if name.hasSuffix(".md") {
                    skipped.append("\(inside): not a regular file (a link, device or FIFO); not read")
                }
            }
        }
    }

    /// Reads a regular file, never following a link, within the size limits.
    private mutating func readFile(_ path: String, name: String, budget: inout (bytes: Int, entries: Int)) {
        let fd = open(path, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)
        guard fd >= 0 else { return skipped.append("\(name): cannot be opened") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0, info.st_mode & S_IFMT == S_IFREG else {
            return skipped.append("\(name): not a regular file; not read")
        }
        let limit = min(Self.fileSizeLimit, budget.bytes)
        guard Int(info.st_size) <= limit else {
            return skipped.append(
                "\(name): larger than \(limit >> 10) KiB (the limit of a file, or what is left of the submission's \(Self.submissionSizeLimit >> 20) MiB); not read"
            )
        }
        var data = [UInt8](repeating: 0, count: limit + 1)
        var count = 0
        while count <= limit {
            let got = data[count...].withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if got < 0 && errno == EINTR { continue }
            guard got > 0 else { break }
            count += got
        }
        guard count <= limit else {
            return skipped.append("\(name): grew past \(limit >> 10) KiB while read; not read")
        }
        budget.bytes -= count
        files.append((name, ExerciseBlocks.scan(String(decoding: data[0..<count], as: UTF8.self))))
    }

    /// An exercise's code as submitted: the first exercise block with this id, from the
    /// file named like the lesson if any; with the file's name and the block's first line.
    func exercise(_ id: String, lessonFile: String) -> (code: String, file: String, line: Int)? {
        let preferred = files.filter { ($0.name as NSString).lastPathComponent == lessonFile }
        for (name, blocks) in preferred + files.filter({ ($0.name as NSString).lastPathComponent != lessonFile }) {
            if let block = blocks.first(where: { $0.kind == .exercise && $0.id == id }) {
                return (block.code, name, block.firstLine)
            }
        }
        return nil
    }

    /// The visible check blocks of exercise `id` in the submission's file `file`, in order:
    /// the line of each one's first content line, and how many lines it has.
    func checks(of id: String, in file: String) -> [StudentCheck] {
        files.first { $0.name == file }?.blocks.filter { $0.kind == .check && $0.id == id }.map {
            StudentCheck(
                firstLine: $0.firstLine, lines: $0.code.split(separator: "\n", omittingEmptySubsequences: false))
        } ?? []
    }

    /// Every exercise block's id, with the file and line of its fence.
    public var exerciseIds: [(id: String, file: String, line: Int)] {
        files.flatMap { file in
            file.blocks.filter { $0.kind == .exercise }.map { ($0.id, file.name, $0.firstLine - 1) }
        }
    }

    /// The names of its Markdown files, without their folders.
    public var fileNames: Set<String> { Set(files.map { ($0.name as NSString).lastPathComponent }) }
}

/// A visible check block as a student's file has it, to cite its lines.
struct StudentCheck: Sendable {
    /// The line of its first content line in the student's file.
    var firstLine: Int
    var lines: [Substring]

    /// The line in the student's file of line `line` of the instructor's `check`: at the same
    /// offset in the block when that line reads the same there (spaces around ignored), else
    /// the first line of the block that does, else the block's first line.
    func line(of check: CodeBlock, at line: Int) -> Int {
        let offset = line - check.firstContentLine
        let instructor = check.code.split(separator: "\n", omittingEmptySubsequences: false)
        guard instructor.indices.contains(offset) else { return firstLine }
        let wanted = instructor[offset].trimmingCharacters(in: .whitespaces)
        if lines.indices.contains(offset) && lines[offset].trimmingCharacters(in: .whitespaces) == wanted {
            return firstLine + offset
        }
        return firstLine + (lines.firstIndex { $0.trimmingCharacters(in: .whitespaces) == wanted } ?? 0)
    }
}
