import Foundation
import Yams

/// The course as a whole: its front page and metadata, read from the optional file
/// `course.yml` in the lessons folder. It is not a lesson (lessons are the folder's `.md`
/// files); a folder without it gets `Course()`, plain defaults.
///
/// ```yaml
/// title: Descent                        # the site's name, on every page (default "Course")
/// subtitle: the mathematics of …        # after the title in the front page's <title>
/// description: A literate course …      # the front page's <meta name="description">
/// introduction: |                       # Markdown (no math), under the front page's title
///   The mathematics of training …
/// author: Ada Lovelace                  # <meta name="author"> and the footer
/// language: en                          # <html lang>, a BCP 47 tag (default "en")
/// licence: CC BY-SA 4.0                 # the footer
/// repository: https://example.org/x.git # linked from the footer (http or https)
/// ```
public struct Course: Sendable, Equatable {
    /// The file's name in the lessons folder.
    public static let fileName = "course.yml"

    public var title = "Course"
    public var subtitle: String?
    public var description: String?
    /// Markdown.
    public var introduction: String?
    public var author: String?
    public var language = "en"
    public var licence: String?
    public var repository: String?

    public init() {}

    /// The course file of `folder`, or the defaults when there is none; what is wrong in it
    /// is a diagnostic at its line (and that key keeps its default).
    public static func read(folder: String) -> (course: Course, diagnostics: [Diagnostic]) {
        let file = (folder as NSString).appendingPathComponent(fileName)
        guard FileManager.default.fileExists(atPath: file) else { return (Course(), []) }
        guard let data = FileManager.default.contents(atPath: file), let text = String(data: data, encoding: .utf8)
        else {
            return (Course(), [Diagnostic(file: file, line: 1, "cannot read \(fileName) as UTF-8 text")])
        }
        return parse(text, file: file)
    }

    /// Reads the text of a course file named `file` (for diagnostics).
    public static func parse(_ yaml: String, file: String) -> (course: Course, diagnostics: [Diagnostic]) {
        func diagnostic(_ mark: Mark?, _ message: String) -> Diagnostic {
            Diagnostic(file: file, line: mark?.line ?? 1, column: mark?.column ?? 1, message)
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml.replacingOccurrences(of: "\r\n", with: "\n"))
        } catch let error as YamlError {
            let (mark, problem) = error.located
            return (Course(), [diagnostic(mark, "malformed \(fileName): \(problem)")])
        } catch {
            return (Course(), [Diagnostic(file: file, line: 1, "malformed \(fileName): \(error)")])
        }
        guard let root else { return (Course(), []) }
        guard case .mapping(let mapping) = root else {
            return (Course(), [diagnostic(root.mark, "\(fileName) must be a mapping of keys to values")])
        }
        var course = Course()
        var diagnostics: [Diagnostic] = []
        for (key, node) in mapping {
            let name = key.string ?? ""
            guard keys.contains(name) else {
                diagnostics.append(
                    diagnostic(
                        key.mark, "unknown key '\(name)' in \(fileName) (expected \(keys.joined(separator: ", ")))"))
                continue
            }
            guard case .scalar(let scalar) = node,
                !scalar.string.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty
            else {
                diagnostics.append(diagnostic(node.mark, "'\(name)' must be text"))
                continue
            }
            if let problem = problem(with: name, scalar.string) {
                diagnostics.append(diagnostic(node.mark, problem))
            } else {
                course.set(name, to: scalar.string)
            }
        }
        return (course, diagnostics)
    }
}

// MARK: - Private

private extension Course {
    static let keys = [
        "title", "subtitle", "description", "introduction", "author", "language", "licence", "repository",
    ]

    /// Sets the value of `key`, one of `keys`.
    mutating func set(_ key: String, to value: String) {
        switch key {
        case "title": title = value
        case "subtitle": subtitle = value
        case "description": description = value
        case "introduction": introduction = value
        case "author": author = value
        case "language": language = value
        case "licence": licence = value
        default: repository = value
        }
    }

    /// Why `value` cannot be the `key`, if it cannot.
    static func problem(with key: String, _ value: String) -> String? {
        switch key {
        case "language"
        where value.range(of: #"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$"#, options: .regularExpression) == nil:
            "'language' must be a BCP 47 language tag such as en, fr or zh-Hant, not '\(value)'"
        case "repository"
        where !(value.hasPrefix("https://") || value.hasPrefix("http://")) || value.contains(where: \.isWhitespace):
            "'repository' must be an http or https address, not '\(value)'"
        default:
            nil
        }
    }
}
