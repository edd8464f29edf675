import Foundation

/// The preview's loop: build the whole site once, then watch the lessons folder and rebuild
/// with what changed each time a file is saved; after each build, tell the pages (which
/// reload). Files saved while a build runs are rebuilt right after it.
public struct LivePreview {
    public let lessons: URL
    public let generation: BuildGeneration
    /// How often the folder is looked at, in seconds.
    public var interval: TimeInterval = 0.1
    let rebuild: SiteRebuild

    public init(lessons: URL, generation: BuildGeneration, rebuild: @escaping SiteRebuild) {
        self.lessons = lessons
        self.generation = generation
        self.rebuild = rebuild
    }

    /// Builds, then watches and rebuilds until `stopped()` is true (asked between polls and
    /// builds), on the calling thread.
    public func run(until stopped: () -> Bool) {
        var seen = FolderSnapshot(of: lessons)
        generation.advance(problem: rebuild(.all).problem)
        while !stopped() {
            Thread.sleep(forTimeInterval: interval)
            let now = FolderSnapshot(of: lessons)
            let changed = now.changes(since: seen)
            guard !changed.isEmpty, !stopped() else { continue }
            seen = now
            generation.advance(problem: rebuild(.files(changed)).problem)
        }
    }
}
