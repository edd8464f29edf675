import Foundation
import Testing

/// The folders descent writes: it replaces one only when it wrote it before (it holds
/// `.descent-output`) or the folder is empty or absent; it refuses the lessons, a folder
/// holding them or a `.git`, the current and the home folder, touching nothing; writers of
/// one folder take turns; and a writer killed at any moment leaves the old contents or the
/// new ones, whole.
@Suite struct OutputFolderTests {
    /// A copy of the site-course fixture made a git repository with notes of its own, as an
    /// author's course is: `lessons/`, `NOTES.md`, `.git`.
    static func repository() throws -> URL {
        let folder = try DescentBinary.copyOfFixture("site-course")
        try Data("my notes\n".utf8).write(to: folder.appendingPathComponent("NOTES.md"))
        let git = Process()
        git.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        git.arguments = ["git", "init", "--quiet", folder.path]
        try git.run()
        git.waitUntilExit()
        #expect(git.terminationStatus == 0)
        return folder
    }

    /// Runs `descent arguments…` in `folder` and expects a refusal naming `named` and
    /// `reason`, with every file under `watched` (by default `folder`) as it was.
    static func expectRefusal(
        _ arguments: [String], in folder: URL, watching watched: URL? = nil, environment: [String: String] = [:],
        named: String, reason: String, sourceLocation: SourceLocation = #_sourceLocation
    ) throws {
        let watched = watched ?? folder
        let before = try DescentBinary.files(in: watched)
        let result = try DescentBinary.run(arguments, in: folder, environment: environment)
        #expect(result.status != 0, "\(arguments) was not refused", sourceLocation: sourceLocation)
        #expect(
            result.stderr.contains("descent will not replace '\(named)'") && result.stderr.contains(reason),
            "\(arguments): \(result.stderr)", sourceLocation: sourceLocation)
        #expect(result.stdout.isEmpty, "work started: \(result.stdout)", sourceLocation: sourceLocation)
        #expect(
            try DescentBinary.files(in: watched) == before, "\(arguments) changed files", sourceLocation: sourceLocation
        )
    }

    @Test func theRepositoryHoldingTheLessonsIsNeverTheOutput() throws {
        let folder = try Self.repository()
        for arguments in [
            ["build", "--out", "."], ["build", "--lessons", "lessons", "--out", "."],
            ["build", "--out", ".", "--force"], ["figures", "01-basics", "--out", "."],
            ["release", "--out", "."], ["release", "--out", ".", "--force"],
        ] {
            try Self.expectRefusal(arguments, in: folder, named: ".", reason: "it holds the lessons folder")
        }
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent(".git/HEAD").path))
    }

    @Test func theLessonsFolderIsNeverTheOutput() throws {
        let folder = try Self.repository()
        for arguments in [
            ["build", "--out", "lessons"], ["build", "--out", "lessons/", "--force"],
            ["figures", "01-basics", "--out", "lessons"], ["release", "--out", "lessons", "--force"],
        ] {
            try Self.expectRefusal(
                arguments, in: folder, named: arguments[arguments.firstIndex(of: "--out")! + 1],
                reason: "it is the lessons folder")
        }
    }

    /// The parent of the lessons folder, named from elsewhere (so it is not the current folder).
    @Test func theParentOfTheLessonsIsNeverTheOutput() throws {
        let folder = try Self.repository()
        let lessons = folder.appendingPathComponent("lessons").path
        for arguments in [
            ["build", "--lessons", lessons, "--out", folder.path],
            ["build", "--lessons", lessons, "--out", folder.path, "--force"],
            ["release", "--lessons", lessons, "--out", folder.path + "/lessons/..", "--force"],
        ] {
            try Self.expectRefusal(
                arguments, in: folder.deletingLastPathComponent(), watching: folder, named: arguments[4],
                reason: "it holds the lessons folder (\(lessons))")
        }
    }

    @Test func aGitRepositoryTheCurrentAndTheHomeFolderAreNeverTheOutput() throws {
        let folder = try Self.repository()
        let lessons = folder.appendingPathComponent("lessons").path
        let other = try Self.repository()
        try FileManager.default.removeItem(at: other.appendingPathComponent("lessons"))
        try Self.expectRefusal(
            ["build", "--lessons", lessons, "--out", other.path, "--force"], in: other,
            named: other.path, reason: "it is the current folder")
        try Self.expectRefusal(
            ["build", "--lessons", lessons, "--out", other.path, "--force"], in: folder,
            named: other.path, reason: "it holds a git repository (.git)")
        try Self.expectRefusal(
            ["build", "--lessons", lessons, "--out", other.path, "--force"], in: folder,
            environment: ["HOME": other.appendingPathComponent("NOTES.md").path],
            named: other.path, reason: "it holds your home folder")
        let inside = other.appendingPathComponent("inside")
        try FileManager.default.createDirectory(at: inside, withIntermediateDirectories: true)
        try Self.expectRefusal(
            ["build", "--lessons", lessons, "--out", "..", "--force"], in: inside, watching: other,
            named: "..", reason: "it holds the current folder")
    }

    /// `--force` on a folder of projects, one of them a repository, or on the folder a
    /// lesson's file lives in (the lesson is a link to it), touches nothing.
    @Test func aRepositoryDeeperInsideAndALinkedLessonsFileAreNeverReplaced() throws {
        let folder = try Self.repository()
        let projects = folder.appendingPathComponent("projects"), drafts = folder.appendingPathComponent("drafts")
        try FileManager.default.createDirectory(
            at: projects.appendingPathComponent("tool/.git"), withIntermediateDirectories: true)
        try Data("keep me\n".utf8).write(to: projects.appendingPathComponent("tool/main.swift"))
        try Self.expectRefusal(
            ["build", "--out", "projects", "--force"], in: folder, named: "projects",
            reason: "it holds a git repository (tool/.git)")
        try FileManager.default.createDirectory(at: drafts, withIntermediateDirectories: true)
        try FileManager.default.moveItem(
            at: folder.appendingPathComponent("lessons/01-basics.md"), to: drafts.appendingPathComponent("basics.md"))
        try FileManager.default.createSymbolicLink(
            atPath: folder.appendingPathComponent("lessons/01-basics.md").path,
            withDestinationPath: "../drafts/basics.md")
        for arguments in [["build", "--out", "drafts", "--force"], ["release", "--out", "drafts", "--force"]] {
            try Self.expectRefusal(arguments, in: folder, named: "drafts", reason: "it holds the lesson 01-basics.md")
        }
    }

    @Test func aFolderOfOtherFilesIsReplacedOnlyWithForce() throws {
        let folder = try Self.repository()
        let stray = folder.appendingPathComponent("stray")
        try FileManager.default.createDirectory(at: stray, withIntermediateDirectories: true)
        try Data("keep me\n".utf8).write(to: stray.appendingPathComponent("todo.txt"))
        try Self.expectRefusal(
            ["build", "--out", "stray"], in: folder, named: "stray",
            reason: "it holds files descent did not write (todo.txt) and no .descent-output")
        try Self.expectRefusal(["release", "--out", "stray"], in: folder, named: "stray", reason: "(todo.txt)")

        let forced = try DescentBinary.run(["build", "--out", "stray", "--force"], in: folder)
        #expect(forced.status == 0, "\(forced.stdout)\(forced.stderr)")
        #expect(!FileManager.default.fileExists(atPath: stray.appendingPathComponent("todo.txt").path))
        // Now descent wrote it: it is replaced without --force.
        let again = try DescentBinary.run(["build", "--out", "stray"], in: folder)
        #expect(again.status == 0, "\(again.stdout)\(again.stderr)")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == [
                ".git", "NOTES.md", "lessons", "stray",
            ])
    }

    @Test func anEmptyFolderIsWrittenAndGetsTheMarker() throws {
        let folder = try Self.repository()
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("empty"), withIntermediateDirectories: true)
        let result = try DescentBinary.run(["build", "--out", "empty"], in: folder)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        let marker = try String(contentsOf: folder.appendingPathComponent("empty/.descent-output"), encoding: .utf8)
        #expect(marker.hasPrefix("This folder was written by descent"))
    }

    @Test func twoBuildsOfOneFolderTakeTurns() throws {
        let folder = try DescentBinary.copyOfFixture("site-course")
        let alone = try DescentBinary.run(["build", "--out", "alone"], in: folder)
        #expect(alone.status == 0, "\(alone.stdout)\(alone.stderr)")
        let first = try DescentBinary.start(["build", "--out", "site"], in: folder)
        let second = try DescentBinary.start(["build", "--out", "site"], in: folder)
        let results = try [first.finish(), second.finish()]
        for result in results {
            #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        }
        #expect(
            results.filter { $0.stderr.contains("waiting for another descent that is writing in") }.count == 1,
            "\(results.map(\.stderr))")
        #expect(
            try DescentBinary.files(in: folder.appendingPathComponent("site"))
                == DescentBinary.files(in: folder.appendingPathComponent("alone")))
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["alone", "lessons", "site"])
    }
}

/// A writer killed at a random moment, with SIGINT, SIGTERM or SIGKILL, leaves what it was
/// replacing whole: the old version or the new one, never a mix or nothing; and the next
/// writer leaves nothing beside it.
@Suite struct KilledWriterTests {
    /// Runs `new` and then `old` to the end, then `times` times one of them (in turn) killed:
    /// after a random share of the time the second whole run took (its programs compiled
    /// already), or, every other time when `staging` is given, after a random share of the
    /// time from the moment that staging folder appeared to the end of the run (while the
    /// output is written and swapped in). After each kill, `target()` must be what `old` or
    /// `new` left. Finally, after a whole run, `folder` must hold `listing` and nothing beside.
    static func killRepeatedly(
        _ old: [String], _ new: [String], in folder: URL, times: Int, staging: String? = nil,
        target: () throws -> [String: Data], listing: [String]
    ) throws {
        let newRun = try DescentBinary.run(new, in: folder)
        #expect(newRun.status == 0, "\(newRun.stdout)\(newRun.stderr)")
        let newVersion = try target()
        let start = Date()
        let timed = try DescentBinary.start(old, in: folder)
        if let staging { waitFor(staging, in: folder, while: timed.process) }
        let untilStaging = Date().timeIntervalSince(start)
        let oldRun = try timed.finish()
        let duration = Date().timeIntervalSince(start)
        let writePhase = duration - untilStaging
        #expect(oldRun.status == 0, "\(oldRun.stdout)\(oldRun.stderr)")
        let oldVersion = try target()
        #expect(oldVersion != newVersion, "the two versions must differ for the test to tell them apart")

        for time in 0..<times {
            let signal = [SIGKILL, SIGTERM, SIGINT][time % 3]
            let running = try DescentBinary.start(time.isMultiple(of: 2) ? new : old, in: folder)
            var delay = Double.random(in: 0...duration)
            if let staging, !time.isMultiple(of: 2) {
                waitFor(staging, in: folder, while: running.process)
                delay = Double.random(in: 0...writePhase)
            }
            Thread.sleep(forTimeInterval: delay)
            kill(running.process.processIdentifier, signal)
            _ = try running.finish()
            let found = try target()
            #expect(
                found == oldVersion || found == newVersion,
                "signal \(signal) after \(delay) s (run \(time)) left a mix: \(found.keys.sorted())")
        }
        let last = try DescentBinary.run(old, in: folder)
        #expect(last.status == 0, "\(last.stdout)\(last.stderr)")
        #expect(try target() == oldVersion)
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == listing)
    }

    /// Waits until `name` exists in `folder` or `process` ends.
    static func waitFor(_ name: String, in folder: URL, while process: Process) {
        let path = folder.appendingPathComponent(name).path
        while process.isRunning && !FileManager.default.fileExists(atPath: path) { usleep(200) }
    }

    @Test func build() throws {
        let folder = try DescentBinary.copyOfFixture("site-course")
        try Self.killRepeatedly(
            ["build", "--out", "site"], ["build", "--out", "site", "--set", "rate=0.5"], in: folder, times: 8,
            staging: ".site.building", target: { try DescentBinary.files(in: folder.appendingPathComponent("site")) },
            listing: ["lessons", "site"])
    }

    @Test func figures() throws {
        let folder = try DescentBinary.copyOfFixture("figures")
        try Self.killRepeatedly(
            ["figures", "01-line", "--lessons", ".", "--out", "site"],
            ["figures", "01-line", "--lessons", ".", "--out", "site", "--set", "slope=3"], in: folder, times: 8,
            staging: ".site.building", target: { try DescentBinary.files(in: folder.appendingPathComponent("site")) },
            listing: ["01-line.md", "02-other.md", "site"])
    }

    @Test func release() throws {
        let folder = try DescentBinary.copyOfFixture("grading-course")
        let lessons = ["old", "new"].map { folder.appendingPathComponent($0) }
        for copy in lessons {
            try FileManager.default.createDirectory(at: copy, withIntermediateDirectories: true)
            try FileManager.default.copyItem(
                at: folder.appendingPathComponent("01-tiny.md"), to: copy.appendingPathComponent("01-tiny.md"))
        }
        let lesson = lessons[1].appendingPathComponent("01-tiny.md")
        try String(contentsOf: lesson, encoding: .utf8).replacingOccurrences(
            of: "# A tiny course to grade", with: "# A tiny course, edited"
        )
        .write(to: lesson, atomically: true, encoding: .utf8)
        try Self.killRepeatedly(
            ["release", "--lessons", "old", "--out", "student", "--jobs", "1"],
            ["release", "--lessons", "new", "--out", "student", "--jobs", "1"], in: folder, times: 6,
            staging: ".student.building",
            target: { try DescentBinary.files(in: folder.appendingPathComponent("student")) },
            listing: ["01-tiny.md", "new", "old", "student"])
    }

    @Test func gradeOutputFile() throws {
        let folder = try DescentBinary.copyOfFixture("grading-course")
        let student = DescentBinary.fixture("grading-class/bo").path
        let grade = ["grade", "--lessons", ".", "--no-sandbox", "--jobs", "1", "-o", "grades", student]
        try Self.killRepeatedly(
            grade + ["--format", "csv"], grade + ["--format", "table"], in: folder, times: 4,
            target: { ["grades": try Data(contentsOf: folder.appendingPathComponent("grades"))] },
            listing: ["01-tiny.md", "grades"])
    }
}
