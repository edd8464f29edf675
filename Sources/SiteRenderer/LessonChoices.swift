import CommonMark
import Foundation
import LessonParser
import LessonRunner
import LessonRuntime

/// The values a reader of a lesson's page may choose for its hyperparameters, and what each
/// choice changes, switched with CSS alone.
///
/// The page starts with one group of radio buttons: the lesson's own values first, then
/// one nested group per parameter with its other choices (`fieldset` and `legend`, so a
/// screen reader announces the group and the parameter). Each choice was run with that one
/// parameter changed. A block *depends* on a parameter when it read it (reported by the
/// program at run time) or when what it shows changed with it (it used a value an earlier
/// block computed from the parameter); beneath such a block the page holds its results for
/// the lesson's values and, labelled, for each choice that shows something else, and the
/// lesson's stylesheet `<slug>/choices.css` shows the one that belongs to the checked button
/// (`:has(#Choice-k:checked)`).
/// Other blocks are rendered once. With CSS off the lesson's values come first and every
/// alternative follows, labelled with its value.
///
/// A figure a choice draws exactly as the lesson's own run does is that figure; any other is
/// `<slug>/choices/<name>-<hash>.svg`, named by its content, so choices drawing the same
/// figure share one file; a browser loads it only when it is shown (`loading="lazy"`).
struct LessonChoices {
    /// One choice: its button's number on the page (from 1), and the run with it.
    struct Choice {
        var number: Int
        var parameter: Parameter
        var run: LessonRun

        var id: String { "Choice-\(number)" }
    }

    let slug: String
    /// The lesson's parameters that have choices, with their default values.
    let parameters: [Parameter]
    let choices: [Choice]
    /// The lines of the blocks that depend on each parameter, by its name.
    let dependents: [String: Set<Int>]
    private let lessonRun: LessonRun?

    init(_ lesson: SiteLesson) {
        slug = lesson.lesson.slug
        lessonRun = lesson.run
        let runs = lesson.run == nil ? [] : lesson.choices.filter { $0.overrides.count == 1 }
        let choices = runs.enumerated().map {
            Choice(number: $0.offset + 1, parameter: $0.element.overrides[0], run: $0.element)
        }
        self.choices = choices
        parameters = lesson.lesson.frontMatter.params.filter { parameter in
            choices.contains { $0.parameter.name == parameter.name }
        }
        dependents = Dictionary(
            uniqueKeysWithValues: parameters.map { parameter in
                let runs = choices.filter { $0.parameter.name == parameter.name }.map(\.run)
                return (parameter.name, Self.dependents(on: parameter.name, own: lesson.run, choices: runs))
            })
    }

    var isEmpty: Bool { choices.isEmpty }

    // MARK: The control

    /// The radio buttons, at the top of the lesson; empty when there are no choices.
    var control: String {
        guard !isEmpty else { return "" }
        let groups = parameters.enumerated().map { index, parameter in
            let effect = "Choice-effect-\(index + 1)"
            let buttons = choices.filter { $0.parameter.name == parameter.name }.map { choice in
                button(
                    id: choice.id, checked: false, label: "<code>\(Self.text(choice.parameter.value))</code>",
                    describedBy: effect)
            }
            let count = dependents[parameter.name]?.count ?? 0
            return """
                <fieldset class="choice-parameter">
                <legend><code>\(HTMLFormatter.escape(parameter.name))</code>, the lesson's value: <code>\(Self.text(parameter.value))</code></legend>
                \(buttons.joined(separator: "\n"))
                <p class="choice-effect" id="\(effect)">Changes what \(count) block\(count == 1 ? "" : "s") below show\(count == 1 ? "s" : "").</p>
                </fieldset>

                """
        }
        return """
            <fieldset class="choices" id="Choices" aria-describedby="Choices-note">
            <legend>Try other values</legend>
            <p id="Choices-note">Choosing a value shows, in place, every output and figure that depends on it, \
            as the code computed them with that value; the checks were run with the lesson's values.</p>
            \(button(id: "Choice-0", checked: true, label: "The lesson's values", describedBy: nil))
            \(groups.joined())</fieldset>

            """
    }

    /// The page's link to its style for the choices, for the page's head.
    var styleLink: String {
        isEmpty ? "" : "<link rel=\"stylesheet\" href=\"\(stylePath)\">\n"
    }

    /// The lesson's style for the choices, by its path in the site: the rules that show
    /// what belongs to the checked button.
    private var styleFile: (path: String, css: String) {
        let rules = choices.map { choice in
            ".lesson:has(#\(choice.id):checked) .on-\(choice.id) { display: block; }\n"
                + ".lesson:has(#\(choice.id):checked) .off-\(choice.id) { display: none; }\n"
        }
        return (
            stylePath,
            """
            .choices { margin: 1.5rem 0; padding: 0.75rem 1rem; border: 1px solid currentColor; border-radius: 0.4rem; }
            .choices legend { font-weight: bold; padding: 0 0.3rem; }
            .choices p { margin: 0 0 0.5rem; }
            .choice-parameter { border: 0; margin: 0.4rem 0 0; padding: 0; }
            .choice-parameter legend { font-weight: normal; padding: 0; }
            .choice-effect { font-size: 0.9em; }
            .choice { display: inline-block; margin: 0.2rem 1rem 0.2rem 0; }
            .choice input:focus-visible + label { outline: 2px solid; outline-offset: 2px; }
            .variant-label { font-size: 0.9em; margin: 0.5rem 0 0.2rem; }
            .variant.alternative { display: none; }
            \(rules.joined())
            """
        )
    }

    private var stylePath: String { "\(slug)/choices.css" }

    // MARK: Results

    /// What a block shows beneath its code: its results with the lesson's values and with
    /// each choice that shows something else, rendered by `view`; nil when the block depends
    /// on no parameter with choices.
    func results(of view: CellView) -> String? {
        guard let own = cell(of: view.block, in: lessonRun) else { return nil }
        let ownHTML = view.results(of: own, figureFile: figureFile, alternative: true)
        var hidden: [String] = []
        var alternatives: [(choices: [Choice], html: String)] = []
        var dependsOn: [Parameter] = []
        for parameter in parameters {
            guard dependents[parameter.name]?.contains(view.block.line) == true else { continue }
            let mine = choices.filter { $0.parameter.name == parameter.name }
            let results = mine.map { cell(of: view.block, in: $0.run) }
            dependsOn.append(parameter)
            for (choice, result) in zip(mine, results) {
                let html = view.results(of: result, figureFile: figureFile, alternative: true)
                guard html != ownHTML else { continue }
                hidden.append(choice.id)
                if let index = alternatives.firstIndex(where: {
                    $0.html == html && $0.choices[0].parameter.name == parameter.name
                }) {
                    alternatives[index].choices.append(choice)
                } else {
                    alternatives.append(([choice], html))
                }
            }
        }
        guard !dependsOn.isEmpty else { return nil }
        let values = dependsOn.map { "<code>\(HTMLFormatter.escape($0.name)) = \(Self.text($0.value))</code>" }
        let change = "<a href=\"#Choices\">choose another value</a>"
        var html = """
            <div class="\((["variant"] + hidden.map { "off-\($0)" }).joined(separator: " "))">
            <p class="variant-label">With the lesson's \(values.joined(separator: ", ")) (\(change)):</p>
            \(view.results(of: own, figureFile: figureFile, alternative: false))</div>

            """
        for (group, results) in alternatives {
            let parameter = group[0].parameter
            let chosen = group.map { "<code>\(Self.text($0.parameter.value))</code>" }.joined(separator: " or ")
            let lessons = parameters.first { $0.name == parameter.name }.map { Self.text($0.value) } ?? ""
            html += """
                <div class="\((["variant", "alternative"] + group.map { "on-\($0.id)" }).joined(separator: " "))">
                <p class="variant-label">With <code>\(HTMLFormatter.escape(parameter.name))</code> = \(chosen) \
                instead of <code>\(lessons)</code> (\(change)):</p>
                \(results)</div>

                """
        }
        return html
    }

    /// The files the choices need, by their path in the site: their style, and the figures
    /// they draw that the lesson's own run does not.
    var files: [String: Data] {
        guard !isEmpty else { return [:] }
        var files = [styleFile.path: Data(styleFile.css.utf8)]
        for choice in choices {
            for figure in choice.run.cells.flatMap(\.figures) {
                let path = figureFile(figure)
                if path.hasPrefix("\(slug)/choices/") { files[path] = Data(figure.svg.utf8) }
            }
        }
        return files
    }
}

// MARK: - Private

private extension LessonChoices {
    func button(id: String, checked: Bool, label: String, describedBy: String?) -> String {
        let description = describedBy.map { " aria-describedby=\"\($0)\"" } ?? ""
        return
            "<span class=\"choice\"><input type=\"radio\" name=\"choice\" id=\"\(id)\"\(checked ? " checked" : "")\(description)>"
            + "<label for=\"\(id)\">\(label)</label></span>"
    }

    /// The lines of the blocks that depend on `name`: that read it in the lesson's run or a
    /// choice's, or show something else in a choice's run than in the lesson's.
    static func dependents(on name: String, own: LessonRun?, choices: [LessonRun]) -> Set<Int> {
        guard let own else { return [] }
        let lines = own.cells.enumerated().filter { index, cell in
            cell.reads.contains(name)
                || choices.contains { run in
                    guard run.cells.indices.contains(index) else { return true }
                    return run.cells[index].reads.contains(name) || !showsTheSame(run.cells[index], cell)
                }
        }.map(\.element.cell.block.line)
        return Set(lines)
    }

    /// The block's result in `run`.
    func cell(of block: CodeBlock, in run: LessonRun?) -> CellRun? {
        run?.cells.first { $0.cell.block.line == block.line }
    }

    /// Where a figure is read from: the lesson's own file when its run drew the same SVG
    /// under that name, else a file named by the SVG's hash.
    func figureFile(_ figure: Figure) -> String {
        let own = lessonRun?.cells.lazy.flatMap(\.figures).first { $0.name == figure.name }
        if own?.svg == figure.svg { return "\(slug)/\(figure.name).svg" }
        let hash = SHA256.hex(SHA256.hash(Array(figure.svg.utf8))).prefix(16)
        return "\(slug)/choices/\(figure.name)-\(hash).svg"
    }

    /// Whether two runs of a block show the same: output, figures and verdict.
    static func showsTheSame(_ one: CellRun, _ other: CellRun) -> Bool {
        one.output == other.output && one.figures == other.figures && one.status == other.status
    }

    /// A value as a reader reads it: `20.0`, `[0.01, 0.1]`, escaped for HTML.
    static func text(_ value: ParameterValue) -> String {
        switch value {
        case .numbers(let values): HTMLFormatter.escape("[" + values.map { String($0) }.joined(separator: ", ") + "]")
        default: HTMLFormatter.escape(value.encoded)
        }
    }
}
