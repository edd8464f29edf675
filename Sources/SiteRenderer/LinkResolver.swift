import Foundation
import LessonParser

/// Where a lesson's links and images point in the site, checked before the page is written.
///
/// - A destination with a scheme (`https:`, `mailto:`) or starting `//` is left alone; an
///   image from the web gets a warning, since the site should read the same offline.
/// - `#anchor` must be an id of this page.
/// - `other-lesson.md` or `other-lesson.md#anchor` (how authors link, so that links also work
///   when the Markdown is read as it is) must name a lesson of the course and one of its ids;
///   it becomes `other-lesson.html#anchor`.
/// - `name.svg` that names a figure the lesson draws points at that figure.
/// - Any other path is a file beside the lesson; it must exist and stay inside the lessons
///   folder, and is copied to the lesson's folder in the site.
struct LinkResolver {
    /// Where a destination points.
    struct Target {
        var href: String
        /// A file to copy into the site: its path there and where it is now.
        var asset: (path: String, source: URL)?
        /// Something the author should know, though the target is sound.
        var warning: String?
    }

    let lesson: PreparedLesson
    /// Every lesson of the course, by its file name.
    let lessons: [String: PreparedLesson]

    /// The target of `destination`, or what is wrong with it; `what` is "link" or "image".
    func resolve(_ destination: String, what: String) -> Result<Target, DescentError> {
        guard !destination.isEmpty else { return .success(Target(href: destination)) }
        if Self.isExternal(destination) {
            let warning =
                what == "image" && !destination.hasPrefix("data:")
                ? "image '\(destination)' comes from the web, so the site shows it only online (put the file beside the lesson to ship it with the site)"
                : nil
            return .success(Target(href: destination, warning: warning))
        }
        let parts = destination.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false)
        let path = String(parts[0]).removingPercentEncoding ?? String(parts[0])
        let fragment = parts.count > 1 ? String(parts[1]) : nil

        if path.isEmpty {
            guard let fragment, lesson.ids.contains(fragment) else {
                return .failure(
                    DescentError(
                        "\(what) to '\(destination)': this lesson has no heading or block with that anchor\(suggestion(fragment ?? "", in: lesson))"
                    ))
            }
            return .success(Target(href: destination))
        }
        if path.hasSuffix(".md") {
            let name = (path as NSString).lastPathComponent
            guard let target = lessons[name] else {
                let known = lessons.keys.sorted().joined(separator: ", ")
                return .failure(
                    DescentError(
                        "\(what) to '\(destination)': there is no lesson '\(name)' in the course (lessons: \(known))"))
            }
            if let fragment, !target.ids.contains(fragment) {
                return .failure(
                    DescentError(
                        "\(what) to '\(destination)': lesson '\(name)' has no heading with anchor '#\(fragment)'\(suggestion(fragment, in: target))"
                    ))
            }
            return .success(Target(href: target.page + (fragment.map { "#\($0)" } ?? "")))
        }
        if figures.contains(path) {
            return .success(Target(href: "\(lesson.slug)/\(destination)"))
        }
        let components = path.split(separator: "/")
        guard !path.hasPrefix("/"), !components.contains("..") else {
            return .failure(
                DescentError(
                    "\(what) '\(destination)' must be a path inside the lessons folder (no leading '/', no '..')")
            )
        }
        let source = lessonFolder.appendingPathComponent(path)
        guard FileManager.default.fileExists(atPath: source.path) else {
            return .failure(DescentError("\(what) '\(destination)' does not exist (looked for \(source.relativePath))"))
        }
        let sitePath = "\(lesson.slug)/\(path)"
        return .success(Target(href: "\(lesson.slug)/\(destination)", asset: (sitePath, source)))
    }
}

// MARK: - Private

private extension LinkResolver {
    static func isExternal(_ destination: String) -> Bool {
        if destination.hasPrefix("//") { return true }
        guard let colon = destination.firstIndex(of: ":") else { return false }
        let scheme = destination[..<colon]
        return scheme.first?.isLetter == true && scheme.allSatisfy { $0.isLetter || $0.isNumber || "+-.".contains($0) }
    }

    var figures: Set<String> {
        Set(lesson.input.run?.cells.flatMap(\.figures).map { "\($0.name).svg" } ?? [])
    }

    var lessonFolder: URL {
        URL(fileURLWithPath: (lesson.lesson.file as NSString).deletingLastPathComponent, isDirectory: true)
    }

    /// " (did you mean '#x'?)" when an id of `page` is close to `fragment`.
    func suggestion(_ fragment: String, in page: PreparedLesson) -> String {
        let wanted = Anchors.slug(fragment)
        guard
            let close = page.ids.sorted().first(where: { $0 == wanted || $0.hasPrefix(wanted) || wanted.hasPrefix($0) })
        else { return "" }
        return " (did you mean '#\(close)'?)"
    }
}
