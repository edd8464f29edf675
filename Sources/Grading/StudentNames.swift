import Foundation
import LessonParser

/// Names the students of a class after their submissions' paths: each by the shortest
/// trailing part of its path that no other submission's path ends with (`alice`, `bob`;
/// `a/x` and `b/x` only when both end in `x`).
///
/// A path ending in `.md` is a single-file submission: it is named by the file's name
/// without `.md` when that is unique, else by its folders, so that `alice/03-try.md` and
/// `bob/03-try.md` are `alice` and `bob`. Names depend on the paths alone (not on what is
/// there), so every shard of a class names it alike.
public enum StudentNames {
    /// A name per path, in order; a submission given twice is an error.
    public static func names(for paths: [String]) throws -> [String] {
        let candidates = paths.map(Self.candidates)
        var owners: [String: Set<Int>] = [:]
        for (index, names) in candidates.enumerated() {
            for name in names { owners[name, default: []].insert(index) }
        }
        var seen: [String: String] = [:]
        for path in paths {
            let absolute = URL(fileURLWithPath: path).standardizedFileURL.path
            if let other = seen[absolute] {
                throw DescentError("the submission '\(path)' is given twice (also as '\(other)')")
            }
            seen[absolute] = path
        }
        return candidates.enumerated().map { index, names in
            names.first { owners[$0] == [index] } ?? paths[index]
        }
    }

    /// The names a path may take, shortest first: its trailing parts (for a single file,
    /// its name without `.md`, then its folders' trailing parts).
    static func candidates(_ path: String) -> [String] {
        var components = URL(fileURLWithPath: path).standardizedFileURL.pathComponents.filter { $0 != "/" }
        var names: [String] = []
        if let last = components.last, last.hasSuffix(".md"), last.count > 3 {
            names.append(String(last.dropLast(3)))
            components.removeLast()
        }
        for count in 1...max(1, components.count) where count <= components.count {
            names.append(components.suffix(count).joined(separator: "/"))
        }
        return names
    }
}
