import Foundation

/// Where the compiler and the core library that SwiftPM built are, and how to compile a
/// lesson program against them.
///
/// The library's modules and object files come from the build folder that holds the running
/// `descent` (`.build/debug` under `swift run`), so a fresh clone needs no step but
/// `swift run descent …`; `DESCENT_BUILD_DIR` names another. The compiler is `SWIFT_EXEC`
/// when set, as SwiftPM does, else `swiftc` on the `PATH`.
package struct Toolchain: Sendable {
    /// Modules whose objects are linked into every lesson program.
    static let libraries = ["DescentCore", "Plotting", "LessonRuntime"]
    /// The module a lesson program is compiled as (it prefixes the names of its types).
    static let moduleName = "LessonProgram"

    package let compiler: String
    package let buildDirectory: URL
    let objects: [String]
    package let flags: [String]

    package static func locate() throws -> Toolchain {
        let environment = ProcessInfo.processInfo.environment
        let buildDirectory = environment["DESCENT_BUILD_DIR"].map { URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
        let compiler = try environment["SWIFT_EXEC"] ?? executable(named: "swiftc")
        // This file is Sources/LessonRunner/Toolchain.swift of the package that built us.
        let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let modules = buildDirectory.appendingPathComponent("Modules")
        var objects: [String] = []
        for library in libraries {
            let found = currentObjects(of: library, in: buildDirectory)
            guard !found.isEmpty, FileManager.default.fileExists(atPath: modules.appendingPathComponent("\(library).swiftmodule").path) else {
                throw RunnerError("the \(library) library is not built in \(buildDirectory.path); run `swift build` first")
            }
            objects += found
        }
        let blas = try pkgConfig(["--cflags", "--libs", "openblas"])
        let flags = ["-I", modules.path, "-I", packageRoot.appendingPathComponent("Sources/COpenBLAS").path]
            + blas.flatMap { $0.hasPrefix("-I") ? ["-Xcc", $0] : [$0] }
            + ["-lm"]
        return Toolchain(compiler: compiler, buildDirectory: buildDirectory, objects: objects, flags: flags)
    }

    /// The arguments that compile `source` into `output`.
    func arguments(source: String, output: String) -> [String] {
        ["-Onone", "-g", "-suppress-warnings", "-diagnostic-style", "llvm", "-module-name", Self.moduleName,
         source, "-o", output] + objects + flags
    }

    /// Everything a compiled program depends on besides its source, for the cache key.
    package var fingerprint: String {
        let stamps = objects.map { path -> String in
            let attributes = try? FileManager.default.attributesOfItem(atPath: path)
            let date = (attributes?[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            return "\(path) \(attributes?[.size] ?? 0) \(date)"
        }
        return ([compiler] + flags + stamps).joined(separator: "\n")
    }

    /// The object files of a library's current sources, from the output file map SwiftPM
    /// gave the compiler; objects of deleted or renamed sources stay in the folder and
    /// must not be linked.
    private static func currentObjects(of library: String, in buildDirectory: URL) -> [String] {
        let map = buildDirectory.appendingPathComponent("\(library).build/output-file-map.json")
        guard let data = try? Data(contentsOf: map),
              let entries = try? JSONDecoder().decode([String: [String: String]].self, from: data)
        else { return [] }
        return entries.values.compactMap { $0["object"] }
            .filter { FileManager.default.fileExists(atPath: $0) }
            .sorted()
    }

    private static func executable(named name: String) throws -> String {
        guard let found = executablePath(name) else {
            throw RunnerError("cannot find \(name) on the PATH; install the Swift toolchain or set SWIFT_EXEC")
        }
        return found
    }

    private static func pkgConfig(_ arguments: [String]) throws -> [String] {
        var output: [UInt8] = []
        let process = ChildProcess(executable: try executable(named: "pkg-config"), arguments: arguments)
        let deadline = DispatchTime.now() + 30
        let ending = try process.run(deadline: { deadline }) { stream, bytes in
            if stream == .stdout { output += bytes }
            return true
        }
        guard ending == .exited(0) else {
            throw RunnerError("pkg-config cannot find openblas; install libopenblas-dev")
        }
        return String(decoding: output, as: UTF8.self).split(whereSeparator: \.isWhitespace).map(String.init)
    }
}
