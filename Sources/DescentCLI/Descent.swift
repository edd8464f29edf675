import ArgumentParser

/// The `descent` command: run, check, render, release and grade the course's lessons.
public struct Descent: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "descent",
        abstract: "Run, check and publish the Descent course.",
        subcommands: [TestCommand.self, BuildCommand.self, FiguresCommand.self, ReleaseCommand.self, GradeCommand.self, BenchCommand.self]
    )

    public init() {}
}
