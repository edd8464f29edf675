import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// `ChildProcess` with the two extra descriptors of a grading program: fd 3 holds the key
/// (written and closed before the program starts), fd 4 is the write end of the result
/// channel, read here as a third stream.
struct SandboxedProcess {
    enum Stream { case stdout, stderr, results }

    var executable: String
    var arguments: [String]
    var environment: [String: String]
    var key: [UInt8]

    func run(deadline: () -> DispatchTime, consume: (Stream, ArraySlice<UInt8>) -> Bool) throws -> ChildProcess.Ending {
        let out = try pipePair(), err = try pipePair(), keys = try pipePair(), results = try pipePair()
        let written = key.withUnsafeBytes { write(keys.write, $0.baseAddress, $0.count) }
        close(keys.write)
        guard written == key.count else {
            [out.read, out.write, err.read, err.write, keys.read, results.read, results.write].forEach { close($0) }
            throw RunnerError("cannot pass the grading key: \(String(cString: strerror(errno)))")
        }
        let pid: pid_t
        do {
            pid = try spawn(stdout: out.write, stderr: err.write, key: keys.read, results: results.write)
        } catch {
            [out.read, out.write, err.read, err.write, keys.read, results.read, results.write].forEach { close($0) }
            throw error
        }
        [out.write, err.write, keys.read, results.write].forEach { close($0) }
        var open: [(fd: Int32, stream: Stream)] = [(out.read, .stdout), (err.read, .stderr), (results.read, .results)]
        defer { open.forEach { close($0.fd) } }
        var ending: ChildProcess.Ending?
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
            if ready == 0 && exited { break }
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
            for fd in closed { close(fd) }
            open.removeAll { closed.contains($0.fd) }
            if !exited && waitpid(pid, &status, WNOHANG) == pid {
                exited = true
                kill(-pid, SIGKILL)
            }
        }
        if !exited { waitpid(pid, &status, 0) }
        kill(-pid, SIGKILL)
        if let ending { return ending }
        let signal = status & 0x7f
        return signal == 0 ? .exited((status >> 8) & 0xff) : .signalled(signal)
    }

    private func spawn(stdout: Int32, stderr: Int32, key: Int32, results: Int32) throws -> pid_t {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        // Every source descriptor is above 4 (see pipePair), so no dup2 clobbers another.
        posix_spawn_file_actions_adddup2(&actions, stdout, 1)
        posix_spawn_file_actions_adddup2(&actions, stderr, 2)
        posix_spawn_file_actions_adddup2(&actions, key, 3)
        posix_spawn_file_actions_adddup2(&actions, results, 4)

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

    /// A pipe whose ends are close-on-exec and numbered above 4.
    private func pipePair() throws -> (read: Int32, write: Int32) {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { throw RunnerError("cannot create a pipe: \(String(cString: strerror(errno)))") }
        let moved = fds.map { fd -> Int32 in
            let high = fcntl(fd, F_DUPFD_CLOEXEC, 10)
            close(fd)
            return high
        }
        guard moved.allSatisfy({ $0 >= 0 }) else { throw RunnerError("cannot create a pipe: \(String(cString: strerror(errno)))") }
        return (moved[0], moved[1])
    }
}
