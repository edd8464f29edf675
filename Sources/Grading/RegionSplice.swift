import LessonRunner

/// The body a graded function gets: the instructor's, with each solution region replaced by
/// the student's version of it.
///
/// The student's version of a region is what lies, in the student's body, between the
/// instructor's code before the region and the instructor's code after it (compared line
/// by line, trimmed, blank lines ignored); what the student changed in that surrounding
/// code is dropped. When it cannot be found (the student rewrote it), or the instructor's
/// braces share a line with code, the student's whole body is taken instead.
struct RegionSplice {
    /// The instructor's exercise block, as lines (line n is `lines[n - 1]`).
    let lines: [Substring]
    let function: ExerciseInterface.Function
    /// The lesson's file and the block's first line, for `#sourceLocation`.
    let lessonFile: String
    let blockLine: Int

    init(code: String, function: ExerciseInterface.Function, lessonFile: String, blockLine: Int) {
        lines = code.split(separator: "\n", omittingEmptySubsequences: false)
        self.function = function
        self.lessonFile = lessonFile
        self.blockLine = blockLine
    }

    /// The text to put between the instructor's braces. `student` is the text between the
    /// student's braces, whose first line (the one of their `{`) is `studentLine` of `studentFile`.
    func body(student: String, studentFile: String, studentLine: Int) -> String {
        let end = located("", line: function.bodyEndLine)
        guard let regions = studentRegions(student) else {
            return ["", Self.located(student, file: studentFile, line: studentLine), end].joined(separator: "\n")
        }
        var pieces = [""]
        func instructor(from: Int, to: Int) {
            if from < to { pieces.append(located(lines[(from - 1)..<(to - 1)].joined(separator: "\n"), line: from)) }
        }
        var next = function.bodyStartLine + 1
        for (region, (range, text)) in zip(function.regions, regions) {
            instructor(from: next, to: region.lowerBound)
            pieces.append(Self.located(text, file: studentFile, line: studentLine + range.lowerBound))
            next = region.upperBound + 1
        }
        instructor(from: next, to: function.bodyEndLine)
        return (pieces + [end]).joined(separator: "\n")
    }

    private func located(_ text: String, line: Int) -> String {
        Self.located(text, file: lessonFile, line: blockLine + line - 1)
    }

    private static func located(_ text: String, file: String, line: Int) -> String {
        "#sourceLocation(file: \(ProgramGenerator.literal(file)), line: \(line))\n" + text
    }

    /// Each region's lines in the student's body (0 = the line of their `{`) and text, or
    /// nil when the instructor's code around the regions is not found there.
    func studentRegions(_ student: String) -> [(Range<Int>, String)]? {
        let start = function.bodyStartLine, end = function.bodyEndLine
        guard !function.regions.isEmpty, lines.indices.contains(end - 1), lines[start - 1].hasSuffix("{"),
            lines[end - 1].trimmingCharacters(in: .whitespaces).hasPrefix("}")
        else { return nil }
        // The instructor's code around the regions: k + 1 segments for k regions.
        var segments: [[String]] = []
        var next = start + 1
        for region in function.regions {
            segments.append(Self.normalised(lines[(next - 1)..<(region.lowerBound - 1)]))
            next = region.upperBound + 1
        }
        segments.append(Self.normalised(lines[(next - 1)..<(end - 1)]))

        let studentLines = student.split(separator: "\n", omittingEmptySubsequences: false)
        let keys = studentLines.map { $0.trimmingCharacters(in: .whitespaces) }
        // Where `segment` ends if it is found as consecutive non-blank lines from `first`.
        func match(_ segment: [String], at first: Int) -> Int? {
            var line = first
            for wanted in segment {
                while line < keys.count && keys[line].isEmpty { line += 1 }
                guard line < keys.count, keys[line] == wanted else { return nil }
                line += 1
            }
            return line
        }
        // The first segment where it first is; each next one after it; the last one at its
        // last place, since it closes the body.
        guard
            var cursor = segments[0].isEmpty
                ? 0 : (0..<keys.count).lazy.compactMap({ match(segments[0], at: $0) }).first
        else { return nil }
        var ranges: [Range<Int>] = []
        for (index, segment) in segments.enumerated().dropFirst() {
            let candidates = (cursor..<max(cursor, keys.count + 1)).filter {
                segment.isEmpty || match(segment, at: $0) != nil
            }
            let isLast = index == segments.count - 1
            guard let found = segment.isEmpty && isLast ? keys.count : (isLast ? candidates.last : candidates.first)
            else { return nil }
            ranges.append(cursor..<found)
            cursor = segment.isEmpty ? found : match(segment, at: found) ?? found
        }
        return ranges.map { ($0, studentLines[$0].joined(separator: "\n")) }
    }

    /// Lines trimmed, blank ones left out.
    private static func normalised(_ lines: ArraySlice<Substring>) -> [String] {
        lines.map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }
}
