import CommonMark
import Foundation
import LessonParser
import LessonRunner

/// The render stage: the course (its file and its lessons with their runs) in, the site's
/// files out.
///
/// Every lesson is prepared first (math protected, parsed, anchors claimed), so that links
/// between lessons can be checked; then all formulas of the course are typeset in one call
/// and all code highlighted in one call — through `cache`, when given, so that only
/// formulas and samples it does not hold reach the typesetter and the highlighter — then
/// each page is rendered. Nothing is written here (see `SiteWriter`), and nothing depends
/// on the time, the machine or the cache: the same lessons and runs give the same bytes.
public enum Site {
    package static func build(
        _ lessons: [SiteLesson], course: Course = Course(), edition: SiteEdition = .student,
        typesetter: some MathTypesetter, highlighter: some CodeHighlighter, cache: ContentCache? = nil
    ) throws -> SiteOutput {
        let typesetter = CachedTypesetter.wrapping(typesetter, in: cache)
        let highlighter = CachedHighlighter.wrapping(highlighter, in: cache)
        var prepared: [PreparedLesson] = []
        for (index, lesson) in lessons.enumerated() {
            let firstFormula = prepared.last.map { $0.firstFormula + $0.formulas.count } ?? 0
            prepared.append(PreparedLesson(lesson, number: index + 1, firstFormula: firstFormula, edition: edition))
        }
        var output = SiteOutput()
        output.diagnostics = prepared.flatMap(\.diagnostics)

        let math = try typeset(prepared, with: typesetter, into: &output)
        let samples = uniqueSamples(of: prepared, in: edition)
        let highlighted = Dictionary(uniqueKeysWithValues: zip(samples, try highlighter.highlight(samples)))

        let context = RenderContext(
            course: prepared,
            lessons: Dictionary(prepared.map { (($0.lesson.file as NSString).lastPathComponent, $0) }) { first, _ in
                first
            },
            math: { math[$0] },
            highlighted: { highlighted[$0] ?? HTMLFormatter.escape($0) },
            layout: Layout(course: course, edition: edition)
        )
        var summaries: [String] = []
        for (index, lesson) in prepared.enumerated() {
            let page = LessonPage(
                lesson: lesson, previous: index > 0 ? prepared[index - 1] : nil,
                next: index + 1 < prepared.count ? prepared[index + 1] : nil, context: context)
            let rendered = page.render()
            output.files[lesson.page] = Data(rendered.html.utf8)
            output.copies.merge(rendered.assets) { first, _ in first }
            output.diagnostics += rendered.diagnostics
            summaries.append(rendered.summary)
            addFigures(of: lesson, in: edition, to: &output)
            output.files.merge(lesson.choices.files) { first, _ in first }
        }
        let (weights, heavy) = PageWeight.weigh(output, lessons: prepared)
        output.pageWeights = weights
        output.diagnostics += heavy
        output.files["index.html"] = Data(
            IndexPage(lessons: prepared, summaries: summaries, layout: context.layout).html.utf8)
        output.files["style.css"] = Data(Stylesheet.css.utf8)
        output.diagnostics = output.diagnostics.enumerated().sorted { first, second in
            let (a, b) = (first.element, second.element)
            return (a.file, a.line, a.column, first.offset) < (b.file, b.line, b.column, second.offset)
        }.map(\.element)
        return output
    }
}

/// A built site: files to write and files to copy, by their path in the site, and what
/// was found wrong on the way, in the order of files and lines.
public struct SiteOutput: Sendable {
    public var files: [String: Data] = [:]
    public var copies: [String: URL] = [:]
    public var diagnostics: [Diagnostic] = []
    /// What each lesson's page weighs with its figures.
    public var pageWeights: [PageWeight] = []

    public init() {}

    /// Whether any diagnostic is an error (the command then exits non-zero).
    public var hasErrors: Bool {
        diagnostics.contains { $0.severity == .error }
    }
}

// MARK: - Private

private extension Site {
    /// The HTML of every formula, by number; KaTeX's files are added to the output. A
    /// rejected formula shows its TeX, marked, and is an error at its place in the lesson.
    static func typeset(
        _ lessons: [PreparedLesson], with typesetter: some MathTypesetter,
        into output: inout SiteOutput
    ) throws -> [String] {
        let formulas = lessons.flatMap(\.formulas)
        guard !formulas.isEmpty else { return [] }
        let typeset = try typesetter.typeset(formulas)
        output.copies.merge(typeset.assets) { first, _ in first }
        var html: [String] = []
        for lesson in lessons {
            for (formula, result) in zip(lesson.formulas, typeset.results[lesson.firstFormula...]) {
                switch result {
                case .success(let typeset):
                    html.append(typeset)
                case .failure(let error):
                    let delimiter = formula.display ? "$$" : "$"
                    html.append(
                        "<code class=\"math-error\" title=\"\(HTMLFormatter.escape(error.description))\">\(HTMLFormatter.escape(delimiter + formula.tex + delimiter))</code>"
                    )
                    output.diagnostics.append(
                        Diagnostic(
                            file: lesson.lesson.file, line: formula.line, column: formula.column,
                            "math: \(error.description)"))
                }
            }
        }
        return html
    }

    /// Every Swift sample the pages of `edition` show, once each, in the order they first appear.
    static func uniqueSamples(of lessons: [PreparedLesson], in edition: SiteEdition) -> [String] {
        var seen = Set<String>()
        var samples: [String] = []
        for lesson in lessons {
            let nested = lesson.document.descendants.filter { node in
                node.kind == .codeBlock && LessonPage.isSwift(node)
                    && !lesson.lesson.codeBlocks.contains { $0.line == node.start.line }
            }
            let shown = lesson.lesson.codeBlocks.flatMap { block in
                CellView.samples(of: block, studentCode: lesson.studentCode[block.line] ?? "", in: edition)
            }
            for sample in shown + nested.map({ $0.literal ?? "" })
            where seen.insert(sample).inserted {
                samples.append(sample)
            }
        }
        return samples
    }

    /// The lesson's figures as `<slug>/<name>.svg`; a name drawn twice is an error.
    static func addFigures(of lesson: PreparedLesson, in edition: SiteEdition, to output: inout SiteOutput) {
        var drawnAt: [String: Int] = [:]
        for cell in lesson.input.run?.cells ?? [] {
            for figure in cell.figures {
                let line = cell.cell.block.line
                if let first = drawnAt[figure.name] {
                    output.diagnostics.append(
                        Diagnostic(
                            file: lesson.lesson.file, line: line,
                            "figure '\(figure.name)' was already drawn by the block at line \(first); give each figure its own name"
                        ))
                    continue
                }
                drawnAt[figure.name] = line
                if CellView.showsRun(of: cell.cell.block, in: edition) {
                    output.files["\(lesson.slug)/\(figure.name).svg"] = Data(figure.svg.utf8)
                }
            }
        }
    }
}
