import Foundation

/// Where an error that no code caught was thrown: the runtime reports such an error at the
/// end of the program, with no line, so the lesson program sends the stack of every throw
/// (`ControlMessage.thrown`) and the last one is symbolicated here, with the toolchain's
/// `llvm-symbolizer`, from the program's debug information.
enum ThrowSite {
    /// Whether a block's problem (see `Runner`) is an error no code caught.
    static func isUncaughtError(_ messages: String) -> Bool {
        messages.contains("uncaught error:")
    }

    /// The source locations of `offsets` (innermost first) in `executable`; empty when the
    /// toolchain has no `llvm-symbolizer`.
    static func locations(of offsets: [UInt], in executable: String, compiler: String) -> [CrashReport.SourceLocation] {
        let beside = URL(fileURLWithPath: compiler).resolvingSymlinksInPath().deletingLastPathComponent()
            .appendingPathComponent("llvm-symbolizer").path
        guard !offsets.isEmpty,
            let symbolizer = FileManager.default.isExecutableFile(atPath: beside)
                ? beside : executablePath("llvm-symbolizer")
        else { return [] }
        var output: [UInt8] = []
        let process = ChildProcess(
            executable: symbolizer,
            arguments: ["--obj=\(executable)", "--functions=none", "--no-inlines", "--relativenames"]
                + offsets.map { "0x" + String($0, radix: 16) })
        let deadline = DispatchTime.now() + 30
        guard
            (try? process.run(
                deadline: { deadline },
                consume: { stream, bytes in
                    if stream == .stdout { output += bytes }
                    return output.count < 1 << 20
                })) == .exited(0)
        else { return [] }
        // One `file:line:column` line per address (`??:0:0` when unknown).
        return String(decoding: output, as: UTF8.self).split(separator: "\n").compactMap { line in
            let parts = line.split(separator: ":")
            guard parts.count >= 3, let column = Int(parts[parts.count - 1]), let number = Int(parts[parts.count - 2])
            else { return nil }
            return CrashReport.SourceLocation(
                file: parts.dropLast(2).joined(separator: ":"), line: number, column: column)
        }
    }
}
