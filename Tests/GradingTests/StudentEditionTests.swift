import Foundation
import LessonParser
import Testing

@testable import Grading

@Suite struct StudentEditionTests {
    static let lesson = """
        ---
        title: T
        ---
        Some prose.

        ```swift exercise id=e points=3
        func e() -> Int {
            let a = 1
            // BEGIN SOLUTION
            return a + 41
            // END SOLUTION
        }
        ```

        ```swift check exercise=e
        LessonRuntime.checkEqual(e(), 42)
        ```

        ```swift check exercise=e hidden
        LessonRuntime.checkEqual(e() - 2, 40)
        ```

        ```swift check exercise=e name=last
        LessonRuntime.check(e() > 0)
        ```
        """

    @Test func replacesSolutionsAndDropsHiddenChecks() {
        let lesson = LessonReader.parse(Self.lesson, file: "lessons/t.md").lesson
        let edition = StudentEdition(lesson)
        #expect(
            edition.text == """
                ---
                title: T
                ---
                Some prose.

                ```swift exercise id=e points=3
                func e() -> Int {
                    let a = 1
                    // Your code here.
                    return exerciseNotDone("e")
                }
                ```

                ```swift check exercise=e
                LessonRuntime.checkEqual(e(), 42)
                ```

                ```swift check exercise=e name=last
                LessonRuntime.check(e() > 0)
                ```
                """)
        // The last check's content line moved up by one (the stub) and four (the hidden block and a blank line).
        #expect(edition.lineMap[24] == 19)
        #expect(edition.lineMap[20] == nil)
        let parsed = LessonReader.parse(edition.text, file: "student/t.md")
        #expect(parsed.diagnostics.isEmpty)
    }
}
