import ArgumentParser
import Foundation
import LessonParser

/// Options shared by the commands that run lessons.
struct LessonOptions: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp("Folder of lessons.", valueName: "dir"))
    var lessons = "lessons"

    @Option(
        name: .customLong("set"),
        help: ArgumentHelp("Override a hyperparameter (outputs are then shown, not checked).", valueName: "name=value"))
    var overrides: [String] = []

    @Flag(name: .shortAndLong, help: "Print only errors and the closing count.")
    var quiet = false

    /// The overrides as name → text, validated for form.
    func overrideTexts() throws -> [(name: String, text: String)] {
        try overrides.map { item in
            guard let equals = item.firstIndex(of: "="), equals != item.startIndex else {
                throw ValidationError("--set needs NAME=VALUE, not '\(item)'")
            }
            return (String(item[..<equals]), String(item[item.index(after: equals)...]))
        }
    }

    /// The lesson files to run: the named ones (paths, or names in the lessons folder, with
    /// or without `.md`), else every `*.md` of the lessons folder, in name order.
    func lessonFiles(_ names: [String]) throws -> [String] {
        let manager = FileManager.default
        guard !names.isEmpty else {
            guard let files = try? manager.contentsOfDirectory(atPath: lessons) else {
                throw CommandError("no lessons folder at '\(lessons)'")
            }
            return files.filter { $0.hasSuffix(".md") }.sorted().map {
                (lessons as NSString).appendingPathComponent($0)
            }
        }
        return try names.map { name in
            let candidates = [
                name, (lessons as NSString).appendingPathComponent(name),
                (lessons as NSString).appendingPathComponent(name + ".md"),
            ]
            guard let found = candidates.first(where: { manager.fileExists(atPath: $0) }) else {
                throw CommandError("no lesson '\(name)' (looked for \(candidates.joined(separator: ", ")))")
            }
            return found
        }
    }
}
