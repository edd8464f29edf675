/// A gradebook in CSV (RFC 4180): `student`, one column per exercise, `total`, `max`.
enum GradeCSV {
    static func render(_ grades: [SubmissionGrade]) -> String {
        var rows = [["student"] + exerciseNames(grades) + ["total", "max"]]
        for grade in grades {
            rows.append(
                [grade.student] + grade.exercises.map { pointsText($0.points) } + [
                    pointsText(grade.points), pointsText(grade.maxPoints),
                ])
        }
        return rows.map { $0.map(field).joined(separator: ",") }.joined(separator: "\r\n") + "\r\n"
    }

    private static func field(_ text: String) -> String {
        // A leading = + - @ would be read as a formula by spreadsheets.
        let safe = text.first.map { "=+-@".contains($0) } == true ? "'" + text : text
        guard safe.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return safe }
        return "\"" + safe.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
