import ArgumentParser
import CourseDriver
import Foundation
import Grading
import LessonParser
import LessonRunner
import SiteRenderer

/// `descent release --out DIR`: the student course — the student edition of the lessons
/// (solution regions replaced by stubs, hidden checks removed), its site, the project's sources
/// and tools and a README for students (`StudentCourse`) — written only after every reference
/// solution passes all its checks, every stub fails at least one, and the site builds.
struct ReleaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "release",
        abstract: "Write the student course: the student edition of the lessons, its site, and the tool.",
        discussion: """
            DIR gets lessons/ (the student edition), site/ (its pages), the project's Package.swift \
            (without tests), Sources/ and scripts/, a Makefile whose 'make test' runs the lessons, and \
            a README for students. Each '// BEGIN SOLUTION … // END SOLUTION' region becomes a stub \
            that compiles and fails its checks, and hidden check blocks are removed. Before writing, every exercise \
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
        try Self.verify(release, jobs: jobs, unwritten: "the student edition")
        let site = try Self.site(lessons: lessons)
        let (course, _) = Course.read(folder: lessons)
        let files = try StudentCourse.files(
            project: try CourseFiles.project(root: Toolchain.packageRoot), release: release,
            lessonsFolder: URL(fileURLWithPath: lessons), title: course.title)
        try folder.replace { staging in
            try files.write(into: staging)
            let siteFolder = staging.appendingPathComponent("site")
            try FileManager.default.createDirectory(at: siteFolder, withIntermediateDirectories: false)
            try Data(OutputFolder.marker.utf8).write(to: siteFolder.appendingPathComponent(OutputFolder.markerName))
            try SiteWriter.write(site, into: siteFolder)
        }
        let exercises = parsed.reduce(0) { $0 + $1.codeBlocks.filter { $0.role == .exercise }.count }
        print(
            "wrote the student course of \(count(parsed.count, "lesson")) (\(count(exercises, "exercise")), verified) to \(out)"
        )
    }

    /// Grades each exercise's reference solution and stub, `jobs` at a time; when any is
    /// wrong, reports every problem, says that `unwritten` was not written, and fails.
    static func verify(_ release: CourseRelease, jobs: Int?, unwritten: String) throws {
        var grader = Grader(lessons: release.lessons, executor: try GradingExecutor(sandbox: nil))
        if let jobs { grader.jobs = jobs }
        let progress = Progress()
        let problems = release.verify(with: grader) { done, total in
            progress.show("[\(done)/\(total)] verifying exercises")
        }
        progress.show("")
        guard problems.isEmpty else {
            problems.forEach(Report.diagnostic)
            print("\(unwritten) was not written")
            throw ExitCode.failure
        }
    }

    /// The student edition's site (as `descent build` writes it), or a failure once every
    /// problem is reported: a student course is released only with a site that builds.
    static func site(lessons: String) throws -> SiteOutput {
        let options = try LessonOptions.parse(["--lessons", lessons, "--quiet"])
        let outcomes = try options.driver().run(try options.lessonFiles([]), choices: true)
        let site = try SitePublisher.render(outcomes, lessons: lessons, edition: .student)
        let problems = site.diagnostics.filter { $0.severity == .error }
        let failed = outcomes.map(\.failed).reduce(0, +)
        guard problems.isEmpty && failed == 0 else {
            outcomes.forEach { Report.failures(of: $0) }
            problems.forEach(Report.diagnostic)
            print("the student course was not written: its site does not build")
            throw ExitCode.failure
        }
        return site
    }
}
