import Foundation
import LessonParser
import LessonRunner
import Testing

/// Which folders `OutputFolder` refuses to replace, and what it removes beside them.
@Suite struct OutputFolderTests {
    let parent = FileManager.default.temporaryDirectory.appendingPathComponent("descent-output-\(UUID().uuidString)")

    func refusal(_ folder: URL, protecting protected: [URL] = [], force: Bool = false) -> String? {
        OutputFolder.refusal(of: folder, protecting: protected, force: force)
    }

    @Test func theRootTheCurrentFolderAndTheirAncestorsAreRefusedEvenWithForce() {
        let current = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
        #expect(refusal(URL(fileURLWithPath: "/"), force: true) == "it is the root folder")
        #expect(refusal(current, force: true) == "it is the current folder")
        #expect(
            refusal(current.deletingLastPathComponent(), force: true)?.hasPrefix("it holds the current folder") == true)
        #expect(refusal(URL(fileURLWithPath: NSHomeDirectory()), force: true) != nil)
    }

    @Test func theLessonsAndWhatHoldsThemAreRefusedEvenWithForce() throws {
        defer { try? FileManager.default.removeItem(at: parent) }
        let lessons = parent.appendingPathComponent("course/lessons")
        try FileManager.default.createDirectory(at: lessons, withIntermediateDirectories: true)
        #expect(refusal(lessons, protecting: [lessons], force: true) == "it is the lessons folder")
        #expect(
            refusal(parent, protecting: [lessons], force: true)
                == "it holds the lessons folder (\(lessons.resolvingSymlinksInPath().path))")
        // Named through a link or with `..`, it is still the lessons.
        let link = parent.appendingPathComponent("link")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: lessons)
        #expect(
            refusal(URL(fileURLWithPath: lessons.path + "/../lessons"), protecting: [lessons], force: true)
                == "it is the lessons folder")
        #expect(refusal(link, protecting: [lessons], force: true) == "it is the lessons folder")
        #expect(refusal(link, force: true) == "it is a symbolic link")
    }

    @Test func aFolderIsReplacedWhenDescentWroteItOrItIsEmptyOrAbsent() throws {
        defer { try? FileManager.default.removeItem(at: parent) }
        let folder = parent.appendingPathComponent("out")
        #expect(refusal(folder) == nil)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        #expect(refusal(folder) == nil)
        try Data("x".utf8).write(to: folder.appendingPathComponent("notes.txt"))
        #expect(refusal(folder)?.hasPrefix("it holds files descent did not write (notes.txt)") == true)
        #expect(refusal(folder, force: true) == nil)
        try Data(OutputFolder.marker.utf8).write(to: folder.appendingPathComponent(OutputFolder.markerName))
        #expect(refusal(folder) == nil)
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent(".git"), withIntermediateDirectories: true)
        #expect(refusal(folder, force: true) == "it holds a git repository (.git)")
        #expect(refusal(folder.appendingPathComponent("notes.txt"), force: true) == "it is a file, not a folder")
    }

    @Test func aGitRepositoryAnywhereInsideIsRefusedEvenWithForce() throws {
        defer { try? FileManager.default.removeItem(at: parent) }
        let folder = parent.appendingPathComponent("projects")
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("a/b/.git"), withIntermediateDirectories: true)
        #expect(refusal(folder, force: true) == "it holds a git repository (a/b/.git)")
        try Data(OutputFolder.marker.utf8).write(to: folder.appendingPathComponent(OutputFolder.markerName))
        #expect(refusal(folder) == "it holds a git repository (a/b/.git)")
    }

    @Test func onlyAMarkerThatIsAFileOfItsOwnMarksAFolder() throws {
        defer { try? FileManager.default.removeItem(at: parent) }
        let marker = parent.appendingPathComponent("marker")
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        try Data(OutputFolder.marker.utf8).write(to: marker)
        let linked = parent.appendingPathComponent("linked"), folder = parent.appendingPathComponent("folder")
        try FileManager.default.createDirectory(at: linked, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            at: linked.appendingPathComponent(OutputFolder.markerName), withDestinationURL: marker)
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent(OutputFolder.markerName), withIntermediateDirectories: true)
        for unmarked in [linked, folder] {
            #expect(
                refusal(unmarked)
                    == "it holds files descent did not write (.descent-output) and a .descent-output that is not descent's; "
                    + "empty it or choose another folder (--force replaces it all the same)")
        }
    }

    @Test func aFolderHoldingAFileALessonLinksToIsRefusedEvenWithForce() throws {
        defer { try? FileManager.default.removeItem(at: parent) }
        let lessons = parent.appendingPathComponent("course/lessons"), drafts = parent.appendingPathComponent("drafts")
        try FileManager.default.createDirectory(at: lessons, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: drafts, withIntermediateDirectories: true)
        try Data("# draft\n".utf8).write(to: drafts.appendingPathComponent("one.md"))
        try FileManager.default.createSymbolicLink(
            at: lessons.appendingPathComponent("01-one.md"), withDestinationURL: drafts.appendingPathComponent("one.md")
        )
        #expect(
            refusal(drafts, protecting: [lessons], force: true)
                == "it holds the lesson 01-one.md (\(drafts.resolvingSymlinksInPath().path)/one.md)")
    }

    @Test func aLeftoverBesideTheFolderIsRemovedOnlyWhenDescentMadeIt() throws {
        defer { try? FileManager.default.removeItem(at: parent) }
        let staging = parent.appendingPathComponent(".site.building")
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: staging.appendingPathComponent("mine.txt"))
        #expect(throws: DescentError.self) {
            _ = try OutputFolder.claim(parent.appendingPathComponent("site").path, protecting: [], waiting: { _ in })
        }
        #expect(FileManager.default.fileExists(atPath: staging.appendingPathComponent("mine.txt").path))
        try Data(OutputFolder.marker.utf8).write(to: staging.appendingPathComponent(OutputFolder.markerName))
        _ = try OutputFolder.claim(parent.appendingPathComponent("site").path, protecting: [], waiting: { _ in })
        #expect(!FileManager.default.fileExists(atPath: staging.path))
    }

    @Test func aParentThatCannotBeMadeIsNamed() throws {
        defer { try? FileManager.default.removeItem(at: parent) }
        let notes = parent.appendingPathComponent("notes.txt")
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
        try Data("x".utf8).write(to: notes)
        #expect {
            _ = try OutputFolder.claim(notes.appendingPathComponent("site").path, protecting: [], waiting: { _ in })
        } throws: { error in
            "\(error)".hasPrefix("cannot make \(notes.path), to hold '\(notes.path)/site': ")
        }
        #expect(try String(contentsOf: notes, encoding: .utf8) == "x")
    }

    /// A writer killed while it wrote the marker into its staging folder left part of it.
    @Test func aStagingFolderHoldingPartOfTheMarkerIsRemoved() throws {
        defer { try? FileManager.default.removeItem(at: parent) }
        let staging = parent.appendingPathComponent(".site.building")
        for part in ["", String(OutputFolder.marker.prefix(20))] {
            try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
            try Data(part.utf8).write(to: staging.appendingPathComponent(OutputFolder.markerName))
            _ = try OutputFolder.claim(parent.appendingPathComponent("site").path, protecting: [], waiting: { _ in })
            #expect(!FileManager.default.fileExists(atPath: staging.path))
        }
    }
}
