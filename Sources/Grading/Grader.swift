import Foundation
import LessonParser
import LessonRunner

/// The grade stage: the instructor's lessons and students' submissions in, grades out.
///
/// Every exercise of every submission is graded on its own (see `ExerciseProgram`):
/// screened, compiled, and run in the sandbox with its visible and hidden checks. Work is
/// spread over `jobs` threads; whatever one submission does, the others are graded.
public struct Grader: Sendable {
    public var lessons: [Lesson]
    public var executor: GradingExecutor
    /// Parallel jobs (each runs one program at a time).
    public var jobs = ProcessInfo.processInfo.activeProcessorCount
    /// Seconds a block may run when it sets no `timeout=`.
    public var defaultTimeout: Double = 60

    public init(lessons: [Lesson], executor: GradingExecutor) {
        self.lessons = lessons
        self.executor = executor
    }

    /// Grades every submission; `progress` is called (from any thread) after each exercise.
    public func grade(_ submissions: [Submission], progress: @escaping @Sendable (_ done: Int, _ total: Int) -> Void = { _, _ in }) -> [SubmissionGrade] {
        let editions = lessons.map(StudentEdition.init)
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
                    let grade = gradeExercise(item.exercise, of: lessons[item.lesson], edition: editions[item.lesson],
                                              submission: submissions[item.submission], slot: slot)
                    progress(results.store(grade, at: next), work.count)
                }
                finished.leave()
            }
            thread.stackSize = 8 << 20
            thread.start()
        }
        finished.wait()
        let grades = results.values
        return submissions.enumerated().map { index, submission in
            SubmissionGrade(student: submission.student, path: submission.path,
                            exercises: work.indices.filter { work[$0].submission == index }.compactMap { grades[$0] })
        }
    }

    /// Grades one exercise of one submission.
    public func gradeExercise(_ exercise: CodeBlock, of lesson: Lesson, edition: StudentEdition, submission: Submission, slot: Int) -> ExerciseGrade {
        let started = DispatchTime.now()
        var grade = grading(exercise, of: lesson, edition: edition, submission: submission, slot: slot)
        grade.seconds = Double(DispatchTime.now().uptimeNanoseconds - started.uptimeNanoseconds) / 1e9
        return grade
    }

    private func grading(_ exercise: CodeBlock, of lesson: Lesson, edition: StudentEdition, submission: Submission, slot: Int) -> ExerciseGrade {
        let id = exercise.attributes.exercise ?? ""
        let lessonName = (lesson.file as NSString).lastPathComponent
        var grade = ExerciseGrade(lesson: lessonName, id: id, title: exercise.attributes.title,
                                  maxPoints: Double(exercise.attributes.points ?? 0), checks: [])
        guard let submitted = submission.exercise(id, lessonFile: lessonName) else {
            grade.checks = checkGrades(lesson: lesson, exercise: exercise, edition: edition, reason: "not submitted")
            grade.problem = "exercise \(id): no exercise block with id=\(id) in the submission"
            return grade
        }
        let program = ExerciseProgram(lesson: lesson, exercise: exercise, submitted: submitted.code,
                                      submittedFile: "submission/\(submitted.file)", submittedLine: submitted.line)
        func fail(_ problem: String, reason: String) -> ExerciseGrade {
            grade.checks = checkGrades(lesson: lesson, exercise: exercise, edition: edition, reason: reason)
            grade.problem = problem
            return grade
        }
        guard !program.checks.isEmpty else { return fail("exercise \(id) has no checks", reason: "no checks") }

        let others = lesson.codeBlocks.filter { ($0.role == .spec || $0.role == .exercise) && $0.line != exercise.line }.map(\.code)
        let screen = ExerciseScreen(lessonCode: others, checkCode: program.checks.map(\.code), reference: exercise.code)
        let problems = screen.problems(in: submitted.code)
        if !problems.isEmpty {
            let lines = problems.map { "\(submitted.file):\(submitted.line + $0.line - 1): error: \($0.message)" }
            return fail("exercise \(id) was not graded:\n" + lines.joined(separator: "\n"), reason: "the exercise was not graded")
        }

        switch executor.compile(program.source) {
        case .failed(let diagnostics):
            let lines = compileErrors(diagnostics, program: program, edition: edition, lessonName: lessonName)
            return fail("exercise \(id) does not compile:\n" + lines.joined(separator: "\n"), reason: "the exercise does not compile")
        case .compiled(let executable):
            grade.checks = run(executable, program: program, lesson: lesson, edition: edition, slot: slot)
            return grade
        }
    }

    // MARK: - Running

    private func timeout(_ block: CodeBlock) -> Double { block.attributes.timeout ?? defaultTimeout }

    private func run(_ executable: String, program: ExerciseProgram, lesson: Lesson, edition: StudentEdition, slot: Int) -> [CheckGrade] {
        var grades = checkGrades(lesson: lesson, exercise: program.exercise, edition: edition, reason: nil)
        var environment: [String: String] = [:]
        for parameter in lesson.frontMatter.params { environment["DESCENT_PARAM_\(parameter.name)"] = parameter.value.encoded }
        let checks = program.checks
        let blockSeconds = program.preamble.map(timeout)
        let checkSeconds = Dictionary(uniqueKeysWithValues: checks.enumerated().map { ($0, timeout($1)) })
        var remaining = Array(checks.indices)
        var attempts = 0
        while !remaining.isEmpty && attempts <= checks.count {
            attempts += 1
            let run = executor.run(executable, checks: remaining, environment: environment,
                                   blockSeconds: blockSeconds, checkSeconds: checkSeconds, slot: slot)
            var began = Set<Int>()
            var current: Int?
            for event in run.events {
                switch event {
                case .begin(let index) where remaining.contains(index):
                    began.insert(index)
                    current = index
                case .fail(let index, let line, let message) where index == current:
                    // A failure reported from outside the check block (a stub, a spec function) is placed at the check.
                    let inCheck = checks[index].contentLines.contains(line)
                    let studentLine = grades[index].hidden || !inCheck ? nil : edition.lineMap[line]
                    grades[index].failures.append(.init(line: line, studentLine: studentLine, message: message))
                case .done(let index) where index == current:
                    grades[index].passed = grades[index].failures.isEmpty
                    grades[index].reason = nil
                    current = nil
                default:
                    break
                }
            }
            let ended = run.events.last == .end && run.ending == .exited(0)
            if let current {
                grades[current].reason = describe(run, hidden: grades[current].hidden)
            }
            if began.isEmpty {
                let reason = ended ? "the check did not run" : "the program stopped before the checks ran: " + describe(run, hidden: false)
                for index in remaining { grades[index].reason = reason }
                break
            }
            remaining.removeAll { began.contains($0) }
            if ended {
                for index in remaining { grades[index].reason = "the check did not run" }
                break
            }
        }
        return grades
    }

    /// Why a run ended, in words for the student.
    private func describe(_ run: GradingExecutor.Run, hidden: Bool) -> String {
        let lines = messageLines(ofErrorOutput: run.errorOutput).map { String($0.prefix(300)) }
        let fatal = lines.first { $0.contains("Fatal error") || $0.contains("fatal error") }
            .map { line in line.split(separator: "/").last.map(String.init) ?? line }
        let detail = hidden ? nil : fatal ?? lines.last
        var ending = run.ending
        // The sandbox's init reports a program killed by signal s as exit status 128 + s.
        if executor.sandbox != nil, case .exited(let status) = ending, status > 128, status < 160 { ending = .signalled(status - 128) }
        switch ending {
        case .exited(let status):
            return "the program ended (exit status \(status)) before the check finished" + (detail.map { ": \($0)" } ?? "")
        case .signalled(let signal):
            if run.errorOutput.contains("alloc") || run.errorOutput.contains("out of memory"), let memory = executor.sandbox?.memory {
                return "the program ran out of memory (limit \(memory >> 20) MiB)"
            }
            return "the program trapped (signal \(signal))" + (detail.map { ": \($0)" } ?? "")
        case .timedOut(let seconds, _):
            return "it did not finish within \(seconds.secondsText) s and was stopped"
        case .flooded(let bytes):
            return "the program printed more than \(bytes >> 10) KiB and was stopped"
        case .forged(let lines):
            return "the program wrote to the grading channel (\(lines)+ lines that were not the runtime's) and was stopped"
        case .failedToStart(let message):
            return "the program could not be run: \(message)"
        }
    }

    private func checkGrades(lesson: Lesson, exercise: CodeBlock, edition: StudentEdition, reason: String?) -> [CheckGrade] {
        let checks = lesson.codeBlocks.filter { $0.role == .check && $0.attributes.exercise == exercise.attributes.exercise }
        let share = checks.isEmpty ? 0 : Double(exercise.attributes.points ?? 0) / Double(checks.count)
        return checks.enumerated().map { index, block in
            CheckGrade(index: index, hidden: block.attributes.hidden, name: block.attributes.name, line: block.line,
                       studentLine: block.attributes.hidden ? nil : edition.lineMap[block.firstContentLine],
                       maxPoints: share, passed: false, failures: [], reason: reason)
        }
    }

    /// Compiler errors, as the student may see them: in their own code with its lines, in
    /// a visible check with its line in their edition, in a hidden check without detail.
    private func compileErrors(_ diagnostics: [Diagnostic], program: ExerciseProgram, edition: StudentEdition, lessonName: String) -> [String] {
        var lines: [String] = []
        for diagnostic in diagnostics.prefix(10) {
            if diagnostic.file == program.submittedFile {
                lines.append("\(String(program.submittedFile.dropFirst("submission/".count))):\(diagnostic.line):\(diagnostic.column): error: \(diagnostic.message)")
            } else if diagnostic.file == program.lesson.file, let check = program.checks.first(where: { $0.contentLines.contains(diagnostic.line) }) {
                if check.attributes.hidden {
                    lines.append("error: a hidden check does not compile with this code")
                } else {
                    let place = edition.lineMap[diagnostic.line].map { "\(lessonName):\($0):\(diagnostic.column)" } ?? lessonName
                    lines.append("\(place): error: the check does not compile with this code: \(diagnostic.message)")
                }
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
