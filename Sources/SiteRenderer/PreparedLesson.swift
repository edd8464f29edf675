import CommonMark
import Foundation
import LessonParser

/// A lesson read for rendering: its Markdown with math protected, parsed once by cmark,
/// and what other pages need of it (title, anchors) before any page is rendered.
struct PreparedLesson {
    let input: SiteLesson
    /// 1-based position in the course.
    let number: Int
    let title: String
    /// The lesson body (front matter blanked, lines numbered as in the file), math protected.
    let document: MarkdownNode
    let formulas: [Formula]
    /// The number of the first formula's token; the others follow.
    let firstFormula: Int
    /// Heading anchors by the heading's line.
    let headingIDs: [Int: String]
    /// Every id a link may point at on this page.
    let ids: Set<String>
    let diagnostics: [Diagnostic]

    init(_ input: SiteLesson, number: Int, firstFormula: Int) {
        let lesson = input.lesson
        self.input = input
        self.number = number
        self.firstFormula = firstFormula
        var diagnostics: [Diagnostic] = []

        if let title = lesson.frontMatter.title, !title.trimmingCharacters(in: .whitespaces).isEmpty {
            self.title = title
        } else {
            self.title = Self.fallbackTitle(lesson.slug)
            diagnostics.append(Diagnostic(file: lesson.file, line: 1,
                "the front matter has no title; the site calls this lesson '\(self.title)' (add `title: …` between the `---` lines)"))
        }

        let body = Self.body(of: lesson)
        let codeLines = CommonMark.parse(body).descendants
            .filter { $0.kind == .codeBlock }
            .reduce(into: Set<Int>()) { $0.formUnion($1.start.line...$1.end.line) }
        let (protected, formulas) = MathProtection.protect(body, codeLines: codeLines, firstNumber: firstFormula)
        self.formulas = formulas
        document = CommonMark.parse(protected)

        var anchors = Anchors()
        var headingIDs: [Int: String] = [:]
        for heading in document.descendants where heading.kind == .heading {
            let text = MathProtection.substitute(in: heading.plainText) { formulas[$0 - firstFormula].tex }
            let (id, earlier) = anchors.claim(text, line: heading.start.line)
            headingIDs[heading.start.line] = id
            if let earlier {
                diagnostics.append(Diagnostic(file: lesson.file, line: heading.start.line, column: heading.start.column,
                    "heading anchor '#\(Anchors.slug(text))' is already used by the heading at line \(earlier); this one gets '#\(id)' (reword one of them so links stay unambiguous)"))
            }
        }
        self.headingIDs = headingIDs
        ids = Set(headingIDs.values)
            .union(lesson.codeBlocks.compactMap(CellView.anchor(of:)))
            .union(input.run?.cells.flatMap(\.figures).map { CellView.figureID($0.name) } ?? [])
        self.diagnostics = diagnostics
    }

    var lesson: Lesson { input.lesson }
    var slug: String { lesson.slug }
    /// The page's file in the site.
    var page: String { "\(slug).html" }

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

    /// "03-gradient-descent" → "Gradient descent".
    static func fallbackTitle(_ slug: String) -> String {
        let words = slug.drop { $0.isNumber || $0 == "-" || $0 == "_" }.replacingOccurrences(of: "-", with: " ")
        guard let first = words.first else { return slug }
        return first.uppercased() + words.dropFirst()
    }
}
