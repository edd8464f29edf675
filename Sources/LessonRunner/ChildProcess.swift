import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Runs a program in a process group of its own, streams what it writes to stdout and
/// stderr to a consumer, and kills the whole group when a deadline passes or the consumer
/// has had enough. The caller never blocks on a child that hangs, forks or floods.
struct ChildProcess {
    enum Stream { case stdout, stderr }

    /// How a run ended.
    enum Ending: Equatable {
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

    /// Runs to the end.
    ///
    /// - Parameters:
    ///   - deadline: asked after every read; the monotonic time (`DispatchTime.now()`) past
    ///     which the process group is killed.
    ///   - consume: called with each chunk read; return `false` to kill the group.
    func run(deadline: () -> DispatchTime, consume: (Stream, ArraySlice<UInt8>) -> Bool) throws -> Ending {
        let out = try Pipe(), err = try Pipe()
        let pid = try spawn(stdout: out, stderr: err)
        close(out.write)
        close(err.write)
        defer {
            close(out.read)
            close(err.read)
        }
        var open: [(fd: Int32, stream: Stream)] = [(out.read, .stdout), (err.read, .stderr)]
        var ending: Ending?
        var status: Int32 = 0
        var exited = false
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while !open.isEmpty {
            let remaining = Int64(deadline().uptimeNanoseconds) - Int64(DispatchTime.now().uptimeNanoseconds)
            if remaining <= 0 && ending == nil {
                ending = .timedOut
                kill(-pid, SIGKILL)
            }
            var fds = open.map { pollfd(fd: $0.fd, events: Int16(POLLIN), revents: 0) }
            let wait = exited ? 50 : Int32(clamping: max(0, min(remaining / 1_000_000, 100)))
            let ready = poll(&fds, nfds_t(fds.count), wait)
            if ready == 0 && exited { break } // the child is gone; whoever holds the pipes is killed below
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
            open.removeAll { closed.contains($0.fd) }
            if !exited && waitpid(pid, &status, WNOHANG) == pid {
                exited = true
                kill(-pid, SIGKILL) // descendants left behind die with their leader
            }
        }
        if !exited { waitpid(pid, &status, 0) }
        kill(-pid, SIGKILL)
        if let ending { return ending }
        let signal = status & 0x7f
        return signal == 0 ? .exited((status >> 8) & 0xff) : .signalled(signal)
    }

    private func spawn(stdout: Pipe, stderr: Pipe) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_adddup2(&actions, stdout.write, 1)
        posix_spawn_file_actions_adddup2(&actions, stderr.write, 2)
        for fd in [stdout.read, stdout.write, stderr.read, stderr.write] {
            posix_spawn_file_actions_addclose(&actions, fd)
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

/// A pipe whose ends are closed on exec.
private struct Pipe {
    let read: Int32
    let write: Int32

    init() throws {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw RunnerError("cannot create a pipe: \(String(cString: strerror(errno)))") }
        for fd in fds { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
        read = fds[0]
        write = fds[1]
    }
}

/// A failure of the tool itself (not of a lesson): no compiler, no pipe, no disk.
public struct RunnerError: Error, CustomStringConvertible {
    public var description: String

    public init(_ description: String) {
        self.description = description
    }
}
