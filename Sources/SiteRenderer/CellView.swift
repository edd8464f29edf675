import CommonMark
import Foundation
import LessonParser
import LessonRunner

/// The HTML of one top-level code block: its highlighted code (unless `hidden`), what it
/// printed, its figures with captions, and its verdict when it failed or did not run.
///
/// - `swift` blocks are code only; `output` blocks render nothing, since the printed output
///   is shown under the spec block it belongs to (the expected text, when the lesson was not
///   run).
/// - An exercise shows its title and points and its code as the student edition gives it
///   (each solution region replaced by a stub). Only the instructor's copy adds the
///   reference solution and what it printed and drew, and shows hidden checks.
/// - A failure is marked in words as well as colour, with the runner's diagnostics.
struct CellView {
    let block: CodeBlock
    /// The block's run, when it ran (or was meant to).
    let result: CellRun?
    /// The expected output written after the block, shown when the lesson was not run.
    let expected: CodeBlock?
    /// The lesson's folder in the site, where figures are.
    let slug: String
    let edition: SiteEdition
    /// An exercise's code as the student edition gives it (see `PreparedLesson.studentCode`).
    let studentCode: String
    /// The lesson's figures' numbers, by name.
    let figureNumbers: [String: Int]
    let highlighted: (String) -> String
    /// What the block shows beneath its code instead of its run's `results`: its results with
    /// each value a reader may choose (see `LessonChoices`); nil for the run's own.
    var shownResults: String? = nil

    var html: String {
        switch block.role {
        case .output: ""
        case .plain:
            "<pre class=\"code plain\" id=\"\(anchor)\"><code>\(HTMLFormatter.escape(block.code))</code></pre>\n"
        case .swift: "<div class=\"cell\" id=\"\(anchor)\">\n\(code(block.code))</div>\n"
        case .spec: cell(classes: "cell spec", content: block.attributes.hidden ? "" : code(block.code))
        case .check:
            cell(classes: "cell check", content: Self.shows(block, in: edition) ? checkLabel + code(block.code) : "")
        case .exercise: exercise
        }
    }

    /// The Swift samples a block shows in `edition`, for the highlighter.
    static func samples(of block: CodeBlock, studentCode: String, in edition: SiteEdition) -> [String] {
        switch block.role {
        case .exercise: edition == .instructor ? [studentCode, block.code] : [studentCode]
        case .swift, .spec, .check: shows(block, in: edition) ? [block.code] : []
        case .output, .plain: []
        }
    }

    /// Whether what a block printed and drew is shown: not an exercise's on the public site,
    /// since its reference solution computed it.
    static func showsRun(of block: CodeBlock, in edition: SiteEdition) -> Bool {
        block.role != .exercise || edition == .instructor
    }

    /// Whether a spec or check block's code is shown: not when it is hidden, except a
    /// hidden check in the instructor's copy.
    static func shows(_ block: CodeBlock, in edition: SiteEdition) -> Bool {
        !block.attributes.hidden || (block.role == .check && edition == .instructor)
    }

    /// The id this block gives the page: `Exercise-<id>` for an exercise, `L41` for any other
    /// block whose fence is on line 41, none for an output block.
    static func anchor(of block: CodeBlock) -> String? {
        switch block.role {
        case .output: nil
        case .exercise: exerciseID(block.attributes.exercise ?? "")
        default: "L\(block.line)"
        }
    }

    static func exerciseID(_ exercise: String) -> String { "Exercise-\(exercise)" }

    /// Figure names are letters, digits, `-` and `_`, so they need no escaping.
    static func figureID(_ figure: String) -> String { "Figure-\(figure)" }

    /// The text of an SVG document's `<desc>` (what a chart shows, in words), which makes a
    /// better `alt` than the caption a sighted reader sees beside it; nil when it has none.
    static func svgDescription(_ svg: String) -> String? {
        guard let start = svg.range(of: "<desc>"),
            let end = svg.range(of: "</desc>", range: start.upperBound..<svg.endIndex)
        else { return nil }
        let text = svg[start.upperBound..<end.lowerBound]
        let entities = [
            ("&lt;", "<"), ("&gt;", ">"), ("&quot;", "\""), ("&apos;", "'"), ("&#39;", "'"), ("&amp;", "&"),
        ]
        let unescaped = entities.reduce(String(text)) { $0.replacingOccurrences(of: $1.0, with: $1.1) }
        return unescaped.isEmpty ? nil : unescaped
    }
}

// MARK: - Private

private extension CellView {
    var anchor: String { Self.anchor(of: block) ?? "" }

    func code(_ source: String) -> String {
        "<pre class=\"code\"><code class=\"language-swift\">\(highlighted(source))</code></pre>\n"
    }

    /// The block's element: `classes` plus its state, its id, then `content` and results;
    /// nothing for a hidden block that shows nothing.
    func cell(_ element: String = "div", classes: String, attributes: String = "", content: String) -> String {
        let state =
            switch result?.status {
            case .failed: " failed"
            case .notRun: " not-run"
            default: ""
            }
        let results = shownResults ?? self.results
        guard !content.isEmpty || !results.isEmpty else { return "" }
        return
            "<\(element) class=\"\(classes)\(state)\" id=\"\(anchor)\"\(attributes)>\n\(content)\(results)</\(element)>\n"
    }

    var checkLabel: String {
        let exercise = block.attributes.exercise ?? ""
        let kind = block.attributes.hidden ? "Hidden check (not in the student edition)" : "Check"
        return
            "<p class=\"cell-label\">\(kind) for <a href=\"#\(Self.exerciseID(exercise))\">exercise \(HTMLFormatter.escape(exercise))</a></p>\n"
    }

    var exercise: String {
        let attributes = block.attributes
        let title = HTMLFormatter.escape(attributes.title ?? attributes.exercise ?? "")
        let points = attributes.points ?? 0
        let header = """
            <header><p class="exercise-title"><span class="label">Exercise</span> \(title)</p>\
            <p class="points">\(points) point\(points == 1 ? "" : "s")</p></header>

            """
        let solution =
            edition == .instructor
            ? "<div class=\"solution\"><p class=\"cell-label\">Reference solution</p>\n\(code(block.code))</div>\n" : ""
        return cell(
            "section", classes: "cell exercise", attributes: " aria-label=\"Exercise: \(title)\"",
            content: header + code(studentCode) + solution)
    }

    /// Output and figures (when shown), and verdict.
    var results: String {
        results(of: result, figureFile: { "\(slug)/\($0.name).svg" }, alternative: false)
    }
}

extension CellView {
    /// What `result` printed and its figures (read from `figureFile`), when the edition shows
    /// this block's run, then its verdict; the expected output when there is no run. The
    /// figures of an `alternative` (a reader's choice) have neither id nor number, which the
    /// lesson's own figure has, and are loaded only when shown.
    func results(of result: CellRun?, figureFile: (Figure) -> String, alternative: Bool) -> String {
        (Self.showsRun(of: block, in: edition)
            ? outputAndFigures(of: result, figureFile: figureFile, alternative: alternative) : "")
            + verdict(of: result)
    }

    func outputAndFigures(of result: CellRun?, figureFile: (Figure) -> String, alternative: Bool) -> String {
        var html = ""
        if let result, !result.output.isEmpty {
            html += "<pre class=\"output\"><samp>\(HTMLFormatter.escape(result.output))</samp></pre>\n"
        } else if result == nil, let expected, !expected.code.isEmpty {
            html += "<pre class=\"output expected\"><samp>\(HTMLFormatter.escape(expected.code))</samp></pre>\n"
        }
        for figure in result?.figures ?? [] {
            let caption = HTMLFormatter.escape(figure.caption)
            let alt = Self.svgDescription(figure.svg).map(HTMLFormatter.escape) ?? caption
            let id = Self.figureID(figure.name)
            let number =
                alternative
                ? ""
                : figureNumbers[figure.name]
                    .map { "<a class=\"figure-number\" href=\"#\(id)\">Figure \($0).</a> " } ?? ""
            let idAttribute = alternative ? "" : " id=\"\(id)\""
            let loading = alternative ? " loading=\"lazy\"" : ""
            html += """
                <figure class="figure"\(idAttribute)>\
                <img src="\(HTMLFormatter.escape(figureFile(figure)))" alt="\(alt)"\(loading)>\
                <figcaption>\(number)\(caption)</figcaption></figure>

                """
        }
        return html
    }

    /// Why the block failed or did not run; nothing when it passed.
    func verdict(of result: CellRun?) -> String {
        switch result?.status {
        case .failed(let diagnostics):
            let details = diagnostics.map(\.description).joined(separator: "\n")
            return """
                <div class="verdict failed"><p><strong>✗ Failed.</strong> This block does not do what the lesson says.</p>
                <pre>\(HTMLFormatter.escape(details))</pre></div>

                """
        case .notRun(let reason):
            return "<p class=\"verdict not-run\"><strong>Not run:</strong> \(HTMLFormatter.escape(reason)).</p>\n"
        case .passed, nil:
            return ""
        }
    }
}
