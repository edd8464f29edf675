import Foundation
import Testing
import ZIPFoundation

/// `descent autograder` on the tiny course (Fixtures/grading-course): the archive is unpacked
/// as Gradescope unpacks it, and its `run_autograder` grades a submission laid out as Gradescope
/// lays it, under a temporary root (`AUTOGRADER_ROOT`) with this machine's toolchain
/// (`setup.sh`, which downloads the toolchain, cannot run offline).
@Suite struct AutograderTests {
    /// A Gradescope root: `source/` unpacked from the archive, `submission/` holding `student`'s files.
    static func gradescopeRoot(student: String) throws -> URL {
        let root = try DescentBinary.copy(of: DescentBinary.fixture("grading-class/\(student)"))
            .appendingPathComponent("autograder")
        let archive = root.appendingPathComponent("autograder.zip")
        let made = try DescentBinary.run([
            "autograder", "--lessons", GradeTests.lessons, "--out", archive.path,
        ])
        #expect(made.status == 0, "\(made.stdout)\(made.stderr)")
        #expect(
            made.stdout == "wrote the Gradescope autograder of 1 lesson (2 exercises, verified) to \(archive.path)\n")
        try FileManager.default.unzipItem(at: archive, to: root.appendingPathComponent("source"))
        try FileManager.default.copyItem(
            at: DescentBinary.fixture("grading-class/\(student)"), to: root.appendingPathComponent("submission"))
        return root
    }

    /// Runs `command` with `environment` added; its exit status and what it printed.
    static func run(_ command: [String], environment: [String: String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        let log = FileManager.default.temporaryDirectory.appendingPathComponent("descent-log-\(UUID().uuidString)")
        FileManager.default.createFile(atPath: log.path, contents: nil)
        defer { try? FileManager.default.removeItem(at: log) }
        let handle = try FileHandle(forWritingTo: log)
        process.standardOutput = handle
        process.standardError = handle
        try process.run()
        process.waitUntilExit()
        try handle.close()
        return (process.terminationStatus, try String(contentsOf: log, encoding: .utf8))
    }

    struct Results: Decodable {
        struct Test: Decodable {
            var name: String
            var score: Double
            var max_score: Double
        }
        var score: Double
        var tests: [Test]
    }

    @Test func theArchiveHoldsWhatGradescopeRunsAndTheInstructorsLessons() throws {
        let root = try Self.gradescopeRoot(student: "ada")
        let source = root.appendingPathComponent("source")
        for script in ["setup.sh", "run_autograder"] {
            #expect(FileManager.default.isExecutableFile(atPath: source.appendingPathComponent(script).path))
        }
        let setup = try String(contentsOf: source.appendingPathComponent("setup.sh"), encoding: .utf8)
        #expect(setup.contains("swift build -c release --product descent"))
        #expect(setup.contains("libcmark-dev") && setup.contains("libopenblas-dev"))
        let lesson = try String(contentsOf: source.appendingPathComponent("lessons/01-tiny.md"), encoding: .utf8)
        #expect(lesson == (try String(contentsOfFile: GradeTests.lessons + "/01-tiny.md", encoding: .utf8)))
        let manifest = try String(contentsOf: source.appendingPathComponent("Package.swift"), encoding: .utf8)
        #expect(!manifest.contains("testTarget"))
    }

    /// As root, with bubblewrap and cgroup v1 (as CI has): graded in the sandbox.
    @Test func runAutograderGradesTheSubmissionIntoResultsJSON() throws {
        let root = try Self.gradescopeRoot(student: "bo")
        let (status, output) = try Self.run(
            ["/bin/bash", root.appendingPathComponent("source/run_autograder").path],
            environment: ["AUTOGRADER_ROOT": root.path, "DESCENT": DescentBinary.executable.path])
        #expect(status == 0, "\(output)")
        #expect(output.contains("sandbox: bubblewrap"), "\(output)")
        let data = try Data(contentsOf: root.appendingPathComponent("results/results.json"))
        let results = try JSONDecoder().decode(Results.self, from: data)
        #expect(results.score == 3)
        #expect(results.tests.map(\.score) == [2, 1])
        #expect(results.tests.map(\.max_score) == [2, 2])
        // The copy it graded is gone; the submission is as it was.
        #expect(
            try DescentBinary.files(in: root.appendingPathComponent("submission"))
                == DescentBinary.files(in: DescentBinary.fixture("grading-class/bo")))
    }

    /// Whether a user other than the owner can reach the package's sources and the descent
    /// binary (every folder above them searchable by others), as the next test needs.
    static var othersCanReachThePackage: Bool {
        [DescentBinary.packageRoot, DescentBinary.executable].allSatisfy { url in
            var folder = url.deletingLastPathComponent()
            while folder.path != "/" {
                let mode = (try? FileManager.default.attributesOfItem(atPath: folder.path)[.posixPermissions]) as? Int
                guard let mode, mode & 0o001 != 0 else { return false }
                folder.deleteLastPathComponent()
            }
            return true
        }
    }

    /// Where descent's sandbox cannot be had (here: not root, as in a container that allows
    /// no namespaces), run_autograder says so and grades without it.
    @Test(
        .enabled(
            if: othersCanReachThePackage,
            "runs descent as user 65534, which must reach the package's sources and the binary"))
    func withoutTheSandboxRunAutograderFallsBackAndStillGrades() throws {
        let root = try Self.gradescopeRoot(student: "bo")
        // The grader's own caches, writable by the unprivileged user, with the lesson libraries
        // already compiled (copied, to save a minute).
        let build = root.appendingPathComponent("build")
        try FileManager.default.copyItem(
            at: DescentBinary.executable.deletingLastPathComponent().appendingPathComponent("lesson-libraries"),
            to: build.appendingPathComponent("lesson-libraries"))
        let home = root.appendingPathComponent("home")
        try FileManager.default.createDirectory(at: home, withIntermediateDirectories: true)
        let chown = try Self.run(["/bin/chown", "-R", "65534:65534", root.path], environment: [:])
        #expect(chown.status == 0, "\(chown.output)")
        let (status, output) = try Self.run(
            [
                "/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "/bin/bash",
                root.appendingPathComponent("source/run_autograder").path,
            ],
            environment: [
                "AUTOGRADER_ROOT": root.path, "DESCENT": DescentBinary.executable.path,
                "DESCENT_BUILD_DIR": build.path, "HOME": home.path,
            ])
        #expect(status == 0, "\(output)")
        #expect(output.contains("descent's sandbox is not available here; grading without it"), "\(output)")
        let data = try Data(contentsOf: root.appendingPathComponent("results/results.json"))
        let results = try JSONDecoder().decode(Results.self, from: data)
        #expect(results.score == 3)
    }
}
