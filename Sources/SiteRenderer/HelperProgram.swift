import Foundation
import LessonParser
import LessonRunner

/// Runs a helper program (node, python) once: JSON in on stdin, JSON out on stdout.
///
/// The input goes through a file and the output is read as it comes, so neither side can
/// block the other; a helper that runs past `timeout` is stopped, with everything it
/// started, and reported.
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
        let inFile = manager.temporaryDirectory.appendingPathComponent("descent-helper-\(UUID().uuidString).json")
        try JSONEncoder().encode(input).write(to: inFile)
        defer { try? manager.removeItem(at: inFile) }

        var printed: [UInt8] = [], errors: [UInt8] = []
        let process = ChildProcess(
            executable: executable, arguments: arguments,
            environment: ProcessInfo.processInfo.environment.merging(environment) { $1 },
            input: inFile.path)
        let deadline = DispatchTime.now() + timeout
        let ending: ChildProcess.Ending
        do {
            ending = try process.run(deadline: { deadline }) { stream, bytes in
                if stream == .stdout { printed += bytes } else { errors += bytes }
                return true
            }
        } catch {
            throw DescentError("cannot start \(executable): \(error)")
        }
        switch ending {
        case .exited(0): break
        case .timedOut: throw DescentError("\(name) did not finish within \(Int(timeout)) s and was stopped")
        default:
            let message = String(decoding: errors, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            throw DescentError("\(name) failed (\(ending)); it needs \(needs):\n\(message)")
        }
        do {
            return try JSONDecoder().decode(Output.self, from: Data(printed))
        } catch {
            throw DescentError("\(name) printed something that is not its expected JSON: \(error)")
        }
    }

    private var name: String {
        (executable as NSString).lastPathComponent
    }

    /// The first of `candidates` that is an executable file, else `name` found on the PATH.
    static func locate(_ name: String, preferring candidates: [String] = []) throws -> String {
        guard let found = executablePath(name, preferring: candidates) else {
            throw DescentError("cannot find \(name) on the PATH")
        }
        return found
    }
}
