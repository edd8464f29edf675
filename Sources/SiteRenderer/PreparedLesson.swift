import CommonMark
import Foundation
import Grading
import LessonParser

/// A lesson read for rendering: its Markdown with math protected and parsed by cmark,
/// and what other pages need of it (title, anchors) before any page is rendered.
struct PreparedLesson {
    let input: SiteLesson
    /// 1-based position in the course.
    let number: Int
    let title: String
    /// The lesson body (front matter blanked, lines numbered as in the file), math protected.
    let document: MarkdownNode
    /// The front matter's summary, math protected and parsed; nil when there is none.
    let summary: MarkdownNode?
    /// The body's formulas, then the summary's.
    let formulas: [Formula]
    /// Whether the summary has formulas (the index page then needs KaTeX's stylesheet).
    let summaryHasMath: Bool
    /// The number of the first formula's token; the others follow.
    let firstFormula: Int
    /// Heading anchors by the heading's line.
    let headingIDs: [Int: String]
    /// Every id a link may point at on this page.
    let ids: Set<String>
    /// Each exercise's code as the student edition gives it, by the line of its fence.
    let studentCode: [Int: String]
    /// The number of each display equation of the body (1, 2, …), by its formula's number.
    let equationNumbers: [Int: Int]
    /// The number of each figure the run drew that the page shows (1, 2, …), by its name.
    let figureNumbers: [String: Int]
    /// The values a reader may choose for its parameters, and what they change.
    let choices: LessonChoices
    let diagnostics: [Diagnostic]

    init(_ input: SiteLesson, number: Int, firstFormula: Int, edition: SiteEdition) {
        let lesson = input.lesson
        self.input = input
        self.number = number
        choices = LessonChoices(input)
        self.firstFormula = firstFormula
        var diagnostics: [Diagnostic] = []

        if let title = lesson.frontMatter.title, !title.trimmingCharacters(in: .whitespaces).isEmpty {
            self.title = title
        } else {
            self.title = Self.fallbackTitle(lesson.slug)
            // A front matter YAML cannot read was reported as such; its title is not missing.
            if lesson.frontMatter.isSound {
                diagnostics.append(
                    Diagnostic(
                        file: lesson.file, line: 1,
                        "the front matter has no title; the site calls this lesson '\(self.title)' (add `title: …` between the `---` lines)"
                    ))
            }
        }

        var (protected, formulas) = MathProtection.protect(Self.body(of: lesson), firstNumber: firstFormula)
        document = CommonMark.parse(protected)
        if let text = lesson.frontMatter.summary {
            let (line, column) = Self.position(of: text, after: "summary:", in: lesson.source)
            let (protected, found) = MathProtection.protect(
                text, firstLine: line, firstNumber: firstFormula + formulas.count)
            summary = CommonMark.parse(protected)
            summaryHasMath = !found.isEmpty
            formulas += found.map { formula in
                var formula = formula
                if formula.line == line { formula.column += column - 1 }
                return formula
            }
        } else {
            summary = nil
            summaryHasMath = false
        }
        self.formulas = formulas
        let displays = formulas.indices.filter { formulas[$0].display }.map { firstFormula + $0 }
        equationNumbers = Dictionary(uniqueKeysWithValues: zip(displays, 1...))
        let figures = (input.run?.cells ?? []).filter { CellView.showsRun(of: $0.cell.block, in: edition) }
            .flatMap(\.figures).map(\.name)
        figureNumbers = Dictionary(zip(figures, 1...)) { first, _ in first }

        var anchors = Anchors()
        var headingIDs: [Int: String] = [:]
        for heading in document.descendants where heading.kind == .heading {
            let text = MathProtection.substitute(in: heading.plainText) { formulas[$0 - firstFormula].tex }
            let (id, earlier) = anchors.claim(text, line: heading.start.line)
            headingIDs[heading.start.line] = id
            if let earlier {
                diagnostics.append(
                    Diagnostic(
                        file: lesson.file, line: heading.start.line, column: heading.start.column,
                        "heading anchor '#\(Anchors.slug(text))' is already used by the heading at line \(earlier); this one gets '#\(id)' (reword one of them so links stay unambiguous)"
                    ))
            }
        }
        self.headingIDs = headingIDs
        ids = Set(headingIDs.values)
            .union(lesson.codeBlocks.compactMap(CellView.anchor(of:)))
            .union(figures.map(CellView.figureID))
            .union(equationNumbers.values.map(Self.equationID))
        studentCode = Self.studentCode(of: lesson)
        self.diagnostics = diagnostics
    }

    var lesson: Lesson { input.lesson }
    var slug: String { lesson.slug }
    /// The page's file in the site.
    var page: String { "\(slug).html" }

    /// The id of display equation `number`.
    static func equationID(_ number: Int) -> String { "Equation-\(number)" }

    /// The TeX of formula `number`.
    func tex(_ number: Int) -> String {
        formulas[number - firstFormula].tex
    }
}

// MARK: - Private

private extension PreparedLesson {
    /// The lesson's Markdown as one text, rebuilt from its items so that the front matter
    /// is blank and every line keeps its number in the file.
    static func body(of lesson: Lesson) -> String {
        let source = lesson.source.split(separator: "\n", omittingEmptySubsequences: false)
        var lines = [Substring](repeating: "", count: source.count)
        for item in lesson.items {
            switch item {
            case .prose(let markdown, let line):
                for (offset, text) in markdown.split(separator: "\n", omittingEmptySubsequences: false).enumerated()
                where line - 1 + offset < lines.count {
                    lines[line - 1 + offset] = text
                }
            case .code(let block):
                // The opening fence through the closing one.
                for line in block.line...max(block.line, min(block.contentLines.upperBound, source.count)) {
                    lines[line - 1] = source[line - 1]
                }
            }
        }
        return lines.joined(separator: "\n")
    }

    /// Where a front matter value starts: the first line of `source` that starts with `key`,
    /// and the column (in UTF-8 bytes) of the value's first line on it; 1:1 when not found.
    static func position(of value: String, after key: String, in source: String) -> (line: Int, column: Int) {
        let lines = source.split(separator: "\n", omittingEmptySubsequences: false)
        guard let index = lines.firstIndex(where: { $0.hasPrefix(key) }) else { return (1, 1) }
        let firstLine = value.prefix { $0 != "\n" }
        guard let start = lines[index].range(of: firstLine)?.lowerBound else { return (index + 1, 1) }
        return (index + 1, lines[index].utf8.distance(from: lines[index].startIndex, to: start) + 1)
    }

    /// Each exercise's code in the lesson's student edition (`StudentEdition`), by the line
    /// of the exercise's fence in the lesson. The edition keeps every exercise block, in order.
    static func studentCode(of lesson: Lesson) -> [Int: String] {
        let exercises = { (lesson: Lesson) in lesson.codeBlocks.filter { $0.role == .exercise } }
        guard !exercises(lesson).isEmpty else { return [:] }
        let edition = LessonReader.parse(StudentEdition(lesson).text, file: lesson.file).lesson
        return Dictionary(zip(exercises(lesson).map(\.line), exercises(edition).map(\.code))) { first, _ in first }
    }

    /// "03-gradient-descent" → "Gradient descent".
    static func fallbackTitle(_ slug: String) -> String {
        let words = slug.drop { $0.isNumber || $0 == "-" || $0 == "_" }.replacingOccurrences(of: "-", with: " ")
        guard let first = words.first else { return slug }
        return first.uppercased() + words.dropFirst()
    }
}
