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

            Each student is named by the shortest trailing part of the submission's path that no \
            other submission's path ends with; grades are listed by name. A class is graded on the \
            lessons given with --only, else on those its submissions hand in (by file name or \
            exercise id); a submission that is missing or unreadable gets 0 with the reason. With --shard K/N only the K-th of N \
            slices of the class (in name order) is graded, and written as JSON; --merge puts the \
            shards' JSON files together and writes the class's grades in any format.
            """)

    @Argument(help: ArgumentHelp("Submission folders or lesson files, one per student.", valueName: "submission"))
    var submissions: [String] = []

    @Option(name: .long, help: ArgumentHelp("Folder of the instructor's lessons.", valueName: "dir"))
    var lessons = "lessons"

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Grade this lesson of the folder (a name, with or without .md; repeatable). Default: the lessons the class hands in.",
            valueName: "lesson"))
    var only: [String] = []

    @Option(name: .long, help: "table, json, junit, csv or gradescope (default: table; json when sharded).")
    var format: GradeFormat?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Grade only the K-th of N slices of the class (in name order), written as JSON to merge.",
            valueName: "K/N"))
    var shard: ClassShard?

    @Option(
        name: .long, parsing: .upToNextOption,
        help: ArgumentHelp("Merge the JSON of every shard of a class (instead of grading).", valueName: "shard.json"))
    var merge: [String] = []

    @Flag(name: .customLong("no-times"), help: "Write every time as 0 (to compare outputs across runs).")
    var noTimes = false

    @Option(
        name: [.short, .long], help: ArgumentHelp("Write the grades to this file instead of stdout.", valueName: "file")
    )
    var output: String?

    @Option(name: .long, help: "Exercises graded in parallel (default: the number of cores).")
    var jobs: Int?

    @Option(
        name: .long,
        help: ArgumentHelp(
            "Seconds a check or exercise block may run when it sets no timeout= (nor, for a check, does its exercise).",
            valueName: "seconds"))
    var timeout: Double = Grader.standardTimeout

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
        if merge.isEmpty && submissions.isEmpty {
            throw ValidationError("give the submissions to grade, or --merge with the shards' JSON files")
        }
        if !merge.isEmpty && !submissions.isEmpty {
            throw ValidationError("--merge takes the shards' JSON files, not submissions: grade them with --shard K/N")
        }
        if !merge.isEmpty && shard != nil { throw ValidationError("--merge and --shard do not go together") }
        if shard != nil, let format, format != .json {
            throw ValidationError("--shard writes JSON, for --merge; write --format \(format.rawValue) with --merge")
        }
        if format == .gradescope && merge.isEmpty && submissions.count != 1 {
            throw ValidationError("--format gradescope grades one submission at a time")
        }
    }

    func run() throws {
        let lessonFiles = ((try? FileManager.default.contentsOfDirectory(atPath: lessons)) ?? []).filter {
            $0.hasSuffix(".md")
        }
        let read =
            (merge.isEmpty
                ? lessonFiles.map { ("the lesson \($0)", (lessons as NSString).appendingPathComponent($0)) } : [])
            + submissions.map { ("the submission \($0)", $0) } + merge.map { ("the shard \($0)", $0) }
        if let output, let reason = OutputFolder.refusal(ofFile: URL(fileURLWithPath: output), protecting: read) {
            throw DescentError("descent will not write the grades to '\(output)': \(reason)")
        }
        var grades: [SubmissionGrade]
        var shard = self.shard
        if merge.isEmpty {
            grades = try gradeClass(shard: &shard)
        } else {
            grades = try ClassShard.merge(
                merge.map { file in
                    guard let data = FileManager.default.contents(atPath: file) else {
                        throw DescentError("cannot read the shard '\(file)'")
                    }
                    return (file, data)
                })
        }
        if noTimes { grades = grades.map(\.withoutTimes) }
        let text = try shard.map { try $0.render(grades) } ?? (format ?? .table).render(grades)
        if let output {
            try AtomicFile.write(Data(text.utf8), to: URL(fileURLWithPath: output))
        } else {
            print(text, terminator: "")
        }
    }

    /// Grades the class, or the slice of it `shard` names (and sets the shard's class
    /// digest), in name order.
    private func gradeClass(shard: inout ClassShard?) throws -> [SubmissionGrade] {
        let names = try StudentNames.names(for: submissions)
        let order = submissions.indices.sorted { names[$0] < names[$1] }
        shard?.class = ClassShard.digest(names: order.map { names[$0] }, paths: order.map { submissions[$0] })
        let mine = Set(shard.map { order[$0.positions(of: order.count)] } ?? order[...])
        let parsed = try Self.readLessons(in: lessons)
        let chosen = try Self.lessons(only, of: parsed, in: lessons)
        // Without --only, every submission is read, as the lessons the class is graded on are
        // those any of them hands in; only this shard's are kept. One that cannot be read is
        // graded as handing in nothing, with the reason; it never stops the class.
        var fileNames = Set<String>()
        var exerciseIds = Set<String>()
        var loaded: [Submission] = []
        for index in order where chosen == nil || mine.contains(index) {
            var submission = Submission.load(submissions[index])
            fileNames.formUnion(submission.fileNames)
            exerciseIds.formUnion(submission.exerciseIds.map(\.id))
            guard mine.contains(index) else { continue }
            submission.student = names[index]
            loaded.append(submission)
        }
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
        let graded = chosen ?? Grader.lessonsGraded(parsed, fileNames: fileNames, exerciseIds: exerciseIds)
        FileHandle.standardError.write(
            Data("lessons graded: \(graded.map(Self.fileName).joined(separator: ", "))\n".utf8))
        var grader = Grader(lessons: graded, executor: try GradingExecutor(sandbox: sandbox))
        grader.defaultTimeout = timeout
        if let jobs { grader.jobs = jobs }
        let progress = Progress()
        let grades = grader.grade(loaded) { done, total in progress.show("[\(done)/\(total)] grading exercises") }
        progress.show("")
        return grades
    }

    private static func fileName(_ lesson: Lesson) -> String { (lesson.file as NSString).lastPathComponent }

    /// The lessons `names` (`--only`) names, in the folder's order; nil when it names none.
    private static func lessons(_ names: [String], of lessons: [Lesson], in folder: String) throws -> [Lesson]? {
        guard !names.isEmpty else { return nil }
        let wanted = Set(names.map { $0.hasSuffix(".md") ? $0 : $0 + ".md" })
        let all = lessons.map(fileName)
        if let unknown = wanted.subtracting(all).sorted().first {
            throw DescentError("no lesson '\(unknown)' in '\(folder)' (its lessons: \(all.joined(separator: ", ")))")
        }
        return lessons.filter { wanted.contains(fileName($0)) }
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

extension ClassShard: ExpressibleByArgument {
    public init?(argument: String) { self.init(argument) }
}
