import Foundation

/// Runs a helper program (node, python) once: JSON in on stdin, JSON out on stdout.
///
/// Input and output go through files, so neither side can block on a full pipe; a helper
/// that runs past `timeout` is stopped and reported.
struct HelperProgram {
    var executable: String
    var arguments: [String]
    var environment: [String: String] = [:]
    /// What to install when the helper fails, for the error message.
    var needs: String
    var timeout: Double = 300

    /// Runs the helper on `input` and decodes what it prints as `Output`.
    func run<Input: Encodable, Output: Decodable>(_ input: Input, as output: Output.Type) throws -> Output {
        let manager = FileManager.default
        let folder = manager.temporaryDirectory.appendingPathComponent("descent-helper-\(UUID().uuidString)")
        try manager.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? manager.removeItem(at: folder) }
        let inFile = folder.appendingPathComponent("in.json")
        let outFile = folder.appendingPathComponent("out.json")
        let errFile = folder.appendingPathComponent("err.txt")
        try JSONEncoder().encode(input).write(to: inFile)
        try Data().write(to: outFile)
        try Data().write(to: errFile)

        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
        process.standardInput = try FileHandle(forReadingFrom: inFile)
        process.standardOutput = try FileHandle(forWritingTo: outFile)
        process.standardError = try FileHandle(forWritingTo: errFile)
        let finished = DispatchSemaphore(value: 0)
        process.terminationHandler = { _ in finished.signal() }
        do {
            try process.run()
        } catch {
            throw HelperError("cannot start \(executable): \(error.localizedDescription)")
        }
        if finished.wait(timeout: .now() + timeout) == .timedOut {
            process.terminate()
            throw HelperError("\(name) did not finish within \(Int(timeout)) s and was stopped")
        }
        let errors = (try? String(contentsOf: errFile, encoding: .utf8)) ?? ""
        guard process.terminationReason == .exit, process.terminationStatus == 0 else {
            throw HelperError("\(name) failed (status \(process.terminationStatus)); it needs \(needs):\n\(errors.trimmingCharacters(in: .whitespacesAndNewlines))")
        }
        do {
            return try JSONDecoder().decode(Output.self, from: Data(contentsOf: outFile))
        } catch {
            throw HelperError("\(name) printed something that is not its expected JSON: \(error)")
        }
    }

    private var name: String {
        (executable as NSString).lastPathComponent
    }

    /// The first of `candidates` that is an executable file, else `name` found on the PATH.
    static func locate(_ name: String, preferring candidates: [String] = []) throws -> String {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let found = (candidates + path.split(separator: ":").map { "\($0)/\(name)" })
            .first { FileManager.default.isExecutableFile(atPath: $0) }
        guard let found else { throw HelperError("cannot find \(name) on the PATH") }
        return found
    }
}

/// A helper program could not be found, failed, or printed nonsense.
public struct HelperError: Error, CustomStringConvertible {
    public var description: String

    init(_ description: String) {
        self.description = description
    }
}
