import Foundation
import LessonRunner
import Testing

@testable import Grading

/// The compiler runs in the sandbox too, in a control group: a compile that runs past its
/// limit is stopped with everything it started.
@Suite(.serialized) struct CompileSandboxTests {
    /// An exercise whose body keeps the type checker busy for many seconds.
    static let bomb: String = {
        let expression =
            "[1, 2.0, 3, 4.0, 5, 6.0, 7, 8.0].map { $0 * 2 + 1 - 3 * $0 / 4 + 5 - $0 * 6 + 7 / $0 + 8 * $0 - 9 + $0 }"
        let body = (0..<20).map { "    let a\($0) = \(expression)" }.joined(separator: "\n")
        return "func double(_ x: Double) -> Double {\n\(body)\n    return 2 * x\n}"
    }()

    @Test func aCompileBombIsStoppedWholly() throws {
        var sandbox = try Sandbox.locate()
        sandbox.memory = 1 << 30
        var executor = try GradingExecutor(sandbox: sandbox)
        // The checker (the instructor's code) compiled and cached with the usual limit first.
        let honest = try Fixtures.submissions("honest").filter { $0.student == "ada" }
        #expect(Grader(lessons: try Fixtures.course, executor: executor).grade(honest).first?.points == 4)
        executor.compileTimeLimit = 5
        let grader = Grader(lessons: try Fixtures.course, executor: executor)
        let text = "```swift exercise id=double\n\(Self.bomb)\n```\n"
        let started = Date()
        let grade = try #require(
            grader.grade([Submission(student: "bomber", path: "", files: [("01-tiny.md", text)])]).first)
        #expect(Date().timeIntervalSince(started) < 60)
        #expect(grade.pointsByExercise["double"] == 0)
        #expect(grade.feedbackText.contains("the compiler took longer than 5 s"), "\(grade.feedbackText)")
        // Every control group made is gone, which it can only be when no process is left in it.
        #expect(sandbox.controlGroups.live == 0)
    }

    /// The compiler reads the libraries where the course was built, even when that is under
    /// the host's /tmp (a clone there, as CI may make): the container's own /tmp is mounted
    /// before them, not over them, and hides every other folder of the host's /tmp.
    @Test func aReadableFolderUnderTheHostsTmpStaysInSight() throws {
        let sandbox = try Sandbox.locate()
        let tmp = URL(fileURLWithPath: "/tmp")
        let (readable, staging, stray) = (
            tmp.appendingPathComponent("descent-readable-\(UUID().uuidString)"),
            tmp.appendingPathComponent("descent-staging-\(UUID().uuidString)"),
            tmp.appendingPathComponent("descent-stray-\(UUID().uuidString)")
        )
        for folder in [readable, staging, stray] {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        }
        defer { for folder in [readable, staging, stray] { try? FileManager.default.removeItem(at: folder) } }
        try Data("module\n".utf8).write(to: readable.appendingPathComponent("Core.swiftmodule"))
        let script = "cat \(readable.path)/Core.swiftmodule; test -e \(stray.path) && echo stray; true"
        let command =
            sandbox.compileCommand(readable: [readable.path], staging: staging.path, memory: 1 << 30) + [
                "/bin/sh", "-c", script,
            ]
        let process = Process()
        process.executableURL = URL(fileURLWithPath: command[0])
        process.arguments = Array(command.dropFirst())
        let output = Pipe()
        process.standardOutput = output
        try process.run()
        let printed = String(decoding: output.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        #expect(printed == "module\n")
    }
}
