import Foundation

/// Runs the `descent` executable that SwiftPM built beside the test bundle.
enum DescentBinary {
    struct Result: Sendable {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The package's root folder (this file is Tests/EndToEndTests/DescentBinary.swift).
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

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

    /// Runs `descent arguments…` in `directory`, with `environment` added to ours, and waits.
    static func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.currentDirectoryURL = directory ?? packageRoot
        // Files, not pipes: the child can never block on a full pipe.
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("descent-run-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("stdout"), err = folder.appendingPathComponent("stderr")
        _ = FileManager.default.createFile(atPath: out.path, contents: nil)
        _ = FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        try process.run()
        process.waitUntilExit()
        return Result(status: process.terminationStatus,
                      stdout: try String(contentsOf: out, encoding: .utf8),
                      stderr: try String(contentsOf: err, encoding: .utf8))
    }
}
