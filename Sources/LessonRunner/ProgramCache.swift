import Foundation
import LessonParser

/// Compiles generated lesson programs, keeping each executable under a hash of everything
/// it is built from, so an unchanged lesson is never compiled twice.
struct ProgramCache {
    let toolchain: Toolchain
    /// Seconds the compiler may take before it is stopped.
    var compileTimeLimit: Double = 600

    var folder: URL { toolchain.buildDirectory.appendingPathComponent("lesson-programs") }

    enum Outcome {
        case compiled(executable: String)
        /// The compiler's error lines, as it printed them (`file:line:col: error: …`).
        case failed([Diagnostic])
    }

    func compile(source: String, lesson: Lesson) throws -> Outcome {
        let key = Hash.fnv1a64(source + "\n" + toolchain.fingerprint)
        let directory = folder.appendingPathComponent("\(lesson.slug)-\(key)")
        let executable = directory.appendingPathComponent("program")
        if FileManager.default.isExecutableFile(atPath: executable.path) {
            return .compiled(executable: executable.path)
        }
        let staging = folder.appendingPathComponent(".staging-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: staging) }
        let main = staging.appendingPathComponent("main.swift")
        try source.write(to: main, atomically: true, encoding: .utf8)

        var log: [UInt8] = []
        let compiler = ChildProcess(executable: toolchain.compiler,
                                    arguments: toolchain.arguments(source: main.path, output: staging.appendingPathComponent("program").path))
        let deadline = DispatchTime.now() + compileTimeLimit
        let ending = try compiler.run(deadline: { deadline }) { _, bytes in
            log += bytes
            return log.count < 4 << 20
        }
        let text = String(decoding: log, as: UTF8.self)
        guard ending == .exited(0) else {
            var diagnostics = Self.errors(in: text)
            if diagnostics.isEmpty {
                let reason = ending == .timedOut ? "the compiler took longer than \(Int(compileTimeLimit)) s" : "the compiler failed"
                diagnostics = [Diagnostic(file: lesson.file, line: 1, "\(reason):\n\(text.suffix(2000))")]
            }
            return .failed(diagnostics)
        }
        // Another descent may have compiled the same program meanwhile; either copy will do.
        do {
            try FileManager.default.moveItem(at: staging, to: directory)
        } catch where FileManager.default.isExecutableFile(atPath: executable.path) {}
        return .compiled(executable: executable.path)
    }

    /// The `file:line:col: error: message` lines of a compiler log.
    static func errors(in log: String) -> [Diagnostic] {
        log.split(separator: "\n").compactMap { line in
            let parts = line.split(separator: ":", maxSplits: 4, omittingEmptySubsequences: false)
            guard parts.count == 5, parts[3] == " error", let number = Int(parts[1]), let column = Int(parts[2]) else { return nil }
            return Diagnostic(file: String(parts[0]), line: number, column: column, String(parts[4].dropFirst()))
        }
    }
}

/// A 64-bit FNV-1a hash, printed as 16 hex digits: a cache key, not a security measure.
enum Hash {
    static func fnv1a64(_ text: String) -> String {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex
    }
}
