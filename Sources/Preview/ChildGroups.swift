import Foundation

/// The processes this one started, and theirs, that still run. descent starts compilers,
/// lesson programs and helpers each in a process group of its own (and a compiler may
/// start its tools in others), so a Ctrl-C at the terminal does not reach them and a server
/// that stops must end them itself.
public enum ChildGroups {
    /// Kills (SIGKILL) every descendant of this process, and the process group of each that
    /// leads one. Linux only (it reads `/proc`); elsewhere it does nothing.
    public static func killAll() {
        let me = getpid()
        for pid in descendants(of: me, parents: parents()) {
            if getpgid(pid) == pid && pid != getpgid(me) { kill(-pid, SIGKILL) }
            kill(pid, SIGKILL)
        }
    }

    /// Every process under `root` in the tree `parents` (process → its parent).
    static func descendants(of root: pid_t, parents: [pid_t: pid_t]) -> [pid_t] {
        var children: [pid_t: [pid_t]] = [:]
        for (pid, parent) in parents { children[parent, default: []].append(pid) }
        var found: [pid_t] = []
        var pending = [root]
        while let pid = pending.popLast() {
            let next = children[pid] ?? []
            found += next
            pending += next
        }
        return found
    }

    /// Each running process's parent, from `/proc/PID/stat`: `pid (name) state ppid …`,
    /// where the name may hold spaces and parentheses, so fields are counted after the last `)`.
    static func parents() -> [pid_t: pid_t] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        var parents: [pid_t: pid_t] = [:]
        for pid in entries.compactMap({ pid_t($0) }) {
            guard let stat = try? String(contentsOfFile: "/proc/\(pid)/stat", encoding: .utf8),
                let close = stat.range(of: ")", options: .backwards)
            else { continue }
            let fields = stat[close.upperBound...].split(separator: " ")
            if fields.count > 1, let parent = pid_t(fields[1]) { parents[pid] = parent }
        }
        return parents
    }
}
