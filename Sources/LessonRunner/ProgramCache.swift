import Foundation
import LessonParser
import LessonRuntime

/// Compiles generated programs, keeping each executable in the content cache as an entry
/// of `kind` (`ContentCache`), whose key is a hash of everything the program is built
/// from: an unchanged program is never compiled twice while the cache holds it.
package struct ProgramCache {
    let toolchain: Toolchain
    /// The cache's kind of entry for these programs (lessons' and grading's are apart).
    let kind: String
    /// Seconds the compiler may take before it is stopped.
    package var compileTimeLimit: Double = 600
    /// The command and arguments that the compiler runs under, if any (a sandbox), given
    /// the folder it writes to.
    package var launcher: (_ staging: String) -> [String] = { _ in [] }

    package enum Outcome: Equatable {
        case compiled(executable: String)
        /// The compiler's error lines (`file:line:col: error: …`), or why it failed, at `place`.
        case failed([Diagnostic])
    }

    package init(toolchain: Toolchain, kind: String, compileTimeLimit: Double = 600) {
        self.toolchain = toolchain
        self.kind = kind
        self.compileTimeLimit = compileTimeLimit
    }

    /// Compiles `source` unless the cache holds the program of this `key`. A failure that
    /// the compiler does not place at a line is reported at `place`.
    package func compile(_ source: String, key: String, place: (file: String, line: Int)) throws -> Outcome {
        if let executable = toolchain.cache.lookup(kind, key) {
            return .compiled(executable: executable.path)
        }
        let staging = try toolchain.cache.newPath(".building")
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: staging) }
        let main = staging.appendingPathComponent("main.swift")
        try source.write(to: main, atomically: true, encoding: .utf8)

        var log: [UInt8] = []
        let command = launcher(staging.path) + [toolchain.compiler]
        let compiler = ChildProcess(
            executable: command[0],
            arguments: Array(command.dropFirst())
                + toolchain.arguments(source: main.path, output: staging.appendingPathComponent("program").path))
        let deadline = DispatchTime.now() + compileTimeLimit
        let started = DispatchTime.now()
        let ending = try compiler.run(deadline: { deadline }) { _, bytes in
            log += bytes
            return log.count < 1 << 20
        }
        WorkCounters.countCompilerRun(since: started)
        let text = String(decoding: log, as: UTF8.self)
        guard ending == .exited(0) else {
            let errors = Self.errors(in: text)
            if !errors.isEmpty { return .failed(errors) }
            let reason =
                switch ending {
                case .timedOut: "the compiler took longer than \(Int(compileTimeLimit)) s and was stopped"
                case .stopped: "the compiler printed more than 1 MiB and was stopped"
                default: "the compiler failed:\n\(text.suffix(2000))"
                }
            return .failed([Diagnostic(file: place.file, line: place.line, reason)])
        }
        let program = staging.appendingPathComponent("program")
        chmod(program.path, 0o755)
        // Another descent may have compiled the same program meanwhile; either copy will do.
        return .compiled(executable: try toolchain.cache.store(file: program, kind, key).path)
    }

    /// The `file:line:col: error: message` lines of a compiler log.
    static func errors(in log: String) -> [Diagnostic] {
        log.split(separator: "\n").compactMap { line in
            let parts = line.split(separator: ":", maxSplits: 4, omittingEmptySubsequences: false)
            guard parts.count == 5, parts[3] == " error", let number = Int(parts[1]), let column = Int(parts[2]) else {
                return nil
            }
            return Diagnostic(file: String(parts[0]), line: number, column: column, String(parts[4].dropFirst()))
        }
    }
}

extension SHA256 {
    /// The hash of `text`'s UTF-8 bytes in hex: the name of a cached program or run.
    package static func key(_ text: String) -> String {
        hex(hash(Array(text.utf8)))
    }
}
