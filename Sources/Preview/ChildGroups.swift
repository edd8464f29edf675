import Foundation

/// The processes this one started and that still run: each in a process group of its own
/// (as descent starts compilers, lesson programs and helpers), so a Ctrl-C at the terminal
/// does not reach them and a server that stops must end them itself.
public enum ChildGroups {
    /// Kills (SIGKILL) every child of this process and its process group, where the child
    /// leads one: whatever a lesson program started dies with it. Linux only (it reads
    /// `/proc`); elsewhere it does nothing.
    public static func killAll() {
        let me = getpid()
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        for pid in entries.compactMap({ pid_t($0) }) where parent(of: pid) == me {
            if getpgid(pid) == pid { kill(-pid, SIGKILL) }
            kill(pid, SIGKILL)
        }
    }

    /// The parent of `pid`, from `/proc/PID/stat`: `pid (name) state ppid …`, where the
    /// name may hold spaces and parentheses, so the fields are counted after the last `)`.
    static func parent(of pid: pid_t) -> pid_t? {
        guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
            let close = stat.range(of: ")", options: .backwards)
        else { return nil }
        let fields = stat[close.upperBound...].split(separator: " ")
        return fields.count > 1 ? pid_t(fields[1]) : nil
    }
}
