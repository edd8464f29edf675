import Foundation

/// What the Swift runtime's backtracer wrote about a lesson program that crashed, read for
/// the one thing a lesson's author needs: the lesson statement that led to the crash.
///
/// A lesson program runs with `SWIFT_BACKTRACE` set by `environment(folder:)`: on a trap the
/// runtime's backtracer writes a JSON report (`kind: crashReport`) into `folder`, its frames
/// symbolicated with the source locations that the program's debug information gives. The
/// program is compiled from `#sourceLocation` blocks, so a frame in lesson code names the
/// lesson file and line; frames in the standard library or the core library name theirs.
struct CrashReport: Decodable {
    struct Thread: Decodable {
        var crashed: Bool?
        var frames: [Frame]
    }

    struct Frame: Decodable {
        var description: String?
        var sourceLocation: SourceLocation?
    }

    struct SourceLocation: Decodable {
        var file: String
        var line: Int
        var column: Int
    }

    var threads: [Thread]

    /// The value of `SWIFT_BACKTRACE` that makes a crashing program write its report, as
    /// JSON, into `folder` (and nothing on its stdout or stderr but one line of progress).
    static func environment(folder: URL) -> String {
        [
            "enable=yes", "interactive=no", "color=no", "format=json", "output-to=\(folder.path)",
            "threads=crashed", "registers=none", "images=none", "sanitize=no", "symbolicate=full",
        ].joined(separator: ",")
    }

    /// The first report in `folder`, if the program wrote one.
    static func read(from folder: URL) -> CrashReport? {
        let reports = (try? FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)) ?? []
        return reports.filter { $0.pathExtension == "json" }.sorted { $0.path < $1.path }.lazy
            .compactMap { try? Data(contentsOf: $0) }
            .compactMap { try? JSONDecoder().decode(CrashReport.self, from: $0) }
            .first
    }

    /// The crashed thread's frames, innermost first.
    var crashedFrames: [Frame] {
        (threads.first { $0.crashed == true } ?? threads.first)?.frames ?? []
    }

    /// The function that called itself over and over, when that is how the stack ran out:
    /// one function in most of the captured frames (the backtracer captures the top 64).
    var runawayRecursion: String? {
        // A frame's description is `function + offset`.
        let functions = crashedFrames.compactMap { frame -> String? in
            guard let description = frame.description, let plus = description.range(of: " + ") else { return nil }
            return String(description[..<plus.lowerBound])
        }
        let counts = Dictionary(functions.map { ($0, 1) }, uniquingKeysWith: +)
        guard let (function, count) = counts.max(by: { ($0.value, $1.key) < ($1.value, $0.key) }), count >= 32 else {
            return nil
        }
        return function
    }

    /// The runtime's name for a check the compiler inlined (`arithmetic overflow`), which it
    /// reports as the innermost frame rather than as a message.
    var runtimeFailure: String? {
        let prefix = "Swift runtime failure: "
        return crashedFrames.first?.description.flatMap {
            $0.hasPrefix(prefix) ? String($0.dropFirst(prefix.count)) : nil
        }
    }
}
