import ArgumentParser
import Foundation
import Grading
import LessonParser
import LessonRunner

/// `descent release --out DIR`: the student edition of the course — solution regions
/// replaced by stubs, hidden checks removed — written only after every reference solution
/// passes all its checks and every stub fails at least one.
struct ReleaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "release",
        abstract: "Write the student edition of the course.",
        discussion: """
            Each '// BEGIN SOLUTION … // END SOLUTION' region becomes a stub that compiles and \
            fails its checks, and hidden check blocks are removed. Before writing, every exercise \
            is graded twice, as 'descent grade' would: the reference solution must earn all its \
            points, the stub must fail at least one check. DIR is replaced whole, only when descent \
            wrote it before (it holds .descent-output) or it is empty, and never when it is or \
            holds the lessons.
            """)

    @Option(name: .long, help: ArgumentHelp("Folder of lessons.", valueName: "dir"))
    var lessons = "lessons"

    @Option(
        name: .long, help: ArgumentHelp("Folder to write the student edition to (replaced whole).", valueName: "dir"))
    var out: String

    @Option(name: .long, help: "Exercises verified in parallel (default: the number of cores).")
    var jobs: Int?

    @OptionGroup var output: OutputOptions

    func validate() throws {
        if let jobs, jobs < 1 { throw ValidationError("--jobs must be at least 1") }
    }

    func run() throws {
        let folder = try output.claim(out, protecting: [lessons])
        let parsed = try GradeCommand.readLessons(in: lessons)
        let release = CourseRelease(lessons: parsed)
        var grader = Grader(lessons: parsed, executor: try GradingExecutor(sandbox: nil))
        if let jobs { grader.jobs = jobs }
        let progress = Progress()
        let problems = release.verify(with: grader) { done, total in
            progress.show("[\(done)/\(total)] verifying exercises")
        }
        progress.show("")
        guard problems.isEmpty else {
            problems.forEach(Report.diagnostic)
            print("the student edition was not written")
            throw ExitCode.failure
        }
        try release.write(to: folder)
        let exercises = parsed.reduce(0) { $0 + $1.codeBlocks.filter { $0.role == .exercise }.count }
        print(
            "wrote the student edition of \(count(parsed.count, "lesson")) (\(count(exercises, "exercise")), verified) to \(out)"
        )
    }
}
