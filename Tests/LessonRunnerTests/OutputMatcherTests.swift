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

    @Test func diffMarksChangedLines() {
        #expect(OutputMatcher.diff(expected: "a\nb\n", actual: "a\nc") == "  a\n- b\n+ c")
    }
}
