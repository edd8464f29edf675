import Foundation

#if canImport(Glibc)
    import Glibc
#endif

/// One end of a line channel between two processes: messages are lines of TAB-separated
/// fields, read with a bound on their length, written whole.
final class RemoteLine {
    let input: Int32
    let output: Int32
    private var buffer: [UInt8] = []
    /// How much of `buffer` is known to hold no LF: each byte is looked at once.
    private var scanned = 0

    init(input: Int32, output: Int32) {
        self.input = input
        self.output = output
        for fd in [input, output] { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
    }

    /// Writes one message; false when the other side is gone.
    func send(_ fields: [String]) -> Bool {
        RemoteLine.writeAll(fields.joined(separator: "\t") + "\n", to: output)
    }

    /// Reads one message; nil at the end of the input, or past `ProgramContract.remoteLineLimit`.
    func receive() -> [Substring]? {
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            if let newline = buffer[scanned...].firstIndex(of: UInt8(ascii: "\n")) {
                let line = String(decoding: buffer[..<newline], as: UTF8.self)
                buffer.removeSubrange(...newline)
                scanned = 0
                return line.split(separator: "\t", omittingEmptySubsequences: false)
            }
            scanned = buffer.count
            guard buffer.count <= ProgramContract.remoteLineLimit else { return nil }
            let count = chunk.withUnsafeMutableBytes { read(input, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return nil }
            buffer += chunk[0..<count]
        }
    }

    /// Writes all of `text` to `fd`; false on an error.
    @discardableResult
    static func writeAll(_ text: String, to fd: Int32) -> Bool {
        let bytes = Array(text.utf8)
        var written = 0
        while written < bytes.count {
            let count = bytes[written...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if count < 0 && errno == EINTR { continue }
            guard count > 0 else { return false }
            written += count
        }
        return true
    }
}
