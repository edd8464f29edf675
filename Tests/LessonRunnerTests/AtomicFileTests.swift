import Foundation
import LessonRunner
import Testing

/// `AtomicFile` replaces a file whole and leaves nothing beside it, even after a write that
/// was cut short.
@Suite struct AtomicFileTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("descent-atomic-\(UUID().uuidString)")

    @Test func aFileIsReplacedAndKeepsItsPermissions() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("grades.csv")
        try AtomicFile.write(Data("one\n".utf8), to: file)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: file.path)
        try AtomicFile.write(Data("two\n".utf8), to: file)
        #expect(try String(contentsOf: file, encoding: .utf8) == "two\n")
        #expect(try FileManager.default.attributesOfItem(atPath: file.path)[.posixPermissions] as? Int == 0o600)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["grades.csv"])
    }

    @Test func aLinkKeepsPointingAtTheFileItNamed() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let file = folder.appendingPathComponent("01-lesson.md"), link = folder.appendingPathComponent("link.md")
        try Data("old\n".utf8).write(to: file)
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: file)
        try AtomicFile.write(Data("new\n".utf8), to: link)
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link.path) == file.path)
        #expect(try String(contentsOf: file, encoding: .utf8) == "new\n")
    }

    @Test func whatAWriteCutShortLeftIsTakenOver() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("half a long fi".utf8).write(to: folder.appendingPathComponent(".grades.csv.writing"))
        try AtomicFile.write(Data("whole\n".utf8), to: folder.appendingPathComponent("grades.csv"))
        #expect(try String(contentsOf: folder.appendingPathComponent("grades.csv"), encoding: .utf8) == "whole\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path) == ["grades.csv"])
    }
}
