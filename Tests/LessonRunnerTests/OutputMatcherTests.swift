@testable import LessonRunner
import Testing

@Suite struct OutputMatcherTests {
    @Test(arguments: [
        ("3.14159", "3.14"), ("3.14159", "3.142"), ("-24.0", "-24"), ("6.2230e-61", "6.2e-61"),
        ("x = 5  \n\n", "x = 5"), ("[0.5, 2.0, 4.0]", "[0.5, 2, 4]"), ("nan", "nan"), ("x1 = 2", "x1 = 2.0"),
        ("0.0003555", "3.555e-4"),
    ])
    func matches(_ actual: String, _ expected: String) {
        #expect(OutputMatcher().matches(actual: actual, expected: expected))
    }

    @Test(arguments: [
        ("3.15", "3.14"), ("-24.0", "-25"), ("x = 5", "y = 5"), ("1 2", "1 2 3"), ("6.3e-61", "6.2e-61"),
        ("x2 = 2", "x1 = 2"), ("inf", "1e308"),
    ])
    func differs(_ actual: String, _ expected: String) {
        #expect(!OutputMatcher().matches(actual: actual, expected: expected))
    }

    @Test func toleranceReplacesWrittenPrecision() {
        #expect(OutputMatcher(tolerance: 0.1).matches(actual: "1.05", expected: "1.0000"))
        #expect(!OutputMatcher(tolerance: 0.01).matches(actual: "1.05", expected: "1.0"))
    }

    @Test(arguments: [("3.1", 0.05), ("42", 0.5), ("6.2e-61", 0.05e-61), ("1.25E+3", 5.0)])
    func halfUnitInLastPlace(_ text: String, _ expected: Double) {
        let half = OutputMatcher.halfUnitInLastPlace(of: Substring(text))
        #expect(abs(half - expected) <= expected * 1e-12)
    }

    @Test func pairsAreTheLongestRunOfMatchesInOrder() {
        let a = Array("xabcy"), b = Array("abzc")
        let pairs = LineDiff.pairs(a.count, b.count) { a[$0] == b[$1] }
        #expect(pairs.map { "\($0.0)\($0.1)" } == ["10", "21", "33"])
    }

    /// Only the lines that differ are shown, at the first column where they differ.
    @Test func aChangedLineIsShownAloneAtItsColumn() {
        let diff = OutputMatcher().difference(actual: "a 1.0001\nsteps: 3\nc", expected: "a 1.0\nsteps: 4\nc\n", firstLine: 10)
        #expect(diff.line == 11 && diff.column == 8)
        #expect(diff.text == "- steps: 4\n+ steps: 3")
    }

    /// An inserted line is aligned with the lines around it, not shifting every later line.
    @Test func insertionsAndDeletionsAreAligned() {
        let diff = OutputMatcher().difference(actual: "a\nnew\nb\nc\nd", expected: "a\nb\nc\ngone\nd", firstLine: 5)
        #expect(diff.line == 6 && diff.column == 1)
        #expect(diff.text == "+ new\n@@ line 8 @@\n- gone")
    }

    /// Lines missing at the end are placed after the last expected line.
    @Test func linesPrintedAfterTheLastExpectedOne() {
        let diff = OutputMatcher().difference(actual: "a\nb", expected: "a", firstLine: 3)
        #expect(diff.line == 4 && diff.text == "+ b")
    }
}
