import Foundation
import LessonParser
import LessonRunner

/// Lessons whose exercises `release` verified and found sound, remembered in the content
/// cache so that `descent test` does not grade an unchanged lesson's reference solutions and
/// stubs again (lesson 4's take minutes in the sandbox).
///
/// Only a verification that found nothing wrong is kept: a failure is graded again each time
/// and reported at the lines of the moment. The key covers all that grading reads: the front
/// matter's parameters and every code block's role, attributes and code, in order (not the prose, which
/// grading never runs, nor the blocks' lines, which only failures cite); the toolchain's
/// fingerprint (the compiler, and the lesson libraries by the hash of their sources); and the
/// running descent executable, which writes the grading programs and sets their limits.
package struct VerificationRecords: Sendable {
    let cache: ContentCache
    let fingerprint: String

    package init(cache: ContentCache, toolchain: Toolchain) {
        self.cache = cache
        self.fingerprint = toolchain.fingerprint + "\n" + ContentCache.stamp(of: "/proc/self/exe")
    }

    package func isVerified(_ lesson: Lesson) -> Bool {
        cache.lookup(Self.kind, key(lesson)) != nil
    }

    package func recordVerified(_ lesson: Lesson) {
        _ = try? cache.store(Data(), Self.kind, key(lesson))
    }

    /// The cache's kind of entry for verified lessons.
    static let kind = "verified-exercises"

    private func key(_ lesson: Lesson) -> String {
        let blocks = lesson.codeBlocks.map { block in
            "\(block.role)\n\(String(reflecting: block.attributes))\n\(block.code)"
        }
        return ContentCache.key([fingerprint, lesson.frontMatter.params.map { "\($0.name)=\($0.value.encoded)" }.joined(separator: "\n")] + blocks)
    }
}
