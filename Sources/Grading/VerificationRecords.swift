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

    /// The records of lessons verified with `executor`'s toolchain by this descent.
    package init(cache: ContentCache, executor: GradingExecutor) {
        self.cache = cache
        self.fingerprint = executor.toolchain.fingerprint + "\n" + ContentCache.stamp(of: "/proc/self/exe")
    }

    /// Records each of `lessons` that no problem of a verification names (every problem
    /// begins with its lesson's file); none when a problem names no lesson.
    package func recordVerified(_ lessons: [Lesson], problems: [String]) {
        let named = lessons.filter { lesson in problems.contains { $0.hasPrefix(lesson.file + ":") } }
        guard problems.allSatisfy({ problem in named.contains { problem.hasPrefix($0.file + ":") } }) else { return }
        for lesson in lessons where !named.contains(where: { $0.file == lesson.file }) {
            _ = try? cache.store(Data(), Self.kind, key(lesson))
        }
    }

    package func isVerified(_ lesson: Lesson) -> Bool {
        cache.lookup(Self.kind, key(lesson)) != nil
    }

    /// The cache's kind of entry for verified lessons.
    static let kind = "verified-exercises"

    private func key(_ lesson: Lesson) -> String {
        let blocks = lesson.codeBlocks.map { block in
            "\(block.role)\n\(String(reflecting: block.attributes))\n\(block.code)"
        }
        let parameters = lesson.frontMatter.params.map { "\($0.name)=\($0.value.encoded)" }
        return ContentCache.key([fingerprint, parameters.joined(separator: "\n")] + blocks)
    }
}
