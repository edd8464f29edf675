import Foundation
import Testing

@testable import LessonParser

@Suite struct LessonReaderTests {
    let source = """
        ---
        title: Derivatives
        summary: Slopes.
        params:
          lr: 0.1
          steps: 20
          tiny: 1e-5
          name: "x"
          show: true
          rates: [0.01, 0.1]
        ---
        # Slopes

        Prose with $x^2$.

        ```swift spec name=first
        print(1)
        ```

        ```output
        1
        ```

        ```swift exercise id=step points=2
        func step(_ x: Double) -> Double {
            // BEGIN SOLUTION
            return x - 0.1
            // END SOLUTION
        }
        ```

        ```swift check exercise=step hidden
        LessonRuntime.check(step(1) < 1)
        ```
        """

    @Test func frontMatter() {
        let (lesson, diagnostics) = LessonReader.parse(source, file: "lessons/01-derivatives.md")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        #expect(lesson.slug == "01-derivatives")
        #expect(lesson.frontMatter.title == "Derivatives")
        #expect(
            lesson.frontMatter.params.map(\.value) == [
                .number(0.1), .integer(20), .number(1e-5), .string("x"), .boolean(true), .numbers([0.01, 0.1]),
            ])
        #expect(lesson.frontMatter.params.map(\.line) == [5, 6, 7, 8, 9, 10])
    }

    /// A parameter written `{default: …, choices: […]}` has the default's type; an integer
    /// choice of a number is a number, and the plain form keeps no choices.
    @Test func choices() {
        let text = """
            ---
            params:
              start: {default: 20.0, choices: [5, 12.5, 20]}
              rates:
                default: [0.1, 0.5]
                choices: [[0.1, 0.5], [1.0]]
              steps: 3
            ---

            """
        let (lesson, diagnostics) = LessonReader.parse(text, file: "l.md")
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        let params = lesson.frontMatter.params
        #expect(params.map(\.value) == [.number(20), .numbers([0.1, 0.5]), .integer(3)])
        #expect(params.map(\.line) == [3, 4, 7])
        #expect(params[0].choices == [.number(5), .number(12.5), .number(20)])
        #expect(params[0].alternatives.map(\.value) == [.number(5), .number(12.5)])
        #expect(params[1].choices == [.numbers([0.1, 0.5]), .numbers([1])])
        #expect(params[2].choices.isEmpty && params[2].alternatives.isEmpty)
    }

    @Test func blocksKnowTheirLines() {
        let (lesson, _) = LessonReader.parse(source, file: "l.md")
        #expect(lesson.codeBlocks.map(\.role) == [.spec, .output, .exercise, .check])
        #expect(lesson.codeBlocks.map(\.line) == [16, 20, 24, 32])
        #expect(lesson.codeBlocks[0].contentLines == 17..<18)
        #expect(lesson.codeBlocks[2].solutions == [26...28])
        #expect(lesson.cells.count == 3)
        #expect(lesson.cells[0].expected?.code == "1\n")
    }

    @Test func proseKeepsItsLines() {
        let (lesson, _) = LessonReader.parse(source, file: "l.md")
        guard case .prose(let markdown, let line) = lesson.items.first else {
            Issue.record("no prose first")
            return
        }
        #expect(line == 12)
        #expect(markdown.hasPrefix("# Slopes\n\nProse with $x^2$."))
    }

    @Test(arguments: [
        ("```output\n1\n```\n", "l.md:1:1: error: an output block must come right after a swift spec block"),
        (
            "```swift check exercise=nope\n```\n",
            "l.md:1:1: error: check for exercise 'nope', but no exercise block with id=nope comes before it"
        ),
        ("```swift spec\n// BEGIN SOLUTION\n```\n", "l.md:2:1: error: '// BEGIN SOLUTION' outside an exercise block"),
        (
            "```swift exercise id=a points=1\n// BEGIN SOLUTION\n```\n",
            "l.md:2:1: error: solution region is never closed with '// END SOLUTION'"
        ),
        (
            "```swift exercise id=a points=1\n// BEGIN SOLUTION\n// BEGIN SOLUTION\n// END SOLUTION\n```\n",
            "l.md:3:1: error: solution regions cannot nest (the one opened at line 2 is still open)"
        ),
        (
            "```swift exercise id=a points=1\n```\n```swift exercise id=a points=1\n```\n",
            "l.md:3:1: error: exercise id 'a' is already used at line 1"
        ),
        (
            "- item\n\n  ```swift spec\n  print(1)\n  ```\n",
            "l.md:3:3: error: a 'swift spec' block must be at the top level of the lesson, not nested in a list or quote"
        ),
        ("```swift spec\nprint(1)\n", "l.md:1:1: error: code block is never closed"),
        ("---\nsteps: 3\n---\n", "l.md:2:1: error: unknown front matter key 'steps' (expected title, summary, params)"),
        ("---\nparams:\n  2fast: 1\n---\n", "l.md:3:3: error: parameter name '2fast' is not a Swift identifier"),
        (
            "---\nparams:\n  start: {default: 20, choices: [5, 12]}\n---\n",
            "l.md:3:33: error: the choices of 'start' must include its default, 20"
        ),
        (
            "---\nparams:\n  start: {default: 20, choices: [5, \"x\", 20]}\n---\n",
            "l.md:3:37: error: each choice of 'start' must be of type Int, like its default"
        ),
        (
            "---\nparams:\n  start: {default: 20, choices: [5, 5, 20]}\n---\n",
            "l.md:3:37: error: the choice 5 of 'start' is listed twice"
        ),
        (
            "---\nparams:\n  start: {default: 20, choice: [5, 20]}\n---\n",
            "l.md:3:24: error: unknown key 'choice' in parameter 'start' (expected default, choices)"
        ),
        (
            "---\nparams:\n  start: {choices: [5, 20]}\n---\n",
            "l.md:3:10: error: parameter 'start' needs both 'default' and 'choices'"
        ),
        (
            "---\nparams:\n  start:\n    default: 20\n    choices: 5\n---\n",
            "l.md:5:14: error: the choices of 'start' must be a list of values, such as [5, 12, 20]"
        ),
    ])
    func problems(_ text: String, _ message: String) {
        let diagnostics = LessonReader.parse(text, file: "l.md").diagnostics.map(\.description)
        #expect(diagnostics.contains(message), "\(diagnostics)")
    }

    @Test func invalidUTF8IsLocated() {
        let data = Data("ok\nbad \u{FF}".utf8.map { $0 })  // valid: U+00FF encodes as two bytes
        #expect(LessonReader.firstInvalidUTF8(in: data) == nil)
        let broken = Data([0x61, 0x0A, 0x62, 0x62, 0xFF, 0x0A])
        #expect(LessonReader.firstInvalidUTF8(in: broken)! == (2, 3))
    }
}
