import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program in a process group of its own, streams what it writes to a consumer, and
/// kills the whole group when a deadline passes or the consumer has had enough. The caller
/// never blocks on a child that hangs, forks or floods.
///
/// A grading program also gets a private channel: with a `key`, descriptor 3 is a pipe
/// holding the key (written and closed before the program starts) and descriptor 4 the
/// write end of a pipe read here as the `.results` stream.
package struct ChildProcess {
    package enum Stream { case stdout, stderr, results }

    /// How a run ended.
    package enum Ending: Equatable {
        case exited(Int32)
        case signalled(Int32)
        /// Killed because `deadline` passed.
        case timedOut
        /// Killed because the consumer returned `false`.
        case stopped
    }

    var executable: String
    var arguments: [String] = []
    var environment: [String: String] = ProcessInfo.processInfo.environment
    /// The grading key passed on descriptor 3; nil for a program with no private channel.
    var key: [UInt8]?
    /// A file the program reads as its stdin; nil for /dev/null.
    var input: String?

    package init(executable: String, arguments: [String] = [], environment: [String: String] = ProcessInfo.processInfo.environment,
                 key: [UInt8]? = nil, input: String? = nil) {
        self.executable = executable
        self.arguments = arguments
        self.environment = environment
        self.key = key
        self.input = input
    }

    /// Runs to the end.
    ///
    /// - Parameters:
    ///   - deadline: asked after every read; the monotonic time (`DispatchTime.now()`) past
    ///     which the process group is killed.
    ///   - consume: called with each chunk read; return `false` to kill the group.
    package func run(deadline: () -> DispatchTime, consume: (Stream, ArraySlice<UInt8>) -> Bool) throws -> Ending {
        var pipes: [(stream: Stream, pipe: Pipe)] = [(.stdout, try Pipe()), (.stderr, try Pipe())]
        var descriptors: [Int32: Int32] = [1: pipes[0].pipe.write, 2: pipes[1].pipe.write]
        var keyPipe: Pipe?
        if let key {
            let channel = try Pipe(), secret = try Pipe()
            pipes.append((.results, channel))
            keyPipe = secret
            descriptors[3] = secret.read
            descriptors[4] = channel.write
            let written = key.withUnsafeBytes { write(secret.write, $0.baseAddress, $0.count) }
            close(secret.write)
            guard written == key.count else {
                (pipes.flatMap { [$0.pipe.read, $0.pipe.write] } + [secret.read]).forEach { close($0) }
                throw RunnerError("cannot pass the grading key: \(String(cString: strerror(errno)))")
            }
        }
        let pid: pid_t
        do {
            pid = try spawn(descriptors)
        } catch {
            (pipes.flatMap { [$0.pipe.read, $0.pipe.write] } + [keyPipe?.read].compactMap { $0 }).forEach { close($0) }
            throw error
        }
        (pipes.map(\.pipe.write) + [keyPipe?.read].compactMap { $0 }).forEach { close($0) }

        var open = pipes.map { (fd: $0.pipe.read, stream: $0.stream) }
        defer { open.forEach { close($0.fd) } }
        var ending: Ending?
        var exitedAt: UInt64?
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let now = DispatchTime.now().uptimeNanoseconds
            let remaining = Int64(deadline().uptimeNanoseconds) - Int64(now)
            if remaining <= 0 && ending == nil {
                ending = .timedOut
                kill(-pid, SIGKILL)
            }
            if exitedAt == nil && Self.hasExited(pid) {
                kill(-pid, SIGKILL) // descendants left behind die with their leader
                exitedAt = now
            }
            // Once the leader is gone, read what is left for a moment, no longer: a descendant
            // that left the process group may hold the pipes open and write for ever.
            if let exitedAt, open.isEmpty || ending != nil || now - exitedAt > 500_000_000 { break }
            let wait = exitedAt != nil ? 50 : Int32(clamping: max(0, min(remaining / 1_000_000, 100)))
            var fds = open.map { pollfd(fd: $0.fd, events: Int16(POLLIN), revents: 0) }
            let ready = poll(&fds, nfds_t(fds.count), wait) // with no pipes left, a sleep
            if ready == 0 && exitedAt != nil { break }
            // stdout first: a program writes there before it writes to stderr about it.
            var closed: [Int32] = []
            for (index, fd) in fds.enumerated() where fd.revents != 0 {
                let count = buffer.withUnsafeMutableBytes { read(fd.fd, $0.baseAddress, $0.count) }
                if count <= 0 {
                    closed.append(fd.fd)
                } else if ending == nil, !consume(open[index].stream, buffer[0..<count]) {
                    ending = .stopped
                    kill(-pid, SIGKILL)
                }
            }
            closed.forEach { close($0) }
            open.removeAll { closed.contains($0.fd) }
        }
        var status: Int32 = 0
        waitpid(pid, &status, 0) // the leader has exited; reap it
        if let ending { return ending }
        let signal = status & 0x7f
        return signal == 0 ? .exited((status >> 8) & 0xff) : .signalled(signal)
    }

    /// Whether the child has exited, without reaping it: until it is reaped its process
    /// group id cannot be given to another process, so killing the group stays safe.
    private static func hasExited(_ pid: pid_t) -> Bool {
        var info = siginfo_t()
        return waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0 && info._sifields._sigchld.si_pid == pid
    }

    /// Starts the program with stdin from `input` (or /dev/null) and each `descriptors` key
    /// made a copy of its value, in a new process group, with default signal handling.
    private func spawn(_ descriptors: [Int32: Int32]) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, input ?? "/dev/null", O_RDONLY, 0)
        // Every source descriptor is above 4 (see Pipe), so no dup2 clobbers another; the
        // sources themselves are closed on exec.
        for (target, source) in descriptors.sorted(by: { $0.key < $1.key }) {
            posix_spawn_file_actions_adddup2(&actions, source, target)
        }

        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var defaults = sigset_t(), empty = sigset_t()
        sigemptyset(&empty)
        sigemptyset(&defaults)
        sigaddset(&defaults, SIGPIPE)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        posix_spawnattr_setpgroup(&attributes, 0)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard result == 0 else {
            throw RunnerError("cannot start \(executable): \(String(cString: strerror(result)))")
        }
        return pid
    }
}

/// A pipe whose ends are closed on exec and numbered above 4, clear of the descriptors a
/// child is given.
private struct Pipe {
    let read: Int32
    let write: Int32

    init() throws {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw RunnerError("cannot create a pipe: \(String(cString: strerror(errno)))") }
        let moved = fds.map { fd -> Int32 in
            let high = fcntl(fd, F_DUPFD_CLOEXEC, 10)
            close(fd)
            return high
        }
        guard moved.allSatisfy({ $0 >= 0 }) else { throw RunnerError("cannot create a pipe: \(String(cString: strerror(errno)))") }
        read = moved[0]
        write = moved[1]
    }
}

/// A failure of the tool itself (not of a lesson): no compiler, no pipe, no disk.
public struct RunnerError: Error, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
