import Foundation
import LessonParser
import LessonRunner
import LessonRuntime

/// The grade stage: the instructor's lessons and students' submissions in, grades out.
///
/// Every exercise of every submission is graded on its own (see `GradingPrograms`): the
/// student's code runs in the sandbox and only answers the calls of a checker that holds
/// the instructor's code and decides the verdict. Work is
/// spread over `jobs` threads; whatever one submission does, the others are graded.
public struct Grader: Sendable {
    public var lessons: [Lesson]
    public var executor: GradingExecutor
    /// Parallel jobs (each runs one program at a time).
    public var jobs = ProcessInfo.processInfo.activeProcessorCount
    /// Seconds a check block or an exercise block may run when it sets no `timeout=` (nor,
    /// for a check, does its exercise block): the course's checks take well under a second
    /// each, so an endless loop costs this much per check it runs in. The spec blocks,
    /// which are the instructor's and which `release` verified as `descent test` runs them,
    /// keep `descent test`'s time (`Runner.standardTimeout`) when they set none.
    public var defaultTimeout: Double = Self.standardTimeout
    /// The default of `defaultTimeout`.
    public static let standardTimeout: Double = 5

    public init(lessons: [Lesson], executor: GradingExecutor) {
        self.lessons = lessons
        self.executor = executor
    }

    /// The lessons a class is graded on: those whose file name, or one of whose exercise
    /// ids, some submission of the class has (all of them when no submission has any), so
    /// that the maximum counts the lessons handed in, and a student who handed in nothing
    /// for one of them gets 0 of its points.
    public static func lessonsGraded(
        _ lessons: [Lesson], fileNames: Set<String>, exerciseIds: Set<String>
    ) -> [Lesson] {
        let graded = lessons.filter { lesson in
            fileNames.contains((lesson.file as NSString).lastPathComponent)
                || lesson.codeBlocks.contains {
                    $0.role == .exercise && exerciseIds.contains($0.attributes.exercise ?? "")
                }
        }
        return graded.isEmpty ? lessons : graded
    }

    /// Grades every submission; `progress` is called (from any thread) after each exercise.
    public func grade(
        _ submissions: [Submission], progress: @escaping @Sendable (_ done: Int, _ total: Int) -> Void = { _, _ in }
    ) -> [SubmissionGrade] {
        let work: [(submission: Int, lesson: Int, exercise: CodeBlock)] = submissions.indices.flatMap { submission in
            lessons.indices.flatMap { lesson in
                lessons[lesson].codeBlocks.filter { $0.role == .exercise }.map { (submission, lesson, $0) }
            }
        }
        let results = Results(count: work.count)
        let workers = max(1, min(jobs, work.count, Sandbox.maximumJobs))
        let finished = DispatchGroup()
        for slot in 0..<workers {
            finished.enter()
            let thread = Thread {
                while let next = results.take() {
                    let item = work[next]
                    let grade = gradeExercise(
                        item.exercise, of: lessons[item.lesson], submission: submissions[item.submission], slot: slot)
                    progress(results.store(grade, at: next), work.count)
                }
                finished.leave()
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        finished.wait()
        executor.sandbox?.controlGroups.removeParent()
        let grades = results.values
        return submissions.enumerated().map { index, submission in
            SubmissionGrade(
                student: submission.student, path: submission.path, notes: notes(submission),
                exercises: work.indices.filter { work[$0].submission == index }.compactMap { grades[$0] })
        }
    }

    /// What the student is told about the submission as a whole: what was not read, and
    /// each exercise block whose id none of the lessons graded has (with those lessons' ids).
    private func notes(_ submission: Submission) -> [String] {
        let known = lessons.map { lesson in
            (
                file: (lesson.file as NSString).lastPathComponent,
                ids: lesson.codeBlocks.filter { $0.role == .exercise }.compactMap(\.attributes.exercise)
            )
        }
        let all = known.flatMap(\.ids)
        var notes = submission.skipped.map { "not read: \($0)" }
        for block in submission.exerciseIds where !all.contains(block.id) {
            let lesson = known.first { $0.file == (block.file as NSString).lastPathComponent }
            notes.append(
                "\(Self.printable(block.file)):\(block.line): exercise id=\(Self.printable(block.id)) is not an exercise of "
                    + (lesson.map { "\($0.file)" } ?? "the lessons graded")
                    + " (its exercises: \((lesson?.ids ?? all).joined(separator: ", "))); this block was not graded")
        }
        return notes
    }

    /// A name from a student's file as it may be printed: at most 100 characters, control
    /// characters (a terminal's escape sequences) as `?`.
    static func printable(_ text: String) -> String {
        String(
            String.UnicodeScalarView(
                text.unicodeScalars.prefix(100).map { $0.properties.generalCategory == .control ? "?" : $0 }))
    }

    /// Grades one exercise of one submission.
    public func gradeExercise(_ exercise: CodeBlock, of lesson: Lesson, submission: Submission, slot: Int)
        -> ExerciseGrade
    {
        let started = DispatchTime.now()
        var grade = grading(exercise, of: lesson, submission: submission, slot: slot)
        grade.seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        return grade
    }

    private func grading(_ exercise: CodeBlock, of lesson: Lesson, submission: Submission, slot: Int)
        -> ExerciseGrade
    {
        let id = exercise.attributes.exercise ?? ""
        let lessonName = (lesson.file as NSString).lastPathComponent
        var grade = ExerciseGrade(
            lesson: lessonName, id: id, title: exercise.attributes.title,
            maxPoints: Double(exercise.attributes.points ?? 0), checks: [])
        var studentChecks: [StudentCheck] = []
        func fail(_ problem: String, reason: String) -> ExerciseGrade {
            grade.checks = checkGrades(lesson: lesson, exercise: exercise, in: studentChecks, reason: reason)
            grade.problem = problem
            return grade
        }
        guard let submitted = submission.exercise(id, lessonFile: lessonName) else {
            return fail("exercise \(id): no exercise block with id=\(id) in the submission", reason: "not submitted")
        }
        grade.file = submitted.file
        studentChecks = submission.checks(of: id, in: submitted.file)
        let interface: ExerciseInterface
        do {
            interface = try ExerciseInterface(exercise, file: lesson.file)
        } catch {
            return fail("exercise \(id) cannot be graded: \(error)", reason: "the exercise cannot be graded")
        }
        let programs = GradingPrograms(lesson: lesson, exercise: exercise, interface: interface)
        guard !programs.checks.isEmpty else { return fail("exercise \(id) has no checks", reason: "no checks") }

        let checker: String
        switch executor.compile(programs.checker) {
        case .failed(let diagnostics):
            return fail(
                "exercise \(id): the instructor's checks do not compile:\n"
                    + diagnostics.prefix(10).map(\.description).joined(separator: "\n"),
                reason: "the checks do not compile")
        case .compiled(let executable):
            checker = executable
        }
        let submittedFile = "submission/\(submitted.file)"
        let source: String
        do {
            source = try programs.exercise(submitted: submitted.code, file: submittedFile, line: submitted.line)
        } catch {
            return fail(
                "exercise \(id) was not graded: \(submitted.file):\(submitted.line): \(error)",
                reason: "the exercise was not graded")
        }
        switch executor.compile(source) {
        case .failed(let diagnostics):
            let lines = compileErrors(diagnostics, submittedFile: submittedFile)
            return fail(
                "exercise \(id) does not compile:\n" + lines.joined(separator: "\n"),
                reason: "the exercise does not compile")
        case .compiled(let executable):
            grade.checks = run(
                checker: checker, exercise: executable, programs: programs, lesson: lesson,
                studentFile: submitted.file, studentChecks: studentChecks, slot: slot)
            return grade
        }
    }

    // MARK: - Running

    /// A block's time: its own `timeout=`; else a check's is its exercise block's
    /// `timeout=` or `defaultTimeout`, an exercise block's `defaultTimeout`, and a spec
    /// block's what `descent test` gives it.
    private func timeout(_ block: CodeBlock, exercise: CodeBlock) -> Double {
        if let seconds = block.attributes.timeout { return seconds }
        switch block.role {
        case .check: return exercise.attributes.timeout ?? defaultTimeout
        case .exercise: return defaultTimeout
        default: return Runner.standardTimeout
        }
    }

    /// Runs each check block on its own: a fresh checker and exercise per check, so that an
    /// exercise never holds a hidden check's arguments while a visible check is judged.
    private func run(
        checker: String, exercise: String, programs: GradingPrograms, lesson: Lesson, studentFile: String,
        studentChecks: [StudentCheck], slot: Int
    ) -> [CheckGrade] {
        var grades = checkGrades(lesson: lesson, exercise: programs.exercise, in: studentChecks, reason: nil)
        var environment: [String: String] = [:]
        for parameter in lesson.frontMatter.params {
            environment[ProgramContract.parameterPrefix + parameter.name] = parameter.value.encoded
        }
        let checks = programs.checks
        let blockSeconds = programs.preamble.map { timeout($0, exercise: programs.exercise) }
        for (index, check) in checks.enumerated() {
            let started = DispatchTime.now()
            defer {
                grades[index].seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
            }
            let run = executor.run(
                checker: checker, exercise: exercise, check: index, environment: environment,
                blockSeconds: blockSeconds, checkSeconds: timeout(check, exercise: programs.exercise), slot: slot)
            var began = false
            var lost: String?
            for event in run.events {
                switch event {
                case .begin(index):
                    began = true
                case .fail(index, let line, let message) where began:
                    // A failure reported from outside the check block (a stub's) is placed at the check.
                    let inCheck = check.contentLines.contains(line)
                    let studentLine =
                        grades[index].hidden || !inCheck
                        ? nil : visibleCheck(index, of: checks, in: studentChecks)?.line(of: check, at: line)
                    grades[index].failures.append(.init(line: line, studentLine: studentLine, message: message))
                case .done(index) where began:
                    grades[index].passed = grades[index].failures.isEmpty
                case .lost(let reason):
                    lost = reason
                default:
                    break
                }
            }
            if !grades[index].passed {
                grades[index].reason =
                    began
                    ? describe(run, lost: lost, hidden: grades[index].hidden, file: studentFile)
                    : "the program stopped before the check ran: "
                        + describe(run, lost: lost, hidden: true, file: studentFile)
            }
        }
        return grades
    }

    /// Why a check did not pass, in words for the student. Of a hidden check's run nothing is
    /// told but that it did not finish, or ran out of time: no exit status, no message.
    private func describe(_ run: GradingExecutor.Run, lost: String?, hidden: Bool, file: String) -> String {
        if case .timedOut(let seconds, _) = run.checker {
            return "it did not finish within \(seconds.secondsText) s and was stopped"
        }
        if case .flooded(let bytes) = run.checker {
            return "the programs printed more than \(bytes >> 10) KiB and were stopped"
        }
        if case .failedToStart(let message) = run.checker {
            return "the program could not be run: \(message)"
        }
        guard lost != nil || run.checker != .exited(0) else { return "the check did not finish" }
        guard !hidden else { return "your code stopped while the check ran" }
        if lost == nil {
            // The checker itself trapped (say, on an array of your code's that is too short).
            let fatal =
                messageLines(ofErrorOutput: run.checkerErrors).first { $0.contains("Fatal error") }
                .map { ": " + String($0.split(separator: "/").last ?? $0).prefix(300) } ?? ""
            return "the check stopped (\(run.checker))" + fatal
        }
        // A visible check's run: the exercise held only that check's arguments. When the
        // checker lost it for a reason of its own (the protocol broken, a wrong value), that
        // is the cause, however the exercise then ended.
        if let lost, lost != ProgramContract.exerciseStopped { return lost }
        var ending = run.exercise
        // The sandbox's init reports a program killed by signal s as exit status 128 + s.
        if executor.sandbox != nil, case .exited(let status) = ending, status > 128, status < 160 {
            ending = .signalled(status - 128)
        }
        let lines = messageLines(ofErrorOutput: run.exerciseErrors).map { String($0.prefix(300)) }
        let fatal = lines.first { $0.contains("Fatal error") || $0.contains("fatal error") }
            .map { line in line.split(separator: "/").last.map(String.init) ?? line }
        let trap = Self.trap(in: run.exerciseErrors, file: file)
        let detail = (trap ?? fatal ?? lines.last).map { ": \($0)" } ?? ""
        switch ending {
        case .exited(let status):
            // When the protocol was broken, that is the cause; whether the exercise had also
            // exited by then is a race, and is not told.
            return lost ?? "your code ended (exit status \(status))" + detail
        case .signalled(let signal):
            if run.exerciseRanOutOfMemory || run.exerciseErrors.contains("alloc")
                || run.exerciseErrors.contains("out of memory"),
                let memory = executor.sandbox?.memory
            {
                return "your code ran out of memory (limit \(memory >> 20) MiB)"
            }
            // Told alike however the race between the two programs' endings went.
            return trap.map { "your code trapped: \($0)" } ?? "your code trapped (signal \(signal))" + detail
        case .stopped where trap != nil:
            // It trapped, and the checker, which lost it, ended first.
            return "your code trapped: " + (trap ?? "")
        case .stopped, .timedOut, .flooded, .failedToStart:
            return lost ?? "your code stopped"
        }
    }

    /// The trap message in the exercise's stderr (`file:line: Fatal error: …`), placed in
    /// the student's `file` when the trap is in their code, else without its place.
    static func trap(in errors: String, file: String) -> String? {
        guard let line = errors.split(separator: "\n").first(where: { $0.contains("Fatal error") }) else {
            return nil
        }
        guard let located = line.firstMatch(of: #/^(\S+):([0-9]+): /#) else { return String(line.prefix(300)) }
        let message = line[located.range.upperBound...].prefix(300)
        let inFile = located.1.split(separator: "/").last == file.split(separator: "/").last
        return inFile ? "\(file):\(located.2): \(message)" : String(message)
    }

    private func checkGrades(lesson: Lesson, exercise: CodeBlock, in studentChecks: [StudentCheck], reason: String?)
        -> [CheckGrade]
    {
        let checks = lesson.codeBlocks.filter {
            $0.role == .check && $0.attributes.exercise == exercise.attributes.exercise
        }
        let share = checks.isEmpty ? 0 : Double(exercise.attributes.points ?? 0) / Double(checks.count)
        return checks.enumerated().map { index, block in
            CheckGrade(
                index: index, hidden: block.attributes.hidden, name: block.attributes.name, line: block.line,
                studentLine: visibleCheck(index, of: checks, in: studentChecks)?.firstLine,
                maxPoints: share, passed: false, failures: [], reason: reason)
        }
    }

    /// The student's copy of check `index` (of the exercise's `checks`) when it is visible:
    /// the student's file holds the visible checks in the lesson's order.
    private func visibleCheck(_ index: Int, of checks: [CodeBlock], in studentChecks: [StudentCheck]) -> StudentCheck? {
        guard !checks[index].attributes.hidden else { return nil }
        let position = checks[..<index].filter { !$0.attributes.hidden }.count
        return studentChecks.indices.contains(position) ? studentChecks[position] : nil
    }

    /// The compiler's errors in the student's code, with their lines; the others (in the
    /// lesson's code, which the exercise program shares) without detail.
    private func compileErrors(_ diagnostics: [Diagnostic], submittedFile: String) -> [String] {
        var lines: [String] = []
        for diagnostic in diagnostics.prefix(10) {
            if diagnostic.file == submittedFile {
                lines.append(
                    "\(String(submittedFile.dropFirst("submission/".count))):\(diagnostic.line):\(diagnostic.column): error: \(diagnostic.message)"
                )
            } else if diagnostic.file.isEmpty {
                lines.append("error: \(diagnostic.message)")
            } else {
                lines.append("error: the lesson does not compile with this code: \(diagnostic.message)")
            }
        }
        var seen = Set<String>()
        return lines.filter { seen.insert($0).inserted }
    }
}

/// Work handed out to the grading threads, and their results.
private final class Results: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private var done = 0
    private let count: Int
    private(set) var values: [ExerciseGrade?]

    init(count: Int) {
        self.count = count
        values = Array(repeating: nil, count: count)
    }

    func take() -> Int? {
        lock.lock()
        defer { lock.unlock() }
        guard next < count else { return nil }
        next += 1
        return next - 1
    }

    /// Stores a result; returns how many are done.
    func store(_ grade: ExerciseGrade, at index: Int) -> Int {
        lock.lock()
        defer { lock.unlock() }
        values[index] = grade
        done += 1
        return done
    }
}
