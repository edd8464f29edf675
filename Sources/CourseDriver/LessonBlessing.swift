import Foundation
import LessonParser
import LessonRunner

/// The write stage of `test --bless`: a lesson's failing expected outputs rewritten in its
/// file (see `Blesser` for which lines change).
public enum LessonBlessing {
    /// What blessing one lesson did.
    public struct Outcome: Sendable {
        /// Expected outputs rewritten in the file.
        public var rewritten = 0
        /// Failures that cannot be blessed (not an output that differs), at their place.
        public var refused: [Diagnostic] = []
        /// Whether the file changed while its lesson ran, so that nothing was written.
        public var fileChanged = false
    }

    /// Rewrites the failing expected outputs of `run` in `file`, whole (see `AtomicFile`),
    /// unless the file changed since it was read.
    public static func bless(_ run: LessonRun, file: String) throws -> Outcome {
        let url = URL(fileURLWithPath: file)
        let text = (try? Data(contentsOf: url)).map { String(decoding: $0, as: UTF8.self) } ?? ""
        let unchanged = LessonReader.parse(text, file: file).lesson.source == run.lesson.source
        let blessing = Blesser.bless(run, text: unchanged ? text : run.lesson.source)
        var outcome = Outcome(refused: blessing.refused)
        guard blessing.count > 0 else { return outcome }
        guard unchanged else {
            outcome.fileChanged = true
            return outcome
        }
        try AtomicFile.write(Data(blessing.source.utf8), to: url)
        outcome.rewritten = blessing.count
        return outcome
    }
}
