import CommonMark
import Foundation
import LessonParser
import LessonRunner

/// What every page is rendered with: the course's lessons, and the build's typeset math
/// and highlighted code.
struct RenderContext {
    /// Every lesson of the course, in order.
    let course: [PreparedLesson]
    /// Every lesson of the course, by its file name (`02-gradient-descent.md`).
    let lessons: [String: PreparedLesson]
    /// The HTML of formula `number`.
    let math: (Int) -> String
    /// The HTML of a Swift sample.
    let highlighted: (String) -> String
    let layout: Layout
}

/// One lesson's page: title and summary, table of contents, the prose (cmark's HTML with
/// heading anchors, math, checked links) with each code block's cell where the block was,
/// links to the previous and next lessons, and the course's navigation (every lesson, this
/// one's sections under it). Display equations and figures are numbered in the order they
/// appear, and each number links to itself (`#Equation-2`, `#Figure-<name>`).
///
/// Raw HTML in the prose is passed through unchanged: lessons are written by the course's
/// authors and trusted, so an author may use `<details>`, `<kbd>` or a table where Markdown
/// has none.
struct LessonPage {
    let lesson: PreparedLesson
    let previous: PreparedLesson?
    let next: PreparedLesson?
    let context: RenderContext

    /// A rendered page.
    struct Rendered {
        var html: String
        /// The summary's HTML (inline: no `<p>`), for the index; empty when there is none.
        var summary: String
        /// Files the page's links and images need copied into the site, by their path there.
        var assets: [String: URL]
        /// What is wrong with those links and images.
        var diagnostics: [Diagnostic]
    }

    func render() -> Rendered {
        var assets: [String: URL] = [:]
        var diagnostics: [Diagnostic] = []
        let resolver = LinkResolver(lesson: lesson, lessons: context.lessons)
        func target(_ node: MarkdownNode, _ what: String) -> String {
            switch resolver.resolve(node.destination ?? "", what: what) {
            case .success(let target):
                if let asset = target.asset { assets[asset.path] = asset.source }
                if let warning = target.warning {
                    diagnostics.append(
                        Diagnostic(
                            file: lesson.lesson.file, line: node.start.line, column: node.start.column,
                            severity: .warning, warning))
                }
                return target.href
            case .failure(let error):
                diagnostics.append(
                    Diagnostic(
                        file: lesson.lesson.file, line: node.start.line, column: node.start.column, error.description))
                return node.destination ?? ""
            }
        }

        var formatter = HTMLFormatter()
        formatter.hooks[.text] = { node, _ in math(HTMLFormatter.escape(node.literal ?? "")) }
        formatter.hooks[.heading] = { node, content in
            let level = node.headingLevel
            return "<h\(level) id=\"\(lesson.headingIDs[node.start.line] ?? "")\">\(content)</h\(level)>\n"
        }
        formatter.hooks[.link] = { node, content in
            var link = node
            link.destination = target(node, "link")
            return HTMLFormatter.standard(link, content: content)
        }
        formatter.hooks[.image] = { node, content in
            var image = node
            image.destination = target(node, "image")
            // Formulas in the alt text stay TeX: an attribute holds text, not markup.
            return MathProtection.substitute(in: HTMLFormatter.standard(image, content: content)) {
                HTMLFormatter.escape(lesson.tex($0))
            }
        }
        formatter.hooks[.codeBlock] = { node, _ in codeBlock(node) }

        // A level-1 heading that opens the lesson is its title: shown once, in the header.
        var body = lesson.document
        var title = "<h1>\(HTMLFormatter.escape(lesson.title))</h1>"
        if let first = body.children.first, first.kind == .heading, first.headingLevel == 1 {
            title = formatter.html(first).trimmingCharacters(in: .newlines)
            body.children.removeFirst()
        }
        // The summary is one paragraph of inline Markdown.
        let summary = lesson.summary?.children.first.map { $0.children.map(formatter.html).joined() } ?? ""
        let html = context.layout.page(
            title: "\(lesson.title) · \(context.layout.course.title)",
            description: lesson.lesson.frontMatter.summary,
            math: !lesson.formulas.isEmpty,
            head: lesson.choices.styleLink,
            main: header(title: title, summary: summary) + problems + lesson.choices.control + tableOfContents
                + "<div class=\"lesson-body\">\n\(formatter.html(body))</div>\n</article>\n" + pager,
            navigation: navigation
        )
        return Rendered(html: html, summary: summary, assets: assets, diagnostics: diagnostics)
    }
}

// MARK: - Private

private extension LessonPage {
    /// Formula tokens in already escaped `html` replaced by their typeset HTML; a display
    /// equation with its number, which links to it.
    func math(_ html: String) -> String {
        MathProtection.substitute(in: html) { formula in
            guard let number = lesson.equationNumbers[formula] else { return context.math(formula) }
            let id = PreparedLesson.equationID(number)
            return
                "<span class=\"equation\" id=\"\(id)\">\(context.math(formula))<a class=\"equation-number\" href=\"#\(id)\">(\(number))</a></span>"
        }
    }

    /// A top-level block's cell; a code block nested in a list or quote is code only.
    func codeBlock(_ node: MarkdownNode) -> String {
        let blocks = lesson.lesson.codeBlocks
        if let index = blocks.firstIndex(where: { $0.line == node.start.line }) {
            let block = blocks[index]
            let next = blocks.indices.contains(index + 1) ? blocks[index + 1] : nil
            let result = lesson.input.run?.cells.first { $0.cell.block.line == block.line }
            var view = CellView(
                block: block, result: result, expected: next?.role == .output ? next : nil,
                slug: lesson.slug, edition: context.layout.edition,
                studentCode: lesson.studentCode[block.line] ?? "",
                figureNumbers: lesson.figureNumbers, highlighted: context.highlighted)
            view.shownResults = lesson.choices.results(of: view)
            return view.html
        }
        guard Self.isSwift(node) else { return HTMLFormatter.standard(node, content: "") }
        return
            "<pre class=\"code\"><code class=\"language-swift\">\(context.highlighted(node.literal ?? ""))</code></pre>\n"
    }

    /// The lesson's number, its title (the `<h1>` element given) and its summary.
    func header(title: String, summary: String) -> String {
        """
        <article class="lesson">
        <header class="lesson-header">
        <p class="lesson-number">Lesson \(lesson.number)</p>
        \(title)
        \(summary.isEmpty ? "" : "<p class=\"summary\">\(summary)</p>\n")</header>

        """
    }

    /// The lesson's own problems, its overridden parameters and its failing blocks, first.
    var problems: String {
        var notes = ""
        let errors = lesson.input.problems.filter { $0.severity == .error }
        if !errors.isEmpty {
            let list = errors.map { "<li><code>\(HTMLFormatter.escape($0.description))</code></li>" }.joined(
                separator: "\n")
            notes +=
                "<div class=\"verdict failed\"><p><strong>✗ This lesson has errors and was not run.</strong></p>\n<ul>\n\(list)\n</ul></div>\n"
        }
        if let run = lesson.input.run {
            if run.overridden {
                let values = run.overrides.map {
                    "<code>\(HTMLFormatter.escape("\($0.name) = \($0.value.encoded)"))</code>"
                }
                notes +=
                    "<p class=\"verdict overridden\"><strong>Parameters overridden:</strong> outputs and figures below were computed with \(values.joined(separator: ", ")), set on the command line; they are shown, not checked.</p>\n"
            }
            let failed = run.cells.filter { if case .failed = $0.status { true } else { false } }
            if !failed.isEmpty {
                let links = failed.map { cell in
                    let anchor = CellView.anchor(of: cell.cell.block) ?? ""
                    return "<a href=\"#\(anchor)\">line \(cell.cell.block.line)</a>"
                }.joined(separator: ", ")
                let count = failed.count == 1 ? "1 block fails" : "\(failed.count) blocks fail"
                notes += "<p class=\"verdict failed\"><strong>✗ \(count):</strong> \(links).</p>\n"
            }
        }
        return notes
    }

    /// The lesson's sections (level 2 headings) with their subsections (level 3).
    var sections: [(section: MarkdownNode, subsections: [MarkdownNode])] {
        var sections: [(section: MarkdownNode, subsections: [MarkdownNode])] = []
        for heading in lesson.document.children where heading.kind == .heading {
            if heading.headingLevel == 2 {
                sections.append((heading, []))
            } else if heading.headingLevel == 3, !sections.isEmpty {
                sections[sections.count - 1].subsections.append(heading)
            }
        }
        return sections
    }

    /// A link to a heading of this page.
    func link(_ heading: MarkdownNode) -> String {
        "<a href=\"#\(lesson.headingIDs[heading.start.line] ?? "")\">\(math(HTMLFormatter.escape(heading.plainText)))</a>"
    }

    /// Sections and their subsections, when there are any. A wide screen shows the
    /// sections in the course's navigation instead; a narrow one has that after the lesson.
    var tableOfContents: String {
        guard !sections.isEmpty else { return "" }
        let items = sections.map { section, subsections in
            let nested =
                subsections.isEmpty
                ? "" : "\n<ol>\n" + subsections.map { "<li>\(link($0))</li>\n" }.joined() + "</ol>\n"
            return "<li>\(link(section))\(nested)</li>\n"
        }
        return
            "<nav class=\"toc\" aria-labelledby=\"Contents\">\n<h2 id=\"Contents\">Contents</h2>\n<ol>\n\(items.joined())</ol>\n"
            + "<p class=\"toc-more\"><a href=\"#Course\">All lessons ↓</a></p>\n</nav>\n"
    }

    /// Every lesson of the course, this one marked as the current page, with its sections.
    var navigation: String {
        let items = context.course.map { other in
            let label = "<span class=\"lesson-number\">\(other.number)</span> \(HTMLFormatter.escape(other.title))"
            guard other.number == lesson.number else { return "<li><a href=\"\(other.page)\">\(label)</a></li>\n" }
            let nested =
                sections.isEmpty
                ? "" : "\n<ol>\n" + sections.map { "<li>\(link($0.section))</li>\n" }.joined() + "</ol>\n"
            return "<li class=\"current\"><a href=\"\(other.page)\" aria-current=\"page\">\(label)</a>\(nested)</li>\n"
        }
        let title = HTMLFormatter.escape(context.layout.course.title)
        return "<nav class=\"sidebar\" id=\"Course\" aria-labelledby=\"Course-title\">\n"
            + "<h2 class=\"sidebar-title\" id=\"Course-title\"><a href=\"index.html\">\(title)</a></h2>\n"
            + "<ol>\n\(items.joined())</ol>\n</nav>\n"
    }

    var pager: String {
        guard previous != nil || next != nil else { return "" }
        func link(_ other: PreparedLesson?, rel: String, label: String) -> String {
            guard let other else { return "<span></span>" }
            return
                "<a rel=\"\(rel)\" href=\"\(other.page)\"><span class=\"pager-label\">\(label)</span> \(HTMLFormatter.escape(other.title))</a>"
        }
        return """
            <nav class="pager" aria-label="Lessons">
            \(link(previous, rel: "prev", label: "← Previous")) \(link(next, rel: "next", label: "Next →"))
            </nav>

            """
    }

}

extension LessonPage {
    /// Whether a code block nested in prose is Swift, and so highlighted.
    static func isSwift(_ node: MarkdownNode) -> Bool {
        node.info?.split(separator: " ").first == "swift"
    }
}
