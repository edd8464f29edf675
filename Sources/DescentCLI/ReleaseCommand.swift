import ArgumentParser

/// `descent release --out DIR`: the student edition of the course (placeholder until grading lands).
struct ReleaseCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "release", abstract: "Write the student edition of the course.")

    func run() throws {
        throw ValidationError("descent release is not implemented yet")
    }
}
