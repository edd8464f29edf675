import Foundation
import Testing

/// `descent test` on a folder of broken lessons: each is reported at its own line, the tool
/// exits non-zero without crashing or hanging, and the good lesson beside them still passes.
@Suite struct BrokenLessonsTests {
    /// One run of the whole folder, shared by the tests below.
    static let run = Result { try DescentBinary.run(["test", "--lessons", "broken"], in: DescentBinary.fixture("")) }

    var result: DescentBinary.Result {
        get throws { try Self.run.get() }
    }

    @Test(arguments: [
        "broken/compile-error.md:6:11: error: cannot find 'undefinedName' in scope",
        "broken/trap.md:10:13: error: the block trapped: Fatal error: Index out of range\n",
        "broken/force-unwrap.md:9:12: error: the block trapped: Fatal error: Unexpectedly found nil while unwrapping an Optional value\n",
        "broken/deep-trap.md:6:18: error: the block trapped: Fatal error: Index out of range\nbroken/deep-trap.md:19:7: note: called from here\n",
        "broken/uncaught-error.md:7:27: error: the block trapped: uncaught error: NegativeStep(step: -0.1)\nbroken/uncaught-error.md:20:16: note: called from here\n",
        "broken/runaway-recursion.md:6:12: error: the block ran out of stack: depth(_:) calls itself without end, or too deeply (signal 11)\n",
        "broken/core-precondition.md:7:17: error: the block trapped: Precondition failed: cannot multiply 2×3 by 2×2: inner sizes differ\n",
        "broken/endless-loop.md:5:1: error: the block did not finish within 1 s",
        "broken/output-flood.md:5:1: error: the lesson printed more than 8 MiB and was stopped",
        "broken/wrong-output.md:9:10: error: output differs from the expected output",
        """
        broken/one-line-differs.md:16:15: error: output differs from the expected output (- expected, + printed):
        - step 3: x = 1.5
        + step 3: x = 1.0
        @@ line 18 @@
        - finished
        + done

        """,
        "broken/unknown-role.md:4:10: error: unknown role word 'spce'",
        "broken/unknown-attribute.md:4:15: error: unknown attribute 'tolerence'",
        "broken/bad-front-matter.md:2:8: error: malformed front matter: did not find expected ',' or ']' (while parsing a flow sequence that starts here)",
        "broken/orphan-output.md:6:1: error: an output block must come right after a swift spec block",
        "broken/not-utf8.md:5:18: error: lesson is not valid UTF-8",
        "broken/indented-error.md:5:16: error: cannot convert value of type 'String' to specified type 'Int'",
        "broken/closed-output.md:5:1: error: the block did not finish within 1 s",
        "broken/escaped-child.md:5:1: error: the block did not finish within 1 s",
    ])
    func eachProblemIsReportedAtItsLine(_ expected: String) throws {
        let result = try result
        let found =
            expected.hasSuffix("\n")
            ? ("\n" + result.stdout).contains("\n" + expected)
            : result.stdout.split(separator: "\n").contains { $0.hasPrefix(expected) }
        #expect(found, "missing \(expected) in:\n\(result.stdout)")
    }

    @Test func theRunFailsButFinishes() throws {
        let result = try result
        #expect(result.status == 1)
        #expect(result.stdout.hasSuffix("7 passed, 19 failed\n"), "\(result.stdout)")
    }

    /// No message names the generated program or a library's source file.
    @Test func noMessageNamesAGeneratedPath() throws {
        let result = try result
        for path in ["LessonProgram", "main.swift", ".swift:", "swift-runtime", "Backtracing"] {
            #expect(!result.stdout.contains(path), "\(path) in:\n\(result.stdout)")
        }
    }

    /// A block that trapped, ran out of time or flooded is not also said to print the wrong output.
    @Test(arguments: ["force-unwrap", "endless-loop", "output-flood"])
    func aStoppedBlockHasNoOutputDiff(_ lesson: String) throws {
        let lines = try result.stdout.split(separator: "\n").filter { $0.hasPrefix("broken/\(lesson).md:") }
        #expect(lines.count == 1 && !lines[0].contains("output differs"), "\(lines)")
    }

    @Test func aWrongOutputShowsADiff() throws {
        #expect(try result.stdout.contains("- f(5) = -25\n+ f(5) = -24.0"))
    }

    @Test func windowsAndOldMacLineEndingsRead() throws {
        let alone = try DescentBinary.run(
            ["test", "--lessons", "broken", "crlf-endings", "cr-endings"], in: DescentBinary.fixture(""))
        #expect(alone.stdout == "2 passed, 0 failed\n")
    }

    @Test func theGoodLessonPassesAlone() throws {
        let alone = try DescentBinary.run(["test", "--lessons", "broken", "good"], in: DescentBinary.fixture(""))
        #expect(alone.status == 0)
        #expect(alone.stdout == "2 passed, 0 failed\n")
    }
}

/// Hyperparameters: `--set` reruns with another value and shows outputs instead of checking.
@Suite struct ParameterTests {
    @Test func anOverrideShowsOutputsWithoutChecking() throws {
        let result = try DescentBinary.run(
            ["test", "--lessons", "broken", "good", "--set", "rate=0.25"], in: DescentBinary.fixture(""))
        #expect(result.stdout.contains("broken/good.md:17: output:\nnext: 12.5\n"), "\(result.stdout)")
        // The check inside the block still runs, and fails with the new rate.
        #expect(result.stdout.contains("broken/good.md:20:1: error: one step with rate 0.5 lands on 5"))
        #expect(result.status == 1)
    }

    @Test func anUnknownParameterIsRefused() throws {
        let result = try DescentBinary.run(
            ["test", "--lessons", "broken", "good", "--set", "rte=0.25"], in: DescentBinary.fixture(""))
        #expect(result.status != 0)
        #expect(
            result.stderr == "Error: --set rte=…: no lesson declares a parameter 'rte'; did you mean 'rate'?\n",
            "\(result.stderr)")
    }

    @Test func aValueOfTheWrongTypeIsRefused() throws {
        let result = try DescentBinary.run(
            ["test", "--lessons", "broken", "good", "--set", "rate=fast"], in: DescentBinary.fixture(""))
        #expect(result.status != 0)
        #expect(result.stderr.contains("broken/good.md:4 declares rate as Double"))
    }
}

/// `--bless` rewrites the expected output of failing blocks and nothing else.
@Test func blessRewritesOnlyFailingOutputs() throws {
    let folder = try DescentBinary.copyOfFixture("broken")
    defer { try? FileManager.default.removeItem(at: folder) }
    let lesson = folder.appendingPathComponent("wrong-output.md")
    let before = try String(contentsOf: lesson, encoding: .utf8)
    let blessed = try DescentBinary.run(["test", "--lessons", folder.path, "wrong-output", "--bless"])
    #expect(blessed.stdout.contains("rewrote 1 expected output"))
    let after = try String(contentsOf: lesson, encoding: .utf8)
    #expect(after == before.replacingOccurrences(of: "f(5) = -25\n", with: "f(5) = -24.0\n"))
    let again = try DescentBinary.run(["test", "--lessons", folder.path, "wrong-output"])
    #expect(again.status == 0)
}

/// `--bless` leaves alone the expected output of a block that failed for another reason.
@Test func blessKeepsOutputsOfBlocksThatDidNotRunWell() throws {
    let folder = try DescentBinary.copyOfFixture("broken")
    defer { try? FileManager.default.removeItem(at: folder) }
    let lesson = folder.appendingPathComponent("wrong-output.md")
    let before = try String(contentsOf: lesson, encoding: .utf8)
    try before.replacingOccurrences(of: "print(\"f(5) =\"", with: "print(\"f(5) =\", missing,").write(
        to: lesson, atomically: true, encoding: .utf8)
    let blessed = try DescentBinary.run(["test", "--lessons", folder.path, "wrong-output", "--bless"])
    #expect(blessed.status == 1)
    #expect(!blessed.stdout.contains("rewrote"))
    #expect(try String(contentsOf: lesson, encoding: .utf8).contains("```output\nf(5) = -25\n```"))
}

/// `--bless` rewrites only the lines that fail: a line that matches keeps the precision it
/// was written with; the blessed lesson passes, and `--bless` exits 0 when it blessed every
/// failure.
@Test func blessRewritesOnlyTheLinesThatFail() throws {
    let folder = try DescentBinary.copyOfFixture("bless")
    let lesson = folder.appendingPathComponent("01-mixed.md")
    let before = try String(contentsOf: lesson, encoding: .utf8)
    let blessed = try DescentBinary.run(["test", "--lessons", folder.path, "--bless"])
    #expect(blessed.status == 0, "\(blessed.stdout)\(blessed.stderr)")
    #expect(
        blessed.stdout.hasSuffix("01-mixed.md: rewrote 1 expected output\n1 passed, 1 blessed, 0 failed\n"),
        "\(blessed.stdout)")
    let after = try String(contentsOf: lesson, encoding: .utf8)
    #expect(
        after
            == before.replacingOccurrences(
                of: """
                    pi is about 3.14
                    steps: 4
                    loss 0.2500
                    finished
                    """,
                with: """
                    pi is about 3.14
                    steps: 3
                    loss 0.2500
                    a new line
                    done
                    """))
    let again = try DescentBinary.run(["test", "--lessons", folder.path])
    #expect(again.status == 0, "\(again.stdout)")
    #expect(again.stdout.hasSuffix("2 passed, 0 failed\n"), "\(again.stdout)")
}

/// `--bless` never writes a printed carriage return into a lesson, where it would end a
/// line (here closing the output block's fence early and breaking the lesson): the block
/// is refused and the file left as it was.
@Test func blessRefusesACarriageReturn() throws {
    let folder = try DescentBinary.copyOfFixture("bless")
    let lesson = folder.appendingPathComponent("01-mixed.md")
    let text = try String(contentsOf: lesson, encoding: .utf8)
        .replacingOccurrences(of: #"print("a new line")"#, with: #"print("a new\r```\rline")"#)
    try Data(text.utf8).write(to: lesson)
    let blessed = try DescentBinary.run(["test", "--lessons", folder.path, "--bless"])
    #expect(blessed.status == 1, "\(blessed.stdout)\(blessed.stderr)")
    #expect(
        blessed.stdout.contains(
            #"01-mixed.md:15:1: error: not blessed: the printed line "a new\r```\rline" holds a carriage return"#),
        "\(blessed.stdout)")
    #expect(try String(contentsOf: lesson, encoding: .utf8) == text)
}

/// A printed line that looks like a fence but does not close the block (text after it,
/// four spaces before it) is blessed, and the block passes; one that closes it is refused.
@Test func blessWritesFenceLikeLinesThatDoNotCloseTheBlock() throws {
    let folder = try DescentBinary.copyOfFixture("bless")
    let lesson = folder.appendingPathComponent("01-mixed.md")
    let text = try String(contentsOf: lesson, encoding: .utf8)
    try Data(text.replacingOccurrences(of: #"print("a new line")"#, with: #"print("``` swift\n    ```")"#).utf8).write(
        to: lesson)
    let blessed = try DescentBinary.run(["test", "--lessons", folder.path, "--bless"])
    #expect(blessed.status == 0, "\(blessed.stdout)\(blessed.stderr)")
    #expect(try String(contentsOf: lesson, encoding: .utf8).contains("loss 0.2500\n``` swift\n    ```\ndone\n```\n"))
    let again = try DescentBinary.run(["test", "--lessons", folder.path])
    #expect(again.status == 0, "\(again.stdout)")

    let closing = try String(contentsOf: lesson, encoding: .utf8).replacingOccurrences(
        of: #"print("done")"#, with: #"print("   ````")"#)
    try Data(closing.utf8).write(to: lesson)
    let refused = try DescentBinary.run(["test", "--lessons", folder.path, "--bless"])
    #expect(refused.status == 1)
    #expect(
        refused.stdout.contains("not blessed: the printed line '   ````' would close the output block's fence ```"),
        "\(refused.stdout)")
    #expect(try String(contentsOf: lesson, encoding: .utf8) == closing)
}

/// A number whose exponent is the most negative `Int`, printed or expected, fails the
/// block with a diff; descent does not crash.
@Test func aHugeExponentIsComparedAsText() throws {
    let folder = try DescentBinary.copyOfFixture("bless")
    try Data(
        """
        ---
        title: Huge exponents
        ---
        ```swift spec
        print("tiny: 1e-9223372036854775808")
        ```

        ```output
        tiny: 1e-9223372036854775807
        ```

        """.utf8
    ).write(to: folder.appendingPathComponent("01-mixed.md"))
    let result = try DescentBinary.run(["test", "--lessons", folder.path])
    #expect(result.status == 1, "\(result.stdout)\(result.stderr)")
    #expect(result.stdout.hasSuffix("0 passed, 1 failed\n"), "\(result.stdout)\(result.stderr)")
}

/// `--bless` on a lesson written with Windows line endings keeps them, on every line: the
/// rewritten ones end as the lines around them do.
@Test func blessKeepsTheLessonsLineEndings() throws {
    let folder = try DescentBinary.copyOfFixture("bless")
    let lesson = folder.appendingPathComponent("01-mixed.md")
    let lines = try String(contentsOf: lesson, encoding: .utf8).split(separator: "\n", omittingEmptySubsequences: false)
    try Data(lines.joined(separator: "\r\n").utf8).write(to: lesson)
    let blessed = try DescentBinary.run(["test", "--lessons", folder.path, "--bless"])
    #expect(blessed.status == 0, "\(blessed.stdout)\(blessed.stderr)")
    let after = String(decoding: try Data(contentsOf: lesson), as: UTF8.self)
    let expected = lines.joined(separator: "\r\n").replacingOccurrences(
        of: "steps: 4\r\nloss 0.2500\r\nfinished\r\n",
        with: "steps: 3\r\nloss 0.2500\r\na new line\r\ndone\r\n")
    #expect(Array(after.utf8) == Array(expected.utf8))
    #expect(Array(after.utf8) != Array(lines.joined(separator: "\r\n").utf8))
}

/// Expected outputs are written for the lessons' own parameters: `--bless` with `--set` is refused.
@Test func blessIsRefusedWithOverriddenParameters() throws {
    let result = try DescentBinary.run(
        ["test", "--lessons", "broken", "good", "--bless", "--set", "rate=0.5"], in: DescentBinary.fixture(""))
    #expect(result.status != 0)
    #expect(
        result.stderr.contains(
            "--bless writes the outputs of the lessons' own parameters; it cannot be used with --set"),
        "\(result.stderr)")
}
