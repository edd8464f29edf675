import LessonParser
import Testing

@testable import LessonRunner

@Suite struct ProgramGeneratorTests {
    @Test func cellsKeepTheirLessonLines() {
        let source =
            "---\nparams:\n  lr: 0.1\n---\n```swift spec\nlet x = params.lr\n```\n\n```swift\nshown only\n```\n\n```swift spec\nprint(x)\n```\n"
        let (lesson, diagnostics) = LessonReader.parse(source, file: "lessons/a \"b\".md")
        #expect(diagnostics.isEmpty)
        let program = ProgramGenerator(lesson: lesson).source
        #expect(program.contains("    var `lr`: Double { _parameter(\"lr\") }\n"))
        #expect(
            program.contains(
                "_beginCell(0)\n#sourceLocation(file: \"lessons/a \\\"b\\\".md\", line: 6)\nlet x = params.lr\n#sourceLocation()\n"
            ))
        #expect(
            program.contains("_beginCell(1)\n#sourceLocation(file: \"lessons/a \\\"b\\\".md\", line: 14)\nprint(x)\n"))
        #expect(!program.contains("shown only"))
    }

    @Test func compilerErrorsAreRead() {
        let log = "lessons/x.md:41:7: error: cannot find 'y' in scope\nlessons/x.md:40:1: warning: unused\n"
        #expect(
            ProgramCache.errors(in: log) == [
                Diagnostic(file: "lessons/x.md", line: 41, column: 7, "cannot find 'y' in scope")
            ])
    }
}
