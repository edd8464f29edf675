import Foundation

/// Tells the runner where each error is thrown, so that an error no lesson code catches —
/// which the runtime reports at the end of the program, with no line — can be reported at
/// the statement that threw it.
///
/// The Swift runtime calls its will-throw handler at every `throw` (see `setWillThrowHandler`).
/// This one sends the return addresses of the throwing stack that lie in the program's own
/// executable, as offsets from where it is loaded; the runner symbolicates them only when
/// the program dies of an uncaught error.
enum ThrowSites {
    /// Called as each block starts: installs the handler the first time, and forgets the
    /// stack sent last, as the runner does.
    static func beginCell() {
        install
        lastSent = []
    }

    /// Installs the handler, once; only under `descent` (not while grading).
    private static let install: Void = {
        guard Channel.nonce != nil, ProcessInfo.processInfo.environment[ProgramContract.gradingRoleVariable] == nil,
            let executable = executableMapping()
        else { return }
        mapping = executable
        setWillThrowHandler { _ in
            let offsets = Thread.callStackReturnAddresses.map { UInt(truncating: $0) }
                .filter { mapping.contains($0) }
                .map { $0 - mapping.lowerBound - 1 }  // the call instruction, not the one after it
                .prefix(32)
            // A loop that throws and catches sends its stack once, not once a turn.
            guard Array(offsets) != lastSent else { return }
            lastSent = Array(offsets)
            Channel.send(.thrown(offsets: lastSent))
        }
    }()

    /// The stack sent last in this block: the runner keeps it until the next one.
    nonisolated(unsafe) private static var lastSent: [UInt] = []

    /// Where the executable is mapped (its base is the start of its first mapping).
    nonisolated(unsafe) private static var mapping: Range<UInt> = 0..<0

    private static func executableMapping() -> Range<UInt>? {
        guard let path = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe"),
            let maps = try? String(contentsOfFile: "/proc/self/maps", encoding: .utf8)
        else { return nil }
        // `start-end perms offset device inode path`
        let ranges = maps.split(separator: "\n").compactMap { line -> Range<UInt>? in
            let fields = line.split(separator: " ", omittingEmptySubsequences: true)
            guard fields.count >= 6, fields[5...].joined(separator: " ") == path else { return nil }
            let bounds = fields[0].split(separator: "-").compactMap { UInt($0, radix: 16) }
            return bounds.count == 2 ? bounds[0]..<bounds[1] : nil
        }
        guard let first = ranges.first, let last = ranges.last else { return nil }
        return first.lowerBound..<last.upperBound
    }
}

private typealias WillThrowHandler = @convention(c) (UnsafeRawPointer?) -> Void

/// Sets the runtime's will-throw handler: through `_swift_setWillThrowHandler` where the
/// runtime has it, else by writing the hook variable `_swift_willThrow` that older runtimes
/// read (both looked up when the program runs, so either runtime links).
private func setWillThrowHandler(_ handler: WillThrowHandler) {
    let everywhere = UnsafeMutableRawPointer(bitPattern: 0)  // RTLD_DEFAULT
    if let setter = dlsym(everywhere, "_swift_setWillThrowHandler") {
        unsafeBitCast(setter, to: (@convention(c) (WillThrowHandler?) -> Void).self)(handler)
    } else if let hook = dlsym(everywhere, "_swift_willThrow") {
        hook.assumingMemoryBound(to: WillThrowHandler?.self).pointee = handler
    }
}
