/// The terminal table: a row per student, a column per exercise, and then every
/// student's feedback (what they may be told about the submission, then per exercise;
/// hidden checks only as counts).
enum GradeTable {
    static func render(_ grades: [SubmissionGrade]) -> String {
        let names = exerciseNames(grades)
        let header = ["student"] + names + ["total"]
        let rows = grades.map { grade in
            [grade.student] + grade.exercises.map { "\(pointsText($0.points))/\(pointsText($0.maxPoints))" }
                + ["\(pointsText(grade.points))/\(pointsText(grade.maxPoints))"]
        }
        let widths = header.indices.map { column in
            ([header] + rows).map { $0.indices.contains(column) ? $0[column].count : 0 }.max() ?? 0
        }
        func line(_ cells: [String]) -> String {
            cells.enumerated().map { index, cell in
                index == 0
                    ? cell.padding(toLength: widths[index], withPad: " ", startingAt: 0)
                    : String(repeating: " ", count: widths[index] - cell.count) + cell
            }.joined(separator: "  ")
        }
        var lines = [line(header)] + rows.map(line)
        for grade in grades {
            let feedback =
                grade.notes.map { "  " + $0 }
                + grade.exercises.flatMap { exercise in
                    exercise.feedback.map { "  \(exercise.id): " + $0.replacingOccurrences(of: "\n", with: "\n    ") }
                }
            guard !feedback.isEmpty else { continue }
            lines.append("")
            lines.append("\(grade.student) (\(pointsText(grade.points))/\(pointsText(grade.maxPoints))):")
            lines += feedback
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
