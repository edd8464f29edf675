import ArgumentParser
import Foundation
import Grading
import LessonParser
import LessonRunner

/// `descent grade SUBMISSION…`: points per exercise per submission, each exercise compiled
/// and run on its own in a sandbox, with the instructor's visible and hidden checks.
struct GradeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "grade",
        abstract: "Grade students' submissions.",
        discussion: """
            A submission is a folder of lesson files, or one lesson file, per student. Only its \
            exercise blocks are used (matched by id); prose, checks, points and other code are the \
            instructor's. An exercise's points are split equally over its check blocks, visible \
            and hidden; a check block earns its share when it runs to its end with no failed \
            assertion. The checks run apart from the student's code, which only answers their \
            calls. The student's code, and its compiling, run in a bubblewrap sandbox (no network, \
            no host files, nothing writable, a user of its own) inside a control group that limits \
            the memory, CPU and processes of the whole tree; everything is killed at its time limit.
            """)

    @Argument(help: ArgumentHelp("Submission folders or lesson files, one per student.", valueName: "submission"))
    var submissions: [String]

    @Option(name: .long, help: ArgumentHelp("Folder of the instructor's lessons.", valueName: "dir"))
    var lessons = "lessons"

    @Option(name: .long, help: "table, json, junit, csv or gradescope.")
    var format: GradeFormat = .table

    @Option(
        name: [.short, .long], help: ArgumentHelp("Write the grades to this file instead of stdout.", valueName: "file")
    )
    var output: String?

    @Option(name: .long, help: "Exercises graded in parallel (default: the number of cores).")
    var jobs: Int?

    @Option(name: .long, help: ArgumentHelp("Seconds a block may run when it sets no timeout=.", valueName: "seconds"))
    var timeout: Double = 60

    @Option(
        name: .long,
        help: ArgumentHelp("Memory a submission's run may use, all its processes together.", valueName: "MiB"))
    var memory = 2048

    @Flag(
        name: .customLong("no-sandbox"), help: "Run code under grading without the sandbox (only for code you trust).")
    var noSandbox = false

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
        guard timeout > 0 else { throw ValidationError("--timeout must be more than 0") }
        guard memory >= 64 else { throw ValidationError("--memory must be at least 64 MiB") }
        if format == .gradescope && submissions.count != 1 {
            throw ValidationError("--format gradescope grades one submission at a time")
        }
    }

    func run() throws {
        let lessonFiles = ((try? FileManager.default.contentsOfDirectory(atPath: lessons)) ?? []).filter {
            $0.hasSuffix(".md")
        }
        let read =
            lessonFiles.map { ("the lesson \($0)", (lessons as NSString).appendingPathComponent($0)) }
            + submissions.map { ("the submission \($0)", $0) }
        if let output, let reason = OutputFolder.refusal(ofFile: URL(fileURLWithPath: output), protecting: read) {
            throw DescentError("descent will not write the grades to '\(output)': \(reason)")
        }
        let parsed = try Self.readLessons(in: lessons)
        // A submission that cannot be read is graded as handing in nothing; it never stops the class.
        let loaded = submissions.map { Submission.load($0) }
        for submission in loaded where !submission.skipped.isEmpty {
            FileHandle.standardError.write(
                Data(submission.skipped.map { "warning: \(submission.student): \($0)\n" }.joined().utf8))
        }
        var sandbox: Sandbox?
        if noSandbox {
            FileHandle.standardError.write(
                Data(
                    "warning: grading without a sandbox (--no-sandbox): code under grading can read and change your files\n"
                        .utf8))
        } else {
            do {
                var located = try Sandbox.locate()
                located.memory = memory << 20
                let report = try located.probe()
                FileHandle.standardError.write(Data("sandbox: bubblewrap; \(report.joined(separator: "; "))\n".utf8))
                sandbox = located
            } catch {
                throw DescentError("\(error)\n(use --no-sandbox to grade code you trust without it)")
            }
        }
        var grader = Grader(lessons: parsed, executor: try GradingExecutor(sandbox: sandbox))
        grader.defaultTimeout = timeout
        if let jobs { grader.jobs = jobs }
        let progress = Progress()
        let grades = grader.grade(loaded) { done, total in progress.show("[\(done)/\(total)] grading exercises") }
        progress.show("")
        let text = try format.render(grades)
        if let output {
            try AtomicFile.write(Data(text.utf8), to: URL(fileURLWithPath: output))
        } else {
            print(text, terminator: "")
        }
    }

    /// Every lesson of a folder, parsed; any lesson error stops the command.
    static func readLessons(in folder: String) throws -> [Lesson] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder) else {
            throw DescentError("no lessons folder at '\(folder)'")
        }
        var lessons: [Lesson] = []
        var errors: [Diagnostic] = []
        for name in names.filter({ $0.hasSuffix(".md") }).sorted() {
            let file = (folder as NSString).appendingPathComponent(name)
            let (lesson, diagnostics) = LessonReader.read(URL(fileURLWithPath: file), file: file)
            errors += diagnostics.filter { $0.severity == .error }
            if let lesson { lessons.append(lesson) }
        }
        guard errors.isEmpty else {
            errors.forEach { print($0) }
            throw ExitCode.failure
        }
        return lessons
    }
}

extension GradeFormat: ExpressibleByArgument {}
