import ArgumentParser
import Foundation
import LessonRunner

/// The option of the commands that write a folder, and the claim every one of them makes on
/// its folder before any work starts (see `OutputFolder` for which folders it refuses).
struct OutputOptions: ParsableArguments {
    @Flag(
        help:
            "Replace the output folder even when it holds files descent did not write (never the lessons, a .git, or the current or home folder)."
    )
    var force = false

    /// Claims `out` for this command, which reads the lessons at `lessons`; waits, saying
    /// so, while another descent writes there.
    func claim(_ out: String, protecting lessons: [String]) throws -> OutputFolder {
        try OutputFolder.claim(out, protecting: lessons, force: force) { message in
            FileHandle.standardError.write(Data("\(message)\n".utf8))
        }
    }
}
