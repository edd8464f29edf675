import ArgumentParser
import Foundation
import Grading
import LessonParser
import LessonRunner

/// `descent autograder --out FILE.zip`: the Gradescope autograder of the course (see
/// `Autograder`), written only when the course would release (every reference solution
/// passes its checks, every stub fails one).
struct AutograderCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "autograder",
        abstract: "Write the course's Gradescope autograder (a ZIP archive).",
        discussion: """
            The archive holds setup.sh (installs the Debian packages, the Swift toolchain of this \
            descent and builds descent on Gradescope's Ubuntu image), run_autograder (grades \
            /autograder/submission with 'descent grade --format gradescope' into \
            /autograder/results/results.json), the project's sources and the instructor's lessons, \
            with their solutions and hidden checks: give it to Gradescope only. The exercises are \
            verified first, as 'descent release' does. FILE is replaced whole.
            """)

    @Option(name: .long, help: ArgumentHelp("Folder of the instructor's lessons.", valueName: "dir"))
    var lessons = "lessons"

    @Option(name: .long, help: ArgumentHelp("The archive to write (replaced whole).", valueName: "file.zip"))
    var out: String

    @Option(name: .long, help: "Exercises verified in parallel (default: the number of cores).")
    var jobs: Int?

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        guard out.hasSuffix(".zip") else { throw ValidationError("--out must name a .zip file") }
    }

    func run() throws {
        if let reason = OutputFolder.refusal(
            ofFile: URL(fileURLWithPath: out), protecting: [("the lessons folder", lessons)])
        {
            throw DescentError("descent will not write the autograder to '\(out)': \(reason)")
        }
        let parsed = try GradeCommand.readLessons(in: lessons)
        try ReleaseCommand.verify(CourseRelease(lessons: parsed), jobs: jobs, unwritten: "the autograder")
        let files = try Autograder.files(
            project: try CourseFiles.project(root: Toolchain.packageRoot), lessonsFolder: URL(fileURLWithPath: lessons),
            swiftVersion: try Self.swiftVersion())
        let archive = URL(fileURLWithPath: out)
        try FileManager.default.createDirectory(
            at: archive.deletingLastPathComponent(), withIntermediateDirectories: true)
        try AtomicFile.write(try files.zipArchive(), to: archive)
        let exercises = parsed.reduce(0) { $0 + $1.codeBlocks.filter { $0.role == .exercise }.count }
        print(
            "wrote the Gradescope autograder of \(count(parsed.count, "lesson")) (\(count(exercises, "exercise")), verified) to \(out)"
        )
    }

    /// The version of the Swift toolchain lessons are compiled with (`6.3.1`), which the
    /// autograder installs.
    static func swiftVersion() throws -> String {
        let toolchain = try Toolchain.locate()
        let process = Process()
        process.executableURL = URL(fileURLWithPath: toolchain.compiler)
        process.arguments = ["--version"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        guard let match = text.firstMatch(of: /Swift version (\d+\.\d+(\.\d+)?)/) else {
            throw DescentError("cannot read the Swift version from '\(toolchain.compiler) --version': \(text)")
        }
        return String(match.1)
    }
}
