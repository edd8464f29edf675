import CommonMark
import Foundation

/// The parse stage: a lesson file in, a `Lesson` and its diagnostics out.
///
/// The text is parsed once by cmark; top-level fenced code blocks become `CodeBlock`s and
/// the lines between them stay Markdown prose for the renderer. A lesson with any error
/// diagnostic must not be run.
public enum LessonReader {
    /// Reads and parses the lesson at `url`; `file` is the path to name in diagnostics.
    public static func read(_ url: URL, file: String) -> (lesson: Lesson?, diagnostics: [Diagnostic]) {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch {
            return (nil, [Diagnostic(file: file, line: 1, "cannot read lesson: \(error.localizedDescription)")])
        }
        if let (line, column) = firstInvalidUTF8(in: data) {
            return (
                nil,
                [Diagnostic(file: file, line: line, column: column, "lesson is not valid UTF-8 (first bad byte here)")]
            )
        }
        let parsed = parse(String(decoding: data, as: UTF8.self), file: file)
        return (parsed.lesson, parsed.diagnostics)
    }

    /// Parses lesson text; `file` names it in diagnostics and in the lesson.
    ///
    /// Line endings are made `\n` first (Windows' `\r\n` and old Macs' `\r` alike), so that
    /// every stage counts the lines cmark counts; the lesson keeps the normalised text.
    public static func parse(_ text: String, file: String) -> (lesson: Lesson, diagnostics: [Diagnostic]) {
        let source =
            text.utf8.contains(UInt8(ascii: "\r"))
            ? text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n") : text
        var (frontMatter, body, diagnostics) = FrontMatter.read(from: source, file: file)
        let lines = body.split(separator: "\n", omittingEmptySubsequences: false)
        let document = CommonMark.parse(body)

        var items: [LessonItem] = []
        var nextProseLine = 1
        func flushProse(upTo line: Int) {
            let first = (nextProseLine..<line).first { !lines[$0 - 1].allSatisfy(\.isWhitespace) }
            if let first {
                items.append(.prose(markdown: lines[(first - 1)..<(line - 1)].joined(separator: "\n"), line: first))
            }
        }
        for node in document.children {
            guard node.kind == .codeBlock else {
                diagnostics += nestedRunnableBlocks(in: node, lines: lines, file: file)
                continue
            }
            flushProse(upTo: node.start.line)
            let (block, problems) = codeBlock(node, lines: lines, file: file)
            items.append(.code(block))
            diagnostics += problems
            nextProseLine = node.end.line + 1
        }
        flushProse(upTo: lines.count + 1)

        let slug = ((file as NSString).lastPathComponent as NSString).deletingPathExtension
        let lesson = Lesson(file: file, slug: slug, source: source, frontMatter: frontMatter, items: items)
        diagnostics += LessonValidator(lesson: lesson).diagnostics
        return (lesson, diagnostics)
    }

    private static func codeBlock(_ node: MarkdownNode, lines: [Substring], file: String) -> (CodeBlock, [Diagnostic]) {
        let fenceLine = lines[node.start.line - 1]
        let indent = fenceLine.prefix { $0 == " " }.count
        let fence = fenceLine.dropFirst(indent)
        let code = node.literal ?? ""
        guard let marker = fence.first, marker == "`" || marker == "~" else {
            // An indented code block: shown as plain text.
            let block = CodeBlock(
                role: .plain, attributes: Attributes(), code: code, line: node.start.line,
                contentLines: node.start.line..<(node.end.line + 1))
            return (block, [])
        }
        let fenceLength = fence.prefix { $0 == marker }.count
        let afterFence = fence.dropFirst(fenceLength)
        let infoOffset = afterFence.prefix { $0 == " " }.count
        let info = InfoString(column: indent + fenceLength + infoOffset + 1, text: node.info ?? "")
        let (role, attributes, diagnostics) = info.parse(file: file, line: node.start.line)
        let closingLine = lines[node.end.line - 1].trimmingCharacters(in: .whitespaces)
        let closed =
            node.end.line > node.start.line && closingLine.hasPrefix(String(repeating: marker, count: fenceLength))
        let contentEnd = closed ? node.end.line : node.end.line + 1
        var block = CodeBlock(
            role: role, attributes: attributes, code: code, line: node.start.line,
            contentLines: (node.start.line + 1)..<max(node.start.line + 1, contentEnd), indent: indent)
        var problems = diagnostics
        if !closed && role != .plain {
            problems.append(
                Diagnostic(file: file, line: node.start.line, column: indent + 1, "code block is never closed"))
        }
        let regions = SolutionRegions.find(in: block, file: file)
        block.solutions = regions.ranges
        problems += regions.diagnostics
        return (block, problems)
    }

    /// Runnable blocks must sit at the top level of the lesson, not inside lists or quotes.
    private static func nestedRunnableBlocks(in node: MarkdownNode, lines: [Substring], file: String) -> [Diagnostic] {
        node.descendants.filter { $0.kind == .codeBlock }.compactMap { nested in
            let (role, _, _) = InfoString(column: 1, text: nested.info ?? "").parse(file: file, line: nested.start.line)
            guard role != .swift && role != .plain else { return nil }
            return Diagnostic(
                file: file, line: nested.start.line, column: nested.start.column,
                "a '\(nested.info ?? "")' block must be at the top level of the lesson, not nested in a list or quote")
        }
    }

    /// The line and column of the first byte that is not part of valid UTF-8, if any.
    static func firstInvalidUTF8(in data: Data) -> (line: Int, column: Int)? {
        var line = 1
        var lineStart = data.startIndex
        var iterator = data.makeIterator()
        var parser = Unicode.UTF8.ForwardParser()
        var offset = data.startIndex
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let encoded):
                if encoded.count == 1 && encoded.first == UInt8(ascii: "\n") {
                    line += 1
                    lineStart = offset + 1
                }
                offset += encoded.count
            case .error:
                return (line, offset - lineStart + 1)
            case .emptyInput:
                return nil
            }
        }
    }
}
