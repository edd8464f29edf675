import ArgumentParser

/// `descent grade SUBMISSION…`: grade submissions (placeholder until grading lands).
struct GradeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "grade", abstract: "Grade students' submissions.")

    func run() throws {
        throw ValidationError("descent grade is not implemented yet")
    }
}
