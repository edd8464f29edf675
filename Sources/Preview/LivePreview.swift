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
            var now = FolderSnapshot(of: lessons)
            guard now != seen else { continue }
            now = settled(now)
            let changed = now.changes(since: seen)
            seen = now
            guard !changed.isEmpty, !stopped() else { continue }
            generation.advance(problem: rebuild(.files(changed)).problem)
        }
    }

    /// The folder once a save is over: snapshots taken `interval / 4` apart until two agree
    /// (at most ten). An editor or a tool that saves through a file of its own beside the
    /// lesson (`sed -i`, vim's `4913`, `x.md.tmp` renamed over `x.md`) has removed it by
    /// then, and the save is one change, not three.
    func settled(_ first: FolderSnapshot) -> FolderSnapshot {
        var last = first
        for _ in 0..<10 {
            Thread.sleep(forTimeInterval: interval / 4)
            let next = FolderSnapshot(of: lessons)
            if next == last { break }
            last = next
        }
        return last
    }
}
