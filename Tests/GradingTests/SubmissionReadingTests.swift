import Foundation
import LessonParser
import Testing

@testable import Grading

/// A submission is read defensively: regular files only, within size limits, and of their
/// text only the exercise blocks, by a linear scan.
@Suite struct SubmissionReadingTests {
    static let block = "```swift exercise id=e points=1\nfunc e() -> Int { 1 }\n```\n"

    /// A fresh folder, removed after `body`.
    func withFolder(_ body: (String) throws -> Void) throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "descent-submission-\(UUID().uuidString)"
        ).path
        try FileManager.default.createDirectory(atPath: folder + "/student", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        try body(folder)
    }

    @Test func linksDevicesAndFIFOsAreNotRead() throws {
        try withFolder { folder in
            let student = folder + "/student"
            try Self.block.write(toFile: folder + "/secret.md", atomically: true, encoding: .utf8)
            try FileManager.default.createSymbolicLink(
                atPath: student + "/link.md", withDestinationPath: folder + "/secret.md")
            try FileManager.default.createSymbolicLink(atPath: student + "/zero.md", withDestinationPath: "/dev/zero")
            try FileManager.default.createSymbolicLink(atPath: student + "/loop", withDestinationPath: student)
            #expect(mkfifo(student + "/fifo.md", 0o644) == 0)
            let submission = Submission.load(student)
            #expect(submission.exercise("e", lessonFile: "x.md") == nil)
            #expect(submission.skipped.count == 3, "\(submission.skipped)")
            #expect(submission.skipped.allSatisfy { $0.contains("not a regular file") })
            // The submission itself may not be a link either.
            try FileManager.default.createSymbolicLink(atPath: folder + "/alias", withDestinationPath: student)
            #expect(Submission.load(folder + "/alias").skipped == ["\(folder)/alias: not a regular file or folder"])
        }
    }

    @Test func sizesAreCapped() throws {
        try withFolder { folder in
            let student = folder + "/student"
            let big = String(repeating: "x", count: Submission.fileSizeLimit + 1) + "\n" + Self.block
            try big.write(toFile: student + "/big.md", atomically: true, encoding: .utf8)
            for index in 0..<5 {
                let padding = String(repeating: "y", count: Submission.fileSizeLimit - 200)
                try (Self.block.replacingOccurrences(of: "id=e", with: "id=e\(index)") + padding).write(
                    toFile: student + "/part\(index).md", atomically: true, encoding: .utf8)
            }
            let submission = Submission.load(student)
            #expect(submission.exercise("e", lessonFile: "big.md") == nil)
            #expect(submission.exercise("e0", lessonFile: "x.md") != nil)
            // Four files of nearly 1 MiB fill the submission's 4 MiB; the fifth is not read.
            #expect(submission.exercise("e4", lessonFile: "x.md") == nil)
            #expect(submission.skipped.count == 2, "\(submission.skipped)")
        }
    }

    @Test func invalidBytesAreReadAsReplacementCharacters() throws {
        try withFolder { folder in
            let bytes =
                Array("```swift exercise id=e\nfunc e() -> Int { 1 } // caf".utf8) + [0xFF, 0xFE]
                + Array("\n```\n".utf8)
            try Data(bytes).write(to: URL(fileURLWithPath: folder + "/student/x.md"))
            let code = Submission.load(folder + "/student").exercise("e", lessonFile: "x.md")?.code
            #expect(code == "func e() -> Int { 1 } // caf\u{FFFD}\u{FFFD}")
        }
    }

    @Test func aMissingSubmissionIsReportedNotFatal() {
        let submission = Submission.load("/nonexistent/descent/student")
        #expect(submission.skipped == ["/nonexistent/descent/student: no such file or folder"])
        #expect(submission.exercise("e", lessonFile: "x.md") == nil)
    }

    @Test func onlyExerciseBlocksAreRead() {
        let text =
            "\u{FEFF}---\r\na: &a [1]\r\nb: [*a, *a]\r\n---\r\n" + String(repeating: ">", count: 60_000) + "\r\n"
            + String(repeating: "z", count: 840_000)
            + "\r\n````swift exercise id=e\r\n```\r\nfunc e() -> Int { 1 }\r\n````\r\n"
            + "~~~swift exercise id=f\r\nlet a = 1\r\n"
        let blocks = ExerciseBlocks.scan(text)
        #expect(blocks.map(\.id) == ["e", "f"])
        #expect(blocks.first?.code == "```\nfunc e() -> Int { 1 }")
        #expect(blocks.first?.firstLine == 8)
        #expect(blocks.last?.code == "let a = 1\n")
    }

    @Test func fencesOfOtherBlocksHideNothing() {
        let text =
            "```swift spec\n```swift exercise id=e\nfunc e() -> Int { 1 }\n```\n    ```swift exercise id=g\n```swift exercise id=f\nx\n```"
        #expect(ExerciseBlocks.scan(text).map(\.id) == ["f"])
    }
}

/// The student's exercise is the instructor's block with the bodies of the student's
/// functions, found with the compiler's parser.
@Suite struct SpliceTests {
    static let exercise = LessonReader.parse(
        """
        ```swift exercise id=e points=1
        /// Twice x.
        func twice(_ x: Double, by factor: (Double) -> Double) -> Double {
            // BEGIN SOLUTION
            2 * factor(x)
            // END SOLUTION
        }
        ```
        """, file: "lessons/t.md"
    ).lesson.codeBlocks[0]

    @Test func bodiesAreMatchedByNameAndLabels() throws {
        let interface = try ExerciseInterface(Self.exercise, file: "lessons/t.md")
        #expect(interface.functions.map(\.signature) == ["twice(_:by:)"])
        #expect(interface.functions.first?.parameters.map(\.crossing) == [.value, .function])
        let student = """
            let s = "}{ \\(1) \\"" // braces in strings
            func twice(_ x: Double, factor: (Double) -> Double) -> Double { 0 }
            func twice(_ x: Double, by f: (Double) -> Double) -> Double {
                let r = #/a\\/b/#
                _ = r
                return f(x) + f(x)
            }
            """
        let bodies = try GradingPrograms.bodies(in: student, for: interface)
        #expect(bodies[0]?.line == 3)
        #expect(bodies[0]?.text.contains("return f(x) + f(x)") == true)
    }

    /// Deep nesting would take the parser minutes (nested interpolations) or its stack:
    /// it is refused before the parser sees it, as is a block too large.
    @Test(arguments: [
        String(repeating: "\"\\(", count: 20_000) + String(repeating: ")\"", count: 20_000),
        String(repeating: "[", count: 60_000),
        "// " + String(repeating: "(", count: 51),
        String(repeating: "x", count: 70_000),
    ])
    func deepOrLargeCodeIsRefusedBeforeParsing(_ code: String) throws {
        let interface = try ExerciseInterface(Self.exercise, file: "lessons/t.md")
        let student =
            "func twice(_ x: Double, by f: (Double) -> Double) -> Double {\n    _ = \(code)\n    return 0\n}\n"
        #expect(throws: DescentError.self) { try GradingPrograms.bodies(in: student, for: interface) }
    }

    @Test func nestingAtTheLimitParses() throws {
        let interface = try ExerciseInterface(Self.exercise, file: "lessons/t.md")
        let nested =
            String(repeating: "\"\\(", count: 10) + String(repeating: "(", count: 38) + "1"
            + String(repeating: ")", count: 38) + String(repeating: ")\"", count: 10)
        let student =
            "func twice(_ x: Double, by f: (Double) -> Double) -> Double {\n    _ = \(nested)\n    return 0\n}\n"
        #expect(try GradingPrograms.bodies(in: student, for: interface).count == 1)
    }

    static let framed = LessonReader.parse(
        """
        ```swift exercise id=f points=1
        func framed(_ x: Int) -> Int {
            let a = 1
            // BEGIN SOLUTION
            let result = a + x
            // END SOLUTION
            return result
        }
        ```
        """, file: "lessons/f.md"
    ).lesson.codeBlocks[0]

    func splice(_ student: String) throws -> RegionSplice {
        let interface = try ExerciseInterface(Self.framed, file: "lessons/f.md")
        return RegionSplice(
            code: Self.framed.code, function: interface.functions[0], lessonFile: "lessons/f.md", blockLine: 2)
    }

    /// Only the region is the student's: their changes around it are dropped.
    @Test func onlyTheRegionIsTaken() throws {
        let student =
            "\n    // notes of mine\n    let a = 1\n    // Your code here.\n    let result = a * x\n    return result\n"
        let splice = try splice(student)
        let regions = try #require(splice.studentRegions(student))
        #expect(regions.map(\.0) == [3..<5])
        #expect(regions.map(\.1) == ["    // Your code here.\n    let result = a * x"])
        let body = splice.body(student: student, studentFile: "s.md", studentLine: 10)
        #expect(!body.contains("notes of mine"))
        #expect(
            body == """

                #sourceLocation(file: "lessons/f.md", line: 3)
                    let a = 1
                #sourceLocation(file: "s.md", line: 13)
                    // Your code here.
                    let result = a * x
                #sourceLocation(file: "lessons/f.md", line: 7)
                    return result
                #sourceLocation(file: "lessons/f.md", line: 8)

                """)
    }

    @Test func aRewrittenFrameTakesTheWholeBody() throws {
        let student = "\n    let a = 100\n    let result = a * x\n    return result\n"
        #expect(try splice(student).studentRegions(student) == nil)
        #expect(try splice(student).body(student: student, studentFile: "s.md", studentLine: 1).contains("let a = 100"))
    }

    @Test func aOneLineBodyIsTheRegion() throws {
        let interface = try ExerciseInterface(Self.exercise, file: "lessons/t.md")
        let splice = RegionSplice(
            code: Self.exercise.code, function: interface.functions[0], lessonFile: "lessons/t.md", blockLine: 2)
        #expect(splice.studentRegions(" 2 * factor(x) ")?.map(\.1) == [" 2 * factor(x) "])
    }

    /// Lesson 4's backward pass: matrices in, a labelled tuple of matrices out, each tuple
    /// crossing as a `RemoteTuple` of the signature's element types.
    @Test func matricesAndTuplesCross() throws {
        let block = LessonReader.parse(
            """
            ```swift exercise id=lb points=1
            func linearBackward(input X: Matrix, weights W: Matrix, upstream dY: Matrix)
                -> (dX: Matrix, dW: Matrix, db: Matrix) {
                // BEGIN SOLUTION
                (dY * W.T, X.T * dY, dY.sum(along: .rows))
                // END SOLUTION
            }
            func mix(_ pair: (a: Double, [Int]), by t: Double) -> Double {
                // BEGIN SOLUTION
                pair.a * t
                // END SOLUTION
            }
            ```
            """, file: "lessons/lb.md"
        ).lesson.codeBlocks[0]
        let interface = try ExerciseInterface(block, file: "lessons/lb.md")
        #expect(interface.functions.map(\.result) == [.tuple(["Matrix", "Matrix", "Matrix"]), .value])
        #expect(interface.functions[0].parameters.map(\.crossing) == [.value, .value, .value])
        #expect(interface.functions[1].parameters.map(\.crossing) == [.tuple(["Double", "[Int]"]), .value])
        let proxy = interface.proxy(exercise: "lb")
        #expect(proxy.contains("as LessonRuntime.RemoteTuple<Matrix, Matrix, Matrix>).value"), "\(proxy)")
        #expect(
            proxy.contains("LessonRuntime.RemoteArgument(LessonRuntime.RemoteTuple<Double, [Int]>(pair))"), "\(proxy)")
        #expect(
            interface.server.contains("call.reply(LessonRuntime.RemoteTuple<Matrix, Matrix, Matrix>(linearBackward("),
            "\(interface.server)")
        #expect(
            interface.server.contains(
                "mix((try call.argument(0) as LessonRuntime.RemoteTuple<Double, [Int]>).value, `by`: try call.argument(1))"
            ), "\(interface.server)")
    }

    @Test(arguments: [
        (
            "(Matrix, Int, Int, Int, Int)",
            "its result type (Matrix, Int, Int, Int, Int) is not a RemoteValue or a tuple of two to four of them"
        ),
        ("(Matrix, Value)", "its result type (Matrix, Value) is not a RemoteValue or a tuple of two to four of them"),
        ("[(Int, Int)]", "its result type [(Int, Int)] is not a RemoteValue or a tuple of two to four of them"),
    ])
    func tuplesBeyondTheirLimitsAreRefused(_ result: String, _ why: String) {
        let block = LessonReader.parse(
            """
            ```swift exercise id=t points=1
            func f(_ x: Int) -> \(result) {
                // BEGIN SOLUTION
                fatalError()
                // END SOLUTION
            }
            ```
            """, file: "lessons/t.md"
        ).lesson.codeBlocks[0]
        do {
            _ = try ExerciseInterface(block, file: "lessons/t.md")
            Issue.record("\(result) was accepted")
        } catch {
            #expect("\(error)".hasSuffix("f cannot be graded across processes: \(why)"), "\(error)")
        }
    }

    @Test func anUnsupportedSignatureIsRefusedWithWhy() {
        let block = LessonReader.parse(
            """
            ```swift exercise id=m points=1
            func scale(_ m: inout [Double]) -> Int {
                // BEGIN SOLUTION
                0
                // END SOLUTION
            }
            ```
            """, file: "lessons/m.md"
        ).lesson.codeBlocks[0]
        #expect(throws: DescentError.self) { try ExerciseInterface(block, file: "lessons/m.md") }
        do { _ = try ExerciseInterface(block, file: "lessons/m.md") } catch {
            #expect(
                "\(error)".hasPrefix(
                    "lessons/m.md:2:1: error: exercise m: scale cannot be graded across processes: parameter m is inout"
                ), "\(error)")
        }
    }
}
