import Foundation

/// The lesson program's end of the grading channel: how a graded exercise's check results
/// reach `descent grade` so that the code under grading cannot forge them.
///
/// `descent` starts the program with `DESCENT_GRADING=<key fd>,<result fd>`. Before any
/// lesson or student code runs, `_gradingStart()` reads a fresh 32-byte key from the key fd
/// and closes it, marks the result fd close-on-exec and removes the variables from the
/// environment. Every result is then one line on the result fd,
///
///     seq TAB kind TAB field… TAB hex(HMAC-SHA-256(key, everything before the last TAB)) LF
///
/// where kind is `start`, `block i` (block i before the checks begins), `begin k` (check
/// block k begins), `fail k line message` (an assertion of check k failed), `done k` (check
/// k ran to its end) or `end`,
/// with consecutive sequence numbers from 0. `descent` believes only lines that carry the
/// right MAC and the next sequence number; text printed on stdout or stderr, the exit
/// status, and anything written to the result fd without the key count for nothing.
package enum GradingChannel {
    package static let environmentKey = "DESCENT_GRADING"
    /// The check blocks to run, as comma-separated indices (the others are skipped).
    package static let checksKey = "DESCENT_GRADING_CHECKS"

    nonisolated(unsafe) private static var key: [UInt8] = []
    nonisolated(unsafe) private static var resultFD: Int32 = -1
    nonisolated(unsafe) private static var sequence = 0
    nonisolated(unsafe) private static var selected: Set<Int> = []
    nonisolated(unsafe) private static var current: Int?

    static var isOpen: Bool { resultFD >= 0 }

    static func open() {
        let environment = ProcessInfo.processInfo.environment
        let fds = (environment[environmentKey] ?? "").split(separator: ",").compactMap { Int32($0) }
        guard fds.count == 2 else {
            FileHandle.standardError.write(Data("error: this program is run by `descent grade`, not by hand\n".utf8))
            exit(70)
        }
        var buffer = [UInt8](repeating: 0, count: 64)
        while key.count < 32 {
            let count = buffer.withUnsafeMutableBytes { read(fds[0], $0.baseAddress, $0.count) }
            guard count > 0 else { break }
            key += buffer[0..<count]
        }
        close(fds[0])
        guard key.count == 32 else { exit(70) }
        _ = fcntl(fds[1], F_SETFD, FD_CLOEXEC)
        resultFD = fds[1]
        selected = Set((environment[checksKey] ?? "").split(separator: ",").compactMap { Int($0) })
        unsetenv(environmentKey)
        unsetenv(checksKey)
        send("start", [])
    }

    static func block(_ index: Int) {
        guard current == nil else { return }
        send("block", [String(index)])
    }

    static func begin(_ index: Int) -> Bool {
        guard selected.contains(index) else { return false }
        current = index
        send("begin", [String(index)])
        return true
    }

    static func done(_ index: Int) {
        guard current == index else { return }
        current = nil
        send("done", [String(index)])
    }

    static func fail(line: Int, message: String) {
        guard let current else { return }
        send("fail", [String(current), String(line), message])
    }

    static func end() {
        send("end", [])
    }

    private static func send(_ kind: String, _ fields: [String]) {
        guard resultFD >= 0 else { return }
        let body = ([String(sequence), kind] + fields.map(FieldEscaping.escape)).joined(separator: "\t")
        sequence += 1
        let line = Array((body + "\t" + SHA256.hex(SHA256.hmac(key: key, message: Array(body.utf8))) + "\n").utf8)
        var written = 0
        while written < line.count {
            let count = line[written...].withUnsafeBytes { write(resultFD, $0.baseAddress, $0.count) }
            guard count > 0 else { return }
            written += count
        }
    }

    /// The kind and fields of `line` (without its LF) when it carries a valid MAC under
    /// `key` and sequence number `sequence`; nil otherwise.
    package static func verify(_ line: Substring, key: [UInt8], sequence: Int) -> (kind: String, fields: [String])? {
        guard let tab = line.lastIndex(of: "\t") else { return nil }
        let body = line[..<tab]
        let mac = line[line.index(after: tab)...]
        let expected = SHA256.hex(SHA256.hmac(key: key, message: Array(body.utf8)))
        // Compare every byte, whatever the first difference.
        guard mac.utf8.count == expected.utf8.count,
              zip(mac.utf8, expected.utf8).reduce(0, { $0 | ($1.0 ^ $1.1) }) == 0 else { return nil }
        let parts = body.split(separator: "\t", omittingEmptySubsequences: false)
        guard parts.count >= 2, Int(parts[0]) == sequence else { return nil }
        return (String(parts[1]), parts.dropFirst(2).map(FieldEscaping.unescape))
    }
}

// MARK: - Called by generated grading programs

/// Opens the grading channel; the first statement of a grading program.
public func _gradingStart() {
    GradingChannel.open()
}

/// Reports that block `index` before the checks begins (so that its own time limit applies).
public func _gradingBlock(_ index: Int) {
    GradingChannel.block(index)
}

/// Whether check block `index` is to run this time; if so, reports that it begins.
public func _gradingCheck(_ index: Int) -> Bool {
    GradingChannel.begin(index)
}

/// Reports that check block `index` ran to its end.
public func _gradingCheckDone(_ index: Int) {
    GradingChannel.done(index)
}

/// Reports that the program reached its end.
public func _gradingEnd() {
    GradingChannel.end()
}
