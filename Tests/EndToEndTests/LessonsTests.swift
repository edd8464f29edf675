import Foundation
import Testing

/// Every lesson of the course passes `descent test`.
@Test func everyLessonPasses() throws {
    let result = try DescentBinary.run(["test", "--lessons", "lessons"])
    #expect(result.status == 0, "descent test lessons/ failed:\n\(result.stdout)\(result.stderr)")
    #expect(result.stdout.contains(" passed, 0 failed"))
}
