import Foundation
import SwiftParser
import SwiftSyntax
import ZIPFoundation

/// A tree of files to hand out (the student course, the Gradescope autograder): each path,
/// relative and `/`-separated, with its bytes and whether it is executable. Written in path
/// order with fixed dates and modes, so a folder or archive written from the same files is
/// the same byte for byte.
public struct CourseFiles: Sendable {
    public struct File: Sendable, Equatable {
        public var data: Data
        public var executable: Bool
    }

    public private(set) var files: [String: File] = [:]

    public init() {}

    public subscript(path: String) -> File? { files[path] }

    /// Adds (or replaces) the file at `path`.
    public mutating func add(_ path: String, _ data: Data, executable: Bool = false) {
        files[path] = File(data: data, executable: executable)
    }

    public mutating func add(_ path: String, text: String, executable: Bool = false) {
        add(path, Data(text.utf8), executable: executable)
    }

    /// Adds every regular file under `folder` (links, devices and files or folders whose name
    /// starts with a dot are skipped) as `prefix/…`; `include` picks by the path under `folder`.
    public mutating func addFolder(_ folder: URL, as prefix: String, include: (String) -> Bool = { _ in true }) throws {
        let manager = FileManager.default
        for name in try manager.contentsOfDirectory(atPath: folder.path).sorted() where !name.hasPrefix(".") {
            let url = folder.appendingPathComponent(name)
            let values = try url.resourceValues(forKeys: [.isRegularFileKey, .isDirectoryKey, .isSymbolicLinkKey])
            if values.isSymbolicLink == true { continue }
            if values.isDirectory == true {
                try addFolder(url, as: prefix + "/" + name) { include(name + "/" + $0) }
            } else if values.isRegularFile == true, include(name) {
                add(
                    prefix + "/" + name, try Data(contentsOf: url),
                    executable: manager.isExecutableFile(atPath: url.path))
            }
        }
    }

    /// The project's own sources and tools, as a copy of the course needs them to run its
    /// lessons: `Package.swift` without its test targets (the copy ships no test suite), all
    /// of `Sources/`, `scripts/install-deps.sh` and `.gitignore`.
    public static func project(root: URL) throws -> CourseFiles {
        var files = CourseFiles()
        let manifest = try String(contentsOf: root.appendingPathComponent("Package.swift"), encoding: .utf8)
        files.add("Package.swift", text: withoutTestTargets(manifest))
        try files.addFolder(root.appendingPathComponent("Sources"), as: "Sources")
        try files.addFolder(root.appendingPathComponent("scripts"), as: "scripts") { $0 == "install-deps.sh" }
        files.add(".gitignore", try Data(contentsOf: root.appendingPathComponent(".gitignore")))
        return files
    }

    /// A package manifest with every `.testTarget(…)` element of its arrays removed, read with
    /// the compiler's parser; everything else is kept as written.
    static func withoutTestTargets(_ manifest: String) -> String {
        final class Remover: SyntaxRewriter {
            override func visit(_ node: ArrayElementListSyntax) -> ArrayElementListSyntax {
                let kept = node.filter { element in
                    guard let call = element.expression.as(FunctionCallExprSyntax.self),
                        let member = call.calledExpression.as(MemberAccessExprSyntax.self)
                    else { return true }
                    return member.declName.baseName.text != "testTarget"
                }
                return super.visit(kept)
            }
        }
        return Remover().rewrite(Parser.parse(source: manifest)).description
    }

    /// Writes every file into `folder` (which exists), creating folders as needed.
    public func write(into folder: URL) throws {
        let manager = FileManager.default
        for (path, file) in files.sorted(by: { $0.key < $1.key }) {
            let url = folder.appendingPathComponent(path)
            try manager.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try file.data.write(to: url)
            try manager.setAttributes([.posixPermissions: file.executable ? 0o755 : 0o644], ofItemAtPath: url.path)
        }
    }

    /// The files as a ZIP archive (deflated, modes 0755 or 0644, every date 1980-01-01), in path order.
    public func zipArchive() throws -> Data {
        let archive = try Archive(data: Data(), accessMode: .create)
        let date = Date(timeIntervalSince1970: 315_532_800)  // ZIP's first representable day
        for (path, file) in files.sorted(by: { $0.key < $1.key }) {
            try archive.addEntry(
                with: path, type: .file, uncompressedSize: Int64(file.data.count), modificationDate: date,
                permissions: file.executable ? 0o755 : 0o644, compressionMethod: .deflate
            ) { position, size in
                file.data.subdata(in: Int(position)..<Int(position) + size)
            }
        }
        guard let data = archive.data else { throw ArchiveWriteError() }
        return data
    }

    private struct ArchiveWriteError: Error, CustomStringConvertible {
        var description: String { "the ZIP archive could not be written" }
    }
}
