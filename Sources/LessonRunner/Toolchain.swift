import Foundation
import LessonParser

/// Where the compiler and the libraries lesson programs link are, and how to compile a
/// lesson program against them.
///
/// The libraries are compiled by descent itself (`LessonLibraries`), optimised, from the
/// sources of the package that built this `descent`, and kept under the build folder that
/// holds it (`.build/debug` under `swift run`), so a fresh clone needs no step but
/// `swift run descent …`; `DESCENT_BUILD_DIR` names another folder for these caches. The
/// compiler is `SWIFT_EXEC` when set, as SwiftPM does, else `swiftc` on the `PATH`.
package struct Toolchain: Sendable {
    /// The module a lesson program is compiled as (it prefixes the names of its types).
    static let moduleName = "LessonProgram"

    package let compiler: String
    package let buildDirectory: URL
    let objects: [String]
    package let flags: [String]
    /// Where compiled programs and their runs are kept (`ContentCache.standard`).
    package let cache = ContentCache.standard

    /// The folder of descent's caches: `DESCENT_BUILD_DIR`, else the folder of the running
    /// executable.
    package static var buildDirectory: URL {
        ProcessInfo.processInfo.environment["DESCENT_BUILD_DIR"].map { URL(fileURLWithPath: $0) }
            ?? URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath().deletingLastPathComponent()
    }

    /// The root of the package that built this `descent` (this file is its
    /// `Sources/LessonRunner/Toolchain.swift`): the sources the libraries are compiled from, and
    /// what `descent release` and `descent autograder` hand out.
    package static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    package static func locate() throws -> Toolchain {
        let environment = ProcessInfo.processInfo.environment
        let buildDirectory = Self.buildDirectory
        let compiler = try environment["SWIFT_EXEC"] ?? executable(named: "swiftc")
        let blas = try pkgConfig(["--cflags", "--libs", "openblas"])
        let headers =
            ["-I", packageRoot.appendingPathComponent("Sources/COpenBLAS").path]
            + blas.filter { $0.hasPrefix("-I") }.flatMap { ["-Xcc", $0] }
        let libraries = try LessonLibraries.locate(
            compiler: compiler, packageRoot: packageRoot, flags: headers,
            cache: buildDirectory.appendingPathComponent("lesson-libraries"))
        let flags = ["-I", libraries.folder.path] + headers + blas.filter { !$0.hasPrefix("-I") } + ["-lm"]
        return Toolchain(compiler: compiler, buildDirectory: buildDirectory, objects: libraries.objects, flags: flags)
    }

    /// The arguments that compile `source` into `output`: without optimisation (see the
    /// README's "Speed" for the measurements behind it) and with debug information.
    func arguments(source: String, output: String) -> [String] {
        [
            "-Onone", "-g", "-suppress-warnings", "-diagnostic-style", "llvm", "-module-name", Self.moduleName,
            source, "-o", output,
        ] + objects + flags
    }

    /// Everything a compiled program depends on besides its source, for the cache key: the
    /// compiler and the flags, which name the libraries' folder and so their sources' hash.
    package var fingerprint: String {
        ([ContentCache.stamp(of: compiler)] + flags).joined(separator: "\n")
    }

    private static func executable(named name: String) throws -> String {
        guard let found = executablePath(name) else {
            throw DescentError("cannot find \(name) on the PATH; install the Swift toolchain or set SWIFT_EXEC")
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
            throw DescentError("pkg-config cannot find openblas; install libopenblas-dev")
        }
        return String(decoding: output, as: UTF8.self).split(whereSeparator: \.isWhitespace).map(String.init)
    }
}
