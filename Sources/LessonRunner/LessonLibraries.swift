import Foundation
import LessonParser
import LessonRuntime

#if canImport(Glibc)
    import Glibc
#endif

/// The libraries every lesson program links (DescentCore, Plotting, LessonRuntime), compiled
/// by descent itself, optimised and with debug information, whichever build of descent runs:
/// a debug `descent` (as `swift run descent` and `make site` use) gives lessons the same
/// release-speed core as a release one, and only these three libraries are built twice.
///
/// They are compiled from the package's sources with `-O -wmo -g -assert-config Debug` and
/// frame pointers: whole-module optimisation, debug information, the checks' messages of a
/// debug build (a shape mismatch in the core still says what did not fit, at a cost measured
/// in the README), and a frame chain the runtime's backtracer can walk out of the core to the
/// lesson statement that called it (without one it stops at the core's frame). The result lives in `folder/<key>/`, where the key is the SHA-256 of the sources,
/// the compiler and the flags, so a changed source is compiled again and an unchanged one
/// never; descents starting at once take turns through a lock, and the first one builds.
struct LessonLibraries {
    /// Each library and those of these it imports (as in Package.swift).
    static let libraries: [(name: String, imports: [String])] = [
        ("DescentCore", []), ("Plotting", []), ("LessonRuntime", ["Plotting", "DescentCore"]),
    ]

    /// The folder holding each library's `.swiftmodule` and `.o`.
    let folder: URL

    /// The object files to link.
    var objects: [String] {
        Self.libraries.map { folder.appendingPathComponent("\($0.name).o").path }
    }

    /// Seconds one library's compiler may take before it is stopped.
    static let compileTimeLimit = 900.0

    /// The libraries compiled from the sources under `packageRoot`, built first when the cache
    /// in `cache` does not hold them yet. `flags` go to every compilation (the BLAS headers).
    static func locate(compiler: String, packageRoot: URL, flags: [String], cache: URL) throws -> LessonLibraries {
        let options =
            [
                "-O", "-wmo", "-g", "-Xcc", "-fno-omit-frame-pointer", "-assert-config", "Debug", "-parse-as-library",
                "-swift-version", "6",
                "-package-name", "descent", "-suppress-warnings",
            ] + flags
        let sources = try libraries.map { library in
            try sourceFiles(in: packageRoot.appendingPathComponent("Sources/\(library.name)"))
        }
        var description = [compiler, ContentCache.stamp(of: compiler)] + options
        for file in sources.joined() {
            description += [
                String(file.path.dropFirst(packageRoot.path.count)), try String(contentsOf: file, encoding: .utf8),
            ]
        }
        let built = LessonLibraries(
            folder: cache.appendingPathComponent(SHA256.key(description.joined(separator: "\n"))))
        if built.isComplete { return built }

        try FileManager.default.createDirectory(at: cache, withIntermediateDirectories: true)
        let lock = open(cache.appendingPathComponent(".lock").path, O_CREAT | O_RDWR | O_CLOEXEC, 0o644)
        guard lock >= 0, flock(lock, LOCK_EX) == 0 else { throw DescentError("cannot lock \(cache.path)") }
        defer { close(lock) }
        if built.isComplete { return built }  // another descent built them while we waited

        let staging = cache.appendingPathComponent(".staging-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: staging) }
        // Libraries whose imports are built compile side by side: DescentCore with Plotting,
        // then LessonRuntime.
        var done: Set<String> = []
        while done.count < libraries.count {
            let ready = libraries.indices.filter {
                !done.contains(libraries[$0].name) && libraries[$0].imports.allSatisfy(done.contains)
            }
            let failures = Failures()
            DispatchQueue.concurrentPerform(iterations: ready.count) { slot in
                let (name, _) = libraries[ready[slot]]
                let arguments =
                    options + [
                        "-module-name", name, "-I", staging.path, "-c", "-o",
                        staging.appendingPathComponent("\(name).o").path,
                        "-emit-module", "-emit-module-path", staging.appendingPathComponent("\(name).swiftmodule").path,
                    ] + sources[ready[slot]].map(\.path)
                if let failure = compile(compiler, arguments) { failures.add(failure) }
            }
            if let failure = failures.first {
                throw DescentError("cannot compile the libraries lessons link:\n\(failure)")
            }
            done.formUnion(ready.map { libraries[$0].name })
        }
        try FileManager.default.moveItem(at: staging, to: built.folder)
        return built
    }

    private var isComplete: Bool {
        objects.allSatisfy { FileManager.default.fileExists(atPath: $0) }
    }

    /// Runs the compiler; nil when it succeeded, else the end of what it printed.
    private static func compile(_ compiler: String, _ arguments: [String]) -> String? {
        let started = DispatchTime.now()
        var log: [UInt8] = []
        let deadline = DispatchTime.now() + compileTimeLimit
        let ending = try? ChildProcess(executable: compiler, arguments: arguments).run(deadline: { deadline }) {
            _, bytes in
            log += bytes
            return log.count < 1 << 20
        }
        WorkCounters.countCompilerRun(since: started)
        if ending == ChildProcess.Ending.exited(0) { return nil }
        return "\(ending.map { "\($0)" } ?? "did not start"): " + String(decoding: log, as: UTF8.self).suffix(2000)
    }

    /// The first failure of compilers running side by side.
    private final class Failures: @unchecked Sendable {
        private let lock = NSLock()
        private var failures: [String] = []

        func add(_ failure: String) { lock.withLock { failures.append(failure) } }
        var first: String? { lock.withLock { failures.first } }
    }

    /// The Swift files under `folder`, in a fixed order.
    private static func sourceFiles(in folder: URL) throws -> [URL] {
        guard let walker = FileManager.default.enumerator(at: folder, includingPropertiesForKeys: nil) else {
            throw DescentError("cannot read \(folder.path)")
        }
        return walker.compactMap { $0 as? URL }.filter { $0.pathExtension == "swift" }.sorted { $0.path < $1.path }
    }
}
