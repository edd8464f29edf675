import Foundation
import LessonParser

@testable import LessonRunner
@testable import SiteRenderer

/// Typesets `tex` as `<m>tex</m>` (escaped), and rejects any formula containing `\bad`.
struct FakeTypesetter: MathTypesetter {
    func typeset(_ formulas: [Formula]) throws -> TypesetMath {
        let results = formulas.map { formula -> Result<String, DescentError> in
            formula.tex.contains(#"\bad"#)
                ? .failure(DescentError("Undefined control sequence: \\bad"))
                : .success("<m\(formula.display ? " display" : "")>\(escape(formula.tex))</m>")
        }
        return TypesetMath(results: results, assets: [:])
    }
}

/// Highlights a sample as `<hl>sample</hl>` (escaped).
struct FakeHighlighter: CodeHighlighter {
    func highlight(_ samples: [String]) throws -> [String] {
        samples.map { "<hl>\(escape($0))</hl>" }
    }
}

private func escape(_ text: String) -> String {
    text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
        .replacingOccurrences(of: ">", with: "&gt;")
}

/// A lesson parsed from `source` as `lessons/<slug>.md`, and, when `outputs` is given, a
/// run in which runnable block `i` printed `outputs[i]` with `statuses[i]`.
func siteLesson(
    _ slug: String, _ source: String, outputs: [String]? = nil,
    statuses: [CellRun.Status] = [], figures: [[Figure]] = []
) -> SiteLesson {
    let (lesson, problems) = LessonReader.parse(source, file: "lessons/\(slug).md")
    guard let outputs else { return SiteLesson(lesson: lesson, run: nil, problems: problems) }
    let cells = lesson.cells.enumerated().map { index, cell in
        CellRun(
            cell: cell, output: outputs.indices.contains(index) ? outputs[index] : "",
            figures: figures.indices.contains(index) ? figures[index] : [],
            status: statuses.indices.contains(index) ? statuses[index] : .passed)
    }
    return SiteLesson(lesson: lesson, run: LessonRun(lesson: lesson, cells: cells), problems: problems)
}

/// The site built from `lessons` with the fakes.
func build(_ lessons: [SiteLesson]) throws -> SiteOutput {
    try Site.build(lessons, typesetter: FakeTypesetter(), highlighter: FakeHighlighter())
}

extension SiteOutput {
    func page(_ path: String) -> String {
        String(decoding: files[path] ?? Data(), as: UTF8.self)
    }

    var messages: [String] {
        diagnostics.map(\.description)
    }
}
