import Foundation

/// Runs the `descent` executable that SwiftPM built beside the test bundle.
enum DescentBinary {
    struct Result: Sendable {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The package's root folder (this file is Tests/EndToEndTests/DescentBinary.swift).
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A fixture folder of Tests/EndToEndTests/Fixtures.
    static func fixture(_ name: String) -> URL {
        packageRoot.appendingPathComponent("Tests/EndToEndTests/Fixtures/\(name)")
    }

    /// Where this test run keeps its copies of fixtures: `.build/e2e-fixtures`, emptied when
    /// a run first needs it, so copies never pile up (some live as long as the run).
    private static let copies: URL = {
        let folder = packageRoot.appendingPathComponent(".build/e2e-fixtures")
        try? FileManager.default.removeItem(at: folder)
        return folder
    }()

    /// A fresh copy of a fixture folder, for tests that change files.
    static func copyOfFixture(_ name: String) throws -> URL {
        try copy(of: fixture(name))
    }

    /// A fresh copy of any folder, under the same name with a unique tail.
    static func copy(of folder: URL) throws -> URL {
        let copy = copies.appendingPathComponent("\(folder.lastPathComponent)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: copies, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: folder, to: copy)
        return copy
    }

    static var executable: URL {
        // The test bundle runs from the build folder (…/debug/DescentPackageTests.xctest).
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        while folder.path != "/" {
            let candidate = folder.appendingPathComponent("descent")
            if FileManager.default.isExecutableFile(atPath: candidate.path) { return candidate }
            folder.deleteLastPathComponent()
        }
        return packageRoot.appendingPathComponent(".build/debug/descent")
    }

    /// Runs `descent arguments…` in `directory` (with `environment` added to this process's)
    /// and waits for it.
    static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws
        -> Result
    {
        try start(arguments, in: directory, environment: environment).finish()
    }

    /// A `descent` that was started and not yet waited for.
    struct Running {
        var process: Process
        /// Holds its stdout and stderr: files, not pipes, so the child can never block on a full pipe.
        var folder: URL

        /// Waits for it to end, and what it printed.
        func finish() throws -> Result {
            process.waitUntilExit()
            defer { try? FileManager.default.removeItem(at: folder) }
            return Result(
                status: process.terminationStatus,
                stdout: try String(contentsOf: folder.appendingPathComponent("stdout"), encoding: .utf8),
                stderr: try String(contentsOf: folder.appendingPathComponent("stderr"), encoding: .utf8))
        }
    }

    /// Starts `descent arguments…` in `directory` (with `environment` added to this process's).
    static func start(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws
        -> Running
    {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.currentDirectoryURL = directory ?? packageRoot
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("descent-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        let out = folder.appendingPathComponent("stdout"), err = folder.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        // A test runs on a thread that blocks most signals, and a process spawned from it
        // inherits that mask: unblock them for the spawn, so that SIGINT and SIGTERM reach
        // descent as they do when a shell starts it.
        var none = sigset_t(), previous = sigset_t()
        sigemptyset(&none)
        pthread_sigmask(SIG_SETMASK, &none, &previous)
        defer { pthread_sigmask(SIG_SETMASK, &previous, nil) }
        try process.run()
        return Running(process: process, folder: folder)
    }

    /// Every file under `folder`, by its path there.
    static func files(in folder: URL) throws -> [String: Data] {
        var files: [String: Data] = [:]
        let paths = FileManager.default.enumerator(atPath: folder.path)?.compactMap { $0 as? String } ?? []
        for path in paths {
            let url = folder.appendingPathComponent(path)
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), !isFolder.boolValue {
                files[path] = try Data(contentsOf: url)
            }
        }
        return files
    }
}
