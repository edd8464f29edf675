/// The one seam between the preview and the course's build: `descent serve` hands the
/// preview a function that rebuilds the site into the served folder, and calls it with
/// what changed. The site must be replaced whole (a page is never served half-written);
/// when it cannot be written, the previous site stays and the report says why.
public typealias SiteRebuild = (SourceChanges) -> BuildReport

/// What changed in the lessons folder since the last build.
public enum SourceChanges: Sendable, Equatable {
    /// The first build: every lesson.
    case all
    /// The files added, changed or removed, by their paths relative to the lessons folder.
    case files(Set<String>)
}

/// What a build reports to the preview.
public struct BuildReport: Sendable, Equatable {
    /// Why the site could not be written, so the previous one is still served; nil when it
    /// was written, also with failing blocks (its pages show them).
    public var problem: String?

    public init(problem: String? = nil) {
        self.problem = problem
    }
}
