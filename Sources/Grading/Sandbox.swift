import Foundation
import LessonParser
import LessonRunner

/// Where code under grading runs: a bubblewrap container with no network, no view of the
/// host's files but the system libraries and the program itself, nothing writable, its own
/// PID namespace (everything in it dies with it), a user of its own, and resource limits.
///
/// The command is `bwrap … -- setpriv --reuid=U … -- prlimit --as=… -- /grading/program`:
/// bwrap builds the container and starts `setpriv` with only the capabilities needed to
/// change user; `setpriv` becomes user `U` (a different one per parallel job, so a process
/// limit is per job) and drops every capability; `prlimit` sets the limits and runs the
/// program. Around it all, a control group (see `ControlGroup`) limits the memory, CPU share
/// and processes of the whole tree, and kills the whole tree when the run is over. A limit
/// that cannot be set stops the run: `probe()` shows them before grading.
public struct Sandbox: Sendable {
    /// Bytes of address space (`RLIMIT_AS`).
    public var memory = 2 << 30
    /// Bytes any file may grow to (`RLIMIT_FSIZE`); nothing is writable anyway.
    public var fileSize = 1 << 20
    /// Processes and threads of the sandbox's user (`RLIMIT_NPROC`).
    public var processes = 32
    /// Open files (`RLIMIT_NOFILE`).
    public var openFiles = 64
    /// The user of parallel job `slot` is `firstUser + slot`. Each `descent` picks a block of
    /// 64 users from its process id, so that two graders running at once (say, the tests)
    /// rarely share a user, and so a process limit.
    public var firstUser = 61000 + 64 * Int(getpid() % 1000)
    /// The most parallel jobs one sandbox serves.
    public static let maximumJobs = 64
    /// Cores the whole tree of one run may use.
    public var cpus = 1

    let bwrap: String
    let setpriv: String
    let prlimit: String
    let controlGroups: ControlGroups

    /// A control group for one run: `memory` bytes, `cpus` cores, the processes the
    /// limit allows and the few (`sh`, `bwrap`, its init) that start them.
    func controlGroup(memory: Int) throws -> ControlGroup {
        try controlGroups.make(memory: memory, cpus: cpus, processes: processes + 8)
    }

    /// Finds bubblewrap, setpriv and prlimit, or says what is missing.
    public static func locate() throws -> Sandbox {
        guard getuid() == 0 else {
            throw DescentError(
                "cannot sandbox code under grading: descent grade must run as root, to run each job as a user of its own (the process limit is per user)"
            )
        }
        func find(_ name: String, package: String) throws -> String {
            for folder in ["/usr/bin", "/bin", "/usr/sbin", "/usr/local/bin"]
            where FileManager.default.isExecutableFile(atPath: "\(folder)/\(name)") {
                return "\(folder)/\(name)"
            }
            throw DescentError(
                "cannot sandbox code under grading: \(name) is not installed (apt-get install \(package))")
        }
        return Sandbox(
            bwrap: try find("bwrap", package: "bubblewrap"), setpriv: try find("setpriv", package: "util-linux"),
            prlimit: try find("prlimit", package: "util-linux"), controlGroups: try ControlGroups.locate())
    }

    /// The limits, as `prlimit` options, with a description of each.
    var limits: [(option: String, resource: String, value: Int, description: String)] {
        [
            ("--as", "AS", memory, "address space \(memory >> 20) MiB"),
            ("--fsize", "FSIZE", fileSize, "file size \(fileSize >> 10) KiB"),
            ("--nproc", "NPROC", processes, "\(processes) processes and threads"),
            ("--nofile", "NOFILE", openFiles, "\(openFiles) open files"),
            ("--core", "CORE", 0, "no core dumps"),
        ]
    }

    /// The container's arguments for bwrap: no network, its own PID namespace, the system
    /// folders and `readable` read-only, nothing writable but, with `privateTmp`, an empty
    /// /tmp of its own. That /tmp is mounted before `readable`, so a readable folder under the
    /// host's /tmp (a clone of the course there) stays in sight.
    private func container(readable: [String], privateTmp: Bool = false) -> [String] {
        var arguments = [
            "--die-with-parent", "--new-session", "--unshare-net", "--unshare-pid", "--unshare-ipc",
            "--unshare-uts", "--unshare-cgroup-try", "--clearenv", "--chdir", "/",
        ]
        for folder in ["/etc", "/grading"] { arguments += ["--perms", "0755", "--dir", folder] }
        if privateTmp { arguments += ["--perms", "1777", "--tmpfs", "/tmp"] }
        arguments += ["--ro-bind", "/usr", "/usr"]
        for link in ["bin", "lib", "lib64", "sbin"] {
            let target = (try? FileManager.default.destinationOfSymbolicLink(atPath: "/\(link)")) ?? ""
            arguments +=
                target.hasPrefix("usr/") || target.hasPrefix("/usr/")
                ? ["--symlink", target, "/\(link)"] : ["--ro-bind-try", "/\(link)", "/\(link)"]
        }
        arguments += [
            "--ro-bind-try", "/etc/ld.so.cache", "/etc/ld.so.cache", "--ro-bind-try", "/etc/alternatives",
            "/etc/alternatives",
        ]
        // Folders outside /usr (the Swift toolchain, say), each with the folders on the way
        // searchable by the sandbox's user.
        for folder in readable where !folder.hasPrefix("/usr/") {
            var path = ""
            for component in folder.split(separator: "/").dropLast() {
                path += "/\(component)"
                arguments += ["--perms", "0755", "--dir", path]
            }
            arguments += ["--ro-bind", folder, folder]
        }
        return arguments + ["--dev", "/dev"]
    }

    /// The executable and arguments that run `program` in the sandbox as job `slot`, with
    /// `environment` as its whole environment and at most `cpuSeconds` of CPU time.
    func command(program: String, slot: Int, cpuSeconds: Int, environment: [String: String]) -> (String, [String]) {
        let user = String(firstUser + slot)
        var arguments = container(readable: Self.runtimeLibraryFolders) + ["--ro-bind", program, "/grading/program"]
        for (name, value) in environment.sorted(by: { $0.key < $1.key }) { arguments += ["--setenv", name, value] }
        arguments +=
            [
                "--cap-add", "CAP_SETUID", "--cap-add", "CAP_SETGID", "--",
                setpriv, "--reuid=\(user)", "--regid=\(user)", "--clear-groups", "--inh-caps=-all",
                "--bounding-set=-all", "--no-new-privs", "--",
                prlimit,
            ] + limits.map { "\($0.option)=\($0.value)" } + ["--cpu=\(cpuSeconds)", "--", "/grading/program"]
        return (bwrap, arguments)
    }

    /// The command prefix that runs the compiler in the sandbox: `readable` (the toolchain,
    /// the libraries' modules and objects) read-only, only `staging` writable, a private
    /// /tmp, no capabilities, at most `memory` bytes of address space.
    func compileCommand(readable: [String], staging: String, memory: Int) -> [String] {
        [bwrap] + container(readable: readable, privateTmp: true) + [
            "--proc", "/proc", "--bind", staging, staging,
            "--setenv", "PATH", "/usr/bin:/bin", "--setenv", "TMPDIR", "/tmp", "--setenv", "HOME", "/tmp",
            "--cap-drop", "ALL", "--", prlimit, "--as=\(memory)", "--core=0", "--",
        ]
    }

    /// Runs a probe in the sandbox and checks that every limit is in place and that the
    /// host's files are out of sight; returns one line per guarantee, or throws the first
    /// that does not hold.
    public func probe() throws -> [String] {
        let script =
            "prlimit --raw --noheadings --output=RESOURCE,SOFT; id -u; test -e /proc/1 && echo proc; test -e \(Self.shellQuoted(FileManager.default.currentDirectoryPath)) && echo host; true"
        var (executable, arguments) = command(
            program: "/bin/sh", slot: 0, cpuSeconds: 5, environment: ["PATH": "/usr/bin:/bin"])
        arguments.removeLast()
        arguments += ["/bin/sh", "-c", script]
        let group = try controlGroup(memory: memory)
        defer { group.destroy() }
        let joined = group.joinCommand + [executable] + arguments
        var output: [UInt8] = []
        let deadline = DispatchTime.now() + 30
        let ending = try ChildProcess(executable: joined[0], arguments: Array(joined.dropFirst())).run(deadline: {
            deadline
        }) { _, bytes in
            output += bytes
            return output.count < 1 << 16
        }
        let text = String(decoding: output, as: UTF8.self)
        guard ending == .exited(0) else {
            throw DescentError(
                "cannot sandbox code under grading: \(executable) failed (\(ending)):\n\(text.suffix(1000))")
        }
        let lines = text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        var report: [String] = []
        for limit in limits {
            let found = lines.first { $0.hasPrefix(limit.resource + " ") }?.split(separator: " ").last.flatMap {
                Int($0)
            }
            guard found == limit.value else {
                throw DescentError(
                    "cannot sandbox code under grading: the \(limit.description) limit is not in place (found \(found.map(String.init) ?? "none"))"
                )
            }
            report.append("limit: \(limit.description)")
        }
        guard lines.contains(String(firstUser)) else {
            throw DescentError("cannot sandbox code under grading: the program does not run as user \(firstUser)")
        }
        report.append("user: \(firstUser)+job, no capabilities, no new privileges")
        guard !lines.contains("proc"), !lines.contains("host") else {
            throw DescentError("cannot sandbox code under grading: host files are visible inside the sandbox")
        }
        report.append("files: system libraries and the program only, read-only; no /proc, no writable folder")
        try probeCompiler(group: group)
        report.append(
            "compiler: in the sandbox too, the toolchain and libraries read-only, only its output folder writable")
        report.append("network: none (own network namespace); own PID namespace, killed as a whole")
        report.append(
            "whole tree (control group): memory \(memory >> 20) MiB, \(cpus) CPU, \(processes + 8) processes, killed as a whole"
        )
        report.append("time: each block's timeout=; CPU time limited to the run's total")
        return report
    }

    /// Checks that the compiler's container hides the host's files and lets nothing but its
    /// output folder be written.
    private func probeCompiler(group: ControlGroup) throws {
        let staging = FileManager.default.temporaryDirectory.appendingPathComponent(
            "descent-probe-\(UUID().uuidString)"
        ).path
        try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: staging) }
        let here = Self.shellQuoted(FileManager.default.currentDirectoryPath)
        let script =
            "test -e \(here) && echo host; touch /usr/descent-probe 2>/dev/null && echo usr; touch \(Self.shellQuoted(staging))/out && echo staging; true"
        let command =
            group.joinCommand + compileCommand(readable: [], staging: staging, memory: memory) + [
                "/bin/sh", "-c", script,
            ]
        var output: [UInt8] = []
        let deadline = DispatchTime.now() + 30
        let ending = try ChildProcess(executable: command[0], arguments: Array(command.dropFirst())).run(deadline: {
            deadline
        }) { _, bytes in
            output += bytes
            return output.count < 1 << 16
        }
        let lines = String(decoding: output, as: UTF8.self).split(separator: "\n")
        guard ending == .exited(0), lines == ["staging"] else {
            throw DescentError(
                "cannot sandbox the compiler: its container is not as it should be (\(ending): \(lines.joined(separator: ", ")))"
            )
        }
    }

    /// The folders the Swift runtime libraries of lesson programs are loaded from.
    static var runtimeLibraryFolders: [String] {
        let environment = ProcessInfo.processInfo.environment
        let compiler = environment["SWIFT_EXEC"] ?? executablePath("swiftc") ?? "/usr/bin/swiftc"
        let usr = URL(fileURLWithPath: compiler).resolvingSymlinksInPath().deletingLastPathComponent()
            .deletingLastPathComponent()
        return [usr.appendingPathComponent("lib/swift/linux").path]
    }

    private static func shellQuoted(_ text: String) -> String {
        "'" + text.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
