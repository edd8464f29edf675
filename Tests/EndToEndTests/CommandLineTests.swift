import Foundation
import Testing

/// The command line as a person meets it: `--version`, usage only for usage errors, words
/// in the right number, colour only on a terminal, `-q`.
@Suite struct CommandLineTests {
    @Test func versionIsPrinted() throws {
        let result = try DescentBinary.run(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout == "0.1.0\n")
    }

    /// A command line that parses gets no usage with its error; one that does not, does.
    @Test func usageOnlyForUsageErrors() throws {
        let missing = try DescentBinary.run(["test", "--lessons", "no-such-folder"])
        #expect(missing.status == 1)
        #expect(missing.stderr == "Error: no lessons folder at 'no-such-folder'\n", "\(missing.stderr)")
        let unknown = try DescentBinary.run(["test", "--blesss"])
        #expect(unknown.stderr.contains("Usage: descent test"), "\(unknown.stderr)")
    }

    /// One page, not `1 pages`.
    @Test func wordsAgreeWithTheirNumbers() throws {
        let folder = try DescentBinary.copyOfFixture("empty-course")
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try DescentBinary.run([
            "build", "--lessons", folder.path, "--out", folder.appendingPathComponent("site").path,
        ])
        #expect(result.stdout.hasSuffix("/site/: 1 page, 0 figures; 0 blocks passed, 0 failed\n"), "\(result.stdout)")
    }

    /// Colour on a terminal (run under `script`, which gives the command one), never with
    /// `NO_COLOR` or when stdout is not a terminal.
    @Test func colourOnlyOnATerminal() throws {
        let command = "\(DescentBinary.executable.path) test --lessons broken wrong-output"
        let fixtures = DescentBinary.fixture("")
        // `swift test` sets NO_COLOR for what it runs.
        let terminal = try Self.shell(["-u", "NO_COLOR", "script", "-qec", command, "/dev/null"], in: fixtures)
        #expect(
            terminal.contains("\u{1B}[1mbroken/wrong-output.md:9:10: \u{1B}[1;31merror:\u{1B}[0;1m output differs"),
            "\(terminal)")
        #expect(terminal.contains("\u{1B}[1;31m0 passed, 1 failed\u{1B}[0m"), "\(terminal)")
        let noColor = try Self.shell(["NO_COLOR=1", "script", "-qec", command, "/dev/null"], in: fixtures)
        #expect(noColor.contains("\nbroken/wrong-output.md:9:10: error: output differs"), "\(noColor)")
        // No colour; the progress line still erases itself.
        #expect(!noColor.contains("\u{1B}[1") && !noColor.contains("\u{1B}[0m"), "\(noColor)")
        let piped = try DescentBinary.run(["test", "--lessons", "broken", "wrong-output"], in: fixtures)
        #expect(!piped.stdout.contains("\u{1B}[") && piped.stdout.hasSuffix("0 passed, 1 failed\n"))
    }

    /// `-q` prints errors and the count, not notes or outputs.
    @Test func quietPrintsOnlyErrorsAndTheCount() throws {
        let result = try DescentBinary.run(
            ["test", "-q", "--lessons", "broken", "good", "trap", "--set", "rate=0.25"], in: DescentBinary.fixture(""))
        #expect(
            result.stdout == """
                broken/good.md:20:1: error: one step with rate 0.5 lands on 5
                broken/trap.md:10:13: error: the block trapped: Fatal error: Index out of range
                2 passed, 2 failed

                """, "\(result.stdout)")
    }

    private static func shell(_ arguments: [String], in folder: URL) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        process.currentDirectoryURL = folder
        let output = Pipe()
        process.standardOutput = output
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).replacingOccurrences(of: "\r\n", with: "\n")
    }
}
