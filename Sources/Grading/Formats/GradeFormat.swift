/// The ways `descent grade` writes grades.
public enum GradeFormat: String, CaseIterable, Sendable {
    /// A table for the terminal, then each student's feedback.
    case table
    /// Everything, for tools: points per check, hidden ones marked, and the feedback.
    case json
    /// JUnit XML: a test suite per student, a test case per check, points as properties.
    case junit
    /// A gradebook: one row per student, one column per exercise.
    case csv
    /// Gradescope's `results.json` for one submission.
    case gradescope

    public func render(_ grades: [SubmissionGrade]) throws -> String {
        switch self {
        case .table: GradeTable.render(grades)
        case .json: try GradeJSON.render(grades)
        case .junit: GradeJUnit.render(grades)
        case .csv: GradeCSV.render(grades)
        case .gradescope: try Gradescope.render(grades)
        }
    }
}

/// Points as written in reports: whole numbers plain, others with up to two decimals.
func pointsText(_ points: Double) -> String {
    let rounded = (points * 100).rounded() / 100
    if rounded == rounded.rounded() { return String(Int(rounded)) }
    var text = String(format: "%.2f", rounded)
    while text.hasSuffix("0") { text.removeLast() }
    return text
}

/// Column names for exercises: the id, or `lesson/id` when an id is used in two lessons.
func exerciseNames(_ grades: [SubmissionGrade]) -> [String] {
    guard let first = grades.first else { return [] }
    let ids = first.exercises.map(\.id)
    return first.exercises.map { exercise in
        ids.filter { $0 == exercise.id }.count > 1 ? "\(exercise.lesson)/\(exercise.id)" : exercise.id
    }
}
