import ArgumentParser

/// The `descent` command: run, check, render, release and grade the course's lessons.
public struct Descent: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "descent",
        abstract: "Run, check and publish the Descent course.",
        version: Descent.version,
        subcommands: [
            TestCommand.self, BuildCommand.self, FiguresCommand.self, ServeCommand.self, ReleaseCommand.self,
            AutograderCommand.self, GradeCommand.self, BenchCommand.self,
        ]
    )

    /// The tool's version, raised with each release of the course tools.
    static let version = "0.1.0"

    public init() {}
}
