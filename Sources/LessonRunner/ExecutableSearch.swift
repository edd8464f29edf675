import Foundation

/// The first of `candidates` that is an executable file, else `name` in the first folder of
/// the `PATH` that has it; nil when there is none.
package func executablePath(_ name: String, preferring candidates: [String] = []) -> String? {
    let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
    return (candidates + path.split(separator: ":").map { "\($0)/\(name)" })
        .first { FileManager.default.isExecutableFile(atPath: $0) }
}
