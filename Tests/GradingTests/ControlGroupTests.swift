import Foundation
import LessonRunner
import Testing

@testable import Grading

/// The control group around a run holds its whole tree: its limits are set, and nothing of
/// it survives `destroy()`, not even a process that left the process group.
@Suite(.serialized) struct ControlGroupTests {
    @Test func limitsAreSetAndTheWholeTreeIsKilled() throws {
        let groups = try ControlGroups.locate()
        defer { groups.removeParent() }
        let group = try groups.make(memory: 256 << 20, cpus: 1, processes: 16)
        let memory = try String(contentsOfFile: group.folders[0] + "/memory.limit_in_bytes", encoding: .utf8)
        #expect(Int(memory.trimmingCharacters(in: .whitespacesAndNewlines)) == 256 << 20)
        #expect(try String(contentsOfFile: group.folders[1] + "/cpu.cfs_quota_us", encoding: .utf8).hasPrefix("100000"))
        #expect(try String(contentsOfFile: group.folders[2] + "/pids.max", encoding: .utf8).hasPrefix("16"))

        // A detached sleeper in a session of its own: out of reach of a process-group kill.
        let command = group.joinCommand + ["/bin/sh", "-c", "setsid sleep 300 > /dev/null 2>&1 < /dev/null & echo $!"]
        var output: [UInt8] = []
        let deadline = DispatchTime.now() + 20
        let ending = try ChildProcess(executable: command[0], arguments: Array(command.dropFirst())).run(deadline: {
            deadline
        }) { _, bytes in
            output += bytes
            return true
        }
        #expect(ending == .exited(0))
        let sleeper = try #require(
            pid_t(String(decoding: output, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)))
        #expect(kill(sleeper, 0) == 0, "the sleeper runs until the group is destroyed")
        group.destroy()
        usleep(100_000)
        // Gone, or a zombie waiting for whichever init adopted it.
        let state = (try? String(contentsOfFile: "/proc/\(sleeper)/stat", encoding: .utf8))?.split(separator: " ")
            .dropFirst(2).first
        #expect(state == nil || state == "Z", "the sleeper outlived its group: \(state ?? "")")
        #expect(!FileManager.default.fileExists(atPath: group.folders[0]))
        #expect(groups.live == 0)
    }

    @Test func aGroupCannotBeJoinedPastItsProcessLimit() throws {
        let groups = try ControlGroups.locate()
        defer { groups.removeParent() }
        let group = try groups.make(memory: 256 << 20, cpus: 1, processes: 4)
        defer { group.destroy() }
        let command =
            group.joinCommand + [
                "/bin/sh", "-c", "for i in 1 2 3 4 5 6 7 8; do sleep 5 & done 2>/dev/null; wait; echo done",
            ]
        var output: [UInt8] = []
        let deadline = DispatchTime.now() + 20
        _ = try ChildProcess(executable: command[0], arguments: Array(command.dropFirst())).run(deadline: { deadline })
        { _, bytes in
            output += bytes
            return true
        }
        let live = try String(contentsOfFile: group.folders[2] + "/pids.events", encoding: .utf8)
        #expect(live.contains("max") && !live.hasSuffix("max 0\n"), "\(live)")
    }
}
