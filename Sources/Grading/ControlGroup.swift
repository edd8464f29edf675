import Foundation
import LessonParser
import LessonRunner

#if canImport(Glibc)
    import Glibc
#endif

/// A control group (cgroup v1: the memory, cpu and pids controllers) that holds everything
/// one compile or one run of a submission starts, so that its limits hold for the whole
/// process tree and the whole tree can be killed.
///
/// A process joins it before anything of the submission runs: the command is wrapped in
/// `/bin/sh -c 'echo $$ > …/cgroup.procs; …; exec "$0" "$@"'`. Memory is limited with
/// swap included (`memory.memsw.limit_in_bytes` when the kernel accounts swap), CPU to
/// `cpus` cores by CFS quota, processes and threads by `pids.max`. `destroy()` kills every
/// process left in it, until none is, and removes it.
///
/// Groups are made inside the grader's own group of each controller (as `/proc/self/cgroup`
/// names it), in a folder `descent-<pid>` that `ControlGroups.removeParent()` removes.
/// A machine with only cgroup v2 is refused with a message (see `ControlGroups.locate`).
final class ControlGroup: @unchecked Sendable {
    /// The group's folder in each controller's hierarchy.
    let folders: [String]
    private let memoryFolder: String
    private let owner: ControlGroups

    fileprivate init(folders: [String], memoryFolder: String, owner: ControlGroups) {
        self.folders = folders
        self.memoryFolder = memoryFolder
        self.owner = owner
    }

    /// The command prefix that makes the process join the group, then run the command.
    var joinCommand: [String] {
        let joins = folders.map { "echo $$ > '\($0)/cgroup.procs'" }.joined(separator: " && ")
        return ["/bin/sh", "-c", joins + " && exec \"$0\" \"$@\""]
    }

    /// Whether the kernel's out-of-memory killer killed a process of the group.
    var ranOutOfMemory: Bool {
        let control = (try? String(contentsOfFile: memoryFolder + "/memory.oom_control", encoding: .utf8)) ?? ""
        let kills =
            control.split(separator: "\n").first { $0.hasPrefix("oom_kill ") }?.split(separator: " ").last.flatMap {
                Int($0)
            } ?? 0
        let failures =
            (try? String(contentsOfFile: memoryFolder + "/memory.failcnt", encoding: .utf8)).flatMap {
                Int($0.trimmingCharacters(in: .whitespacesAndNewlines))
            } ?? 0
        return kills > 0 || failures > 0
    }

    /// Kills every process in the group until none is left, then removes the group.
    func destroy() {
        for _ in 0..<500 {
            let pids = folders.flatMap { folder in
                ((try? String(contentsOfFile: folder + "/cgroup.procs", encoding: .utf8)) ?? "").split(separator: "\n")
                    .compactMap { pid_t($0) }
            }
            if pids.isEmpty { break }
            pids.forEach { kill($0, SIGKILL) }
            usleep(10_000)
        }
        // A folder can be removed only once no process is left in it.
        let removed = folders.map { rmdir($0) == 0 }.allSatisfy { $0 }
        if removed { owner.forget(folders) }
    }
}

/// Where the grader makes its control groups, and how many it has made.
final class ControlGroups: @unchecked Sendable {
    /// Each controller's folder for this grader: `<mount>/<own group>/descent-<pid>`.
    let parents: [(controller: String, folder: String)]
    /// The groups made and not yet emptied and removed.
    var live: Int {
        Self.lock.lock()
        defer { Self.lock.unlock() }
        return liveGroups.count
    }
    private var liveGroups: Set<[String]> = []

    fileprivate func forget(_ folders: [String]) {
        Self.lock.lock()
        liveGroups.remove(folders)
        Self.lock.unlock()
    }

    /// Groups made by this process, so far: every group's name is new.
    nonisolated(unsafe) private static var made = 0
    private static let lock = NSLock()

    private init(parents: [(controller: String, folder: String)]) {
        self.parents = parents
    }

    static let controllers = ["memory", "cpu", "pids"]

    /// Finds the cgroup v1 hierarchies of `controllers` and makes this grader's folders in
    /// them; throws, saying what is missing, where a limit could not be set.
    static func locate(root: String = "/sys/fs/cgroup") throws -> ControlGroups {
        let own = ((try? String(contentsOfFile: "/proc/self/cgroup", encoding: .utf8)) ?? "").split(separator: "\n")
        var parents: [(String, String)] = []
        for controller in controllers {
            let mount = "\(root)/\(controller)"
            guard FileManager.default.fileExists(atPath: mount + "/cgroup.procs") else {
                let unified = FileManager.default.fileExists(atPath: root + "/cgroup.controllers")
                throw DescentError(
                    "cannot limit code under grading as a whole: no cgroup v1 '\(controller)' hierarchy at \(mount)"
                        + (unified ? " (this machine has cgroup v2 only, which descent does not use yet)" : ""))
            }
            // `4:memory:/some/group` → /some/group
            let path =
                own.first {
                    $0.split(separator: ":", maxSplits: 2).dropFirst().first?.split(separator: ",").contains(
                        Substring(controller)) == true
                }
                .map { String($0.split(separator: ":", maxSplits: 2, omittingEmptySubsequences: false).last ?? "") }
                ?? "/"
            let base = FileManager.default.fileExists(atPath: mount + path) ? mount + (path == "/" ? "" : path) : mount
            let folder = base + "/descent-\(getpid())"
            guard mkdir(folder, 0o755) == 0 || errno == EEXIST else {
                throw DescentError(
                    "cannot limit code under grading as a whole: cannot make the control group \(folder): \(String(cString: strerror(errno)))"
                )
            }
            parents.append((controller, folder))
        }
        return ControlGroups(parents: parents)
    }

    /// A new group with these limits; throws if any limit does not hold.
    func make(memory: Int, cpus: Int, processes: Int) throws -> ControlGroup {
        Self.lock.lock()
        Self.made += 1
        let name = "run-\(Self.made)"
        Self.lock.unlock()
        var folders: [String] = []
        var memoryFolder = ""
        func fail(_ why: String) -> Error {
            folders.forEach { rmdir($0) }
            return DescentError("cannot limit code under grading as a whole: \(why)")
        }
        for (controller, parent) in parents {
            let folder = parent + "/" + name
            // The parent again if `removeParent()` removed it, perhaps just now in another thread.
            var made = false
            for _ in 0..<3 where !made {
                mkdir(parent, 0o755)
                made = mkdir(folder, 0o755) == 0
                if !made && errno != ENOENT { break }
            }
            guard made else { throw fail("cannot make \(folder): \(String(cString: strerror(errno)))") }
            folders.append(folder)
            var settings: [(String, String)]
            switch controller {
            case "memory":
                memoryFolder = folder
                settings = [("memory.limit_in_bytes", String(memory))]
                if FileManager.default.fileExists(atPath: folder + "/memory.memsw.limit_in_bytes") {
                    settings.append(("memory.memsw.limit_in_bytes", String(memory)))
                }
            case "cpu":
                settings = [("cpu.cfs_period_us", "100000"), ("cpu.cfs_quota_us", String(100_000 * cpus))]
            default:
                settings = [("pids.max", String(processes))]
            }
            for (file, value) in settings {
                let path = folder + "/" + file
                try? value.write(toFile: path, atomically: false, encoding: .utf8)
                let read = (try? String(contentsOfFile: path, encoding: .utf8))?.trimmingCharacters(
                    in: .whitespacesAndNewlines)
                // The kernel rounds memory limits to whole pages.
                let holds =
                    file.hasPrefix("memory.")
                    ? read.flatMap(Int.init).map { abs($0 - memory) < 4096 } ?? false : read == value
                guard holds else { throw fail("\(path) is \(read ?? "unreadable"), not \(value)") }
            }
        }
        Self.lock.lock()
        liveGroups.insert(folders)
        Self.lock.unlock()
        return ControlGroup(folders: folders, memoryFolder: memoryFolder, owner: self)
    }

    /// Removes this grader's folders (once every group in them is destroyed).
    func removeParent() {
        parents.forEach { rmdir($0.folder) }
    }
}
