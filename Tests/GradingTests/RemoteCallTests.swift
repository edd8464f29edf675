import Foundation
import LessonParser
import Testing

@testable import Grading

/// Checks that pass closures: the exercise calls them back across the process boundary,
/// and a checker's closure may call the exercise again. An exercise that abuses the
/// callbacks earns nothing.
@Suite(.serialized) struct RemoteCallTests {
    static func grade(_ body: String) throws -> ExerciseGrade {
        let text =
            "```swift exercise id=slope\nfunc slope(of f: (Double) -> Double, at x: Double) -> Double {\n\(body)\n}\n```\n"
        return try Fixtures.gradeExercise(lesson: "closures/01-slope.md", block: text)
    }

    @Test(arguments: [
        // body, points, what the feedback says
        ("    let h = 1e-4\n    return (f(x + h) - f(x - h)) / (2 * h)", 2.0, ""),
        ("    (f(x + 1e-3) - f(x)) / 1e-3", 0, "expected 6.0 ± 1e-06, got 6.0009"),  // one-sided: off by h
        // Forges a callback to a handle it was never given.
        (
            "    _ = FileHandle(fileDescriptor: 4).write(Data(\"callback\\t999\\t3ff0000000000000\\n\".utf8))\n    return f(x)",
            0,
            "your code called a function it was given after the call that gave it had returned"
        ),
        // Calls back with an argument that is not a Double.
        (
            "    _ = FileHandle(fileDescriptor: 4).write(Data(\"callback\\t0\\tnot-a-number\\n\".utf8))\n    return f(x)",
            0,
            "your code called a function it was given wrongly"
        ),
        // Calls the closure for ever.
        ("    var total = 0.0\n    while true { total += f(x) }", 0, "did not finish within 3 s"),
    ])
    func closureArguments(_ body: String, _ points: Double, _ says: String) throws {
        let grade = try Self.grade(body)
        #expect(grade.points == points, "\(grade.feedback)")
        #expect(says.isEmpty || grade.feedback.joined(separator: "\n").contains(says), "\(grade.feedback)")
    }
}
