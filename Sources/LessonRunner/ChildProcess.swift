import Foundation
import LessonParser

#if canImport(Glibc)
    import Glibc
#endif

/// Runs a program in a process group of its own, streams what it writes to a consumer, and
/// kills the whole group when a deadline passes or the consumer has had enough. The caller
/// never blocks on a child that hangs, forks or floods.
///
/// Several programs can run together (`runTogether`), wired to one another by descriptors
/// the caller passes: a graded exercise's checker and exercise (see `GradingExecutor`).
package struct ChildProcess {
    package enum Stream { case stdout, stderr, results }

    /// How a run ended.
    package enum Ending: Equatable {
        case exited(Int32)
        case signalled(Int32)
        /// Killed because `deadline` passed.
        case timedOut
        /// Killed because the consumer returned `false`, or because the first program of
        /// `runTogether` ended before it.
        case stopped
    }

    var executable: String
    var arguments: [String] = []
    var environment: [String: String] = ProcessInfo.processInfo.environment
    /// A file the program reads as its stdin; nil for /dev/null.
    var input: String?
    /// Descriptors the program gets: each key becomes a copy of the caller's descriptor, which
    /// must be close-on-exec (see `DescriptorPipe`) and is closed once the program has started.
    package var descriptors: [Int32: Int32] = [:]
    /// The descriptor at which the program finds the write end of a pipe read as `.results`.
    package var resultsDescriptor: Int32?

    package init(
        executable: String, arguments: [String] = [],
        environment: [String: String] = ProcessInfo.processInfo.environment,
        input: String? = nil
    ) {
        self.executable = executable
        self.arguments = arguments
        self.environment = environment
        self.input = input
    }

    /// Runs to the end.
    ///
    /// - Parameters:
    ///   - deadline: asked after every read; the monotonic time (`DispatchTime.now()`) past
    ///     which the process group is killed.
    ///   - consume: called with each chunk read; return `false` to kill the group.
    package func run(deadline: () -> DispatchTime, consume: (Stream, ArraySlice<UInt8>) -> Bool) throws -> Ending {
        try Self.runTogether([self], deadline: deadline) { consume($1, $2) }[0]
    }

    /// Runs `processes` together until the first of them ends; the others are then killed
    /// (ending `.stopped` unless they ended before). A deadline or a consumer's `false`
    /// kills them all.
    ///
    /// - Parameter consume: called with the index of the process, the stream and the chunk.
    package static func runTogether(
        _ processes: [ChildProcess], deadline: () -> DispatchTime,
        consume: (Int, Stream, ArraySlice<UInt8>) -> Bool
    ) throws -> [Ending] {
        var open: [(fd: Int32, process: Int, stream: Stream)] = []
        var pids: [pid_t] = []
        defer { open.forEach { close($0.fd) } }
        do {
            // The caller's descriptors pass to the children: closed here once they are started.
            defer { processes.flatMap { $0.descriptors.values }.forEach { close($0) } }
            for (index, process) in processes.enumerated() {
                var streams: [(Stream, DescriptorPipe)] = [
                    (.stdout, try DescriptorPipe()), (.stderr, try DescriptorPipe()),
                ]
                var descriptors = process.descriptors
                descriptors[1] = streams[0].1.write
                descriptors[2] = streams[1].1.write
                if let target = process.resultsDescriptor {
                    streams.append((.results, try DescriptorPipe()))
                    descriptors[target] = streams[2].1.write
                }
                open += streams.map { (fd: $0.1.read, process: index, stream: $0.0) }
                defer { streams.forEach { close($0.1.write) } }
                pids.append(try process.spawn(descriptors))
            }
        } catch {
            pids.forEach {
                kill(-$0, SIGKILL)
                var status: Int32 = 0
                waitpid($0, &status, 0)
            }
            throw error
        }

        var endings = [Ending?](repeating: nil, count: processes.count)
        var exited = [Bool](repeating: false, count: processes.count)
        var statuses = [Int32](repeating: 0, count: processes.count)
        var leaderExitedAt: UInt64?
        /// Kills the processes still running; their ending is `ending`.
        func killAll(_ ending: Ending) {
            for (index, pid) in pids.enumerated() where endings[index] == nil && !exited[index] {
                endings[index] = ending
                kill(-pid, SIGKILL)
            }
        }
        // Whether a deadline or the consumer stopped the run: then nothing more is consumed,
        // and every process ends with that reason.
        var halted = false
        func halt(_ ending: Ending) {
            halted = true
            killAll(ending)
            for index in endings.indices where endings[index] == nil { endings[index] = ending }
        }
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let now = DispatchTime.now().uptimeNanoseconds
            let remaining = Int64(deadline().uptimeNanoseconds) - Int64(now)
            if remaining <= 0 && leaderExitedAt == nil && !halted { halt(.timedOut) }
            for (index, pid) in pids.enumerated() where !exited[index] && Self.hasExited(pid) {
                kill(-pid, SIGKILL)  // descendants left behind die with their leader
                exited[index] = true
            }
            if exited[0] && leaderExitedAt == nil {
                leaderExitedAt = now
                killAll(.stopped)
            }
            // Once the leader is gone, read what is left for a moment, no longer: a descendant
            // that left the process group may hold the pipes open and write for ever.
            if let leaderExitedAt, open.isEmpty || endings[0] != nil || now - leaderExitedAt > 500_000_000 { break }
            let wait = leaderExitedAt != nil ? 50 : Int32(clamping: max(0, min(remaining / 1_000_000, 100)))
            var fds = open.map { pollfd(fd: $0.fd, events: Int16(POLLIN), revents: 0) }
            let ready = poll(&fds, nfds_t(fds.count), wait)  // with no pipes left, a sleep
            if ready == 0 && leaderExitedAt != nil { break }
            // stdout first: a program writes there before it writes to stderr about it.
            var closed: [Int32] = []
            for (index, fd) in fds.enumerated() where fd.revents != 0 {
                let count = buffer.withUnsafeMutableBytes { read(fd.fd, $0.baseAddress, $0.count) }
                if count <= 0 {
                    closed.append(fd.fd)
                } else if !halted, !consume(open[index].process, open[index].stream, buffer[0..<count]) {
                    halt(.stopped)
                }
            }
            closed.forEach { close($0) }
            open.removeAll { closed.contains($0.fd) }
        }
        for (index, pid) in pids.enumerated() {
            if !exited[index] { kill(-pid, SIGKILL) }
            waitpid(pid, &statuses[index], 0)  // reap it (after its kill, if it was still running)
        }
        return pids.indices.map { index in
            if let ending = endings[index] { return ending }
            let signal = statuses[index] & 0x7f
            return signal == 0 ? .exited((statuses[index] >> 8) & 0xff) : .signalled(signal)
        }
    }

    /// Whether the child has exited, without reaping it: until it is reaped its process
    /// group id cannot be given to another process, so killing the group stays safe.
    private static func hasExited(_ pid: pid_t) -> Bool {
        var info = siginfo_t()
        return waitid(P_PID, id_t(pid), &info, WEXITED | WNOHANG | WNOWAIT) == 0
            && info._sifields._sigchld.si_pid == pid
    }

    /// Starts the program with stdin from `input` (or /dev/null) and each `descriptors` key
    /// made a copy of its value, in a new process group, with default signal handling.
    private func spawn(_ descriptors: [Int32: Int32]) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, input ?? "/dev/null", O_RDONLY, 0)
        // Every source descriptor is above 9 (see DescriptorPipe), so no dup2 clobbers another; the
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
        posix_spawnattr_setflags(
            &attributes, Int16(POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))

        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
        defer { (argv + envp).forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, executable, &actions, &attributes, argv, envp)
        guard result == 0 else {
            throw DescentError("cannot start \(executable): \(String(cString: strerror(result)))")
        }
        return pid
    }
}

/// A pipe whose ends are closed on exec and numbered above 9, clear of the descriptors a
/// child is given.
package struct DescriptorPipe {
    package let read: Int32
    package let write: Int32

    package init() throws {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw DescentError("cannot create a pipe: \(String(cString: strerror(errno)))") }
        let moved = fds.map { fd -> Int32 in
            let high = fcntl(fd, F_DUPFD_CLOEXEC, 10)
            close(fd)
            return high
        }
        guard moved.allSatisfy({ $0 >= 0 }) else {
            throw DescentError("cannot create a pipe: \(String(cString: strerror(errno)))")
        }
        read = moved[0]
        write = moved[1]
    }
}
