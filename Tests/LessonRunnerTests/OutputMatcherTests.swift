import Testing

@testable import LessonRunner

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

    @Test(arguments: [("3.1", "5", -2), ("42", "5", -1), ("6.2e-61", "5", -63), ("1.25E+3", "5", 0)])
    func halfUnitInLastPlace(_ text: String, _ digits: String, _ exponent: Int) {
        #expect(
            ExactDecimal.halfUnitInLastPlace(of: Substring(text)) == ExactDecimal(Substring("\(digits)e\(exponent)")))
    }

    /// An exponent beyond any `Double`'s, up to the most negative `Int`, is compared as text
    /// (it once overflowed `abs` and crashed descent).
    @Test func hugeExponentsAreText() {
        #expect(OutputMatcher().matches(actual: "1e-9223372036854775808", expected: "1e-9223372036854775808"))
        #expect(!OutputMatcher().matches(actual: "1e-9223372036854775808", expected: "1e-9223372036854775807"))
        #expect(!OutputMatcher().matches(actual: "1e-99999999999999999999", expected: "0"))
    }

    /// Numbers a `Double` cannot tell apart are compared exactly: 2^53 + 1 is not 2^53,
    /// `UInt64.max` is not its neighbour, and a tolerance is the decimal it is written as.
    @Test(arguments: [
        ("9007199254740993", "9007199254740992"), ("18446744073709551615", "18446744073709551614"),
        ("0.30000000000000004", "0.30000000000000005"), ("-9007199254740993", "-9007199254740992"),
    ])
    func bigNumbersDifferExactly(_ actual: String, _ expected: String) {
        #expect(!OutputMatcher().matches(actual: actual, expected: expected))
        #expect(OutputMatcher().matches(actual: expected, expected: expected))
    }

    @Test func aToleranceIsExactToo() {
        #expect(OutputMatcher(tolerance: 1).matches(actual: "9007199254740993", expected: "9007199254740992"))
        #expect(!OutputMatcher(tolerance: 0.5).matches(actual: "9007199254740993", expected: "9007199254740992"))
        #expect(OutputMatcher(tolerance: 0.1).matches(actual: "0.4", expected: "0.3"))
        #expect(OutputMatcher().matches(actual: "3.0", expected: "3"))
    }

    /// pytest's `NUMBER` option (pytest-dev/pytest, testing/test_doctest.py,
    /// `test_number_precision` and `test_number_non_matches`): what pytest accepts and
    /// rejects, where the rule is the same. pytest also refuses `3.0` for `3` and `3` for
    /// `3.0` ("ints shouldn't match floats"); here `3` accepts `3.0`, by design.
    @Test(arguments: [
        ("3.141592653589793", "3.141592653589793"), ("3.141592653589793", "3.1416"), ("3.141592653589793", "3.14"),
        ("-3.141592653589793", "-3.14"), ("3.141592653589793", "3."), ("3.0", "3."), ("951.0", "1e3"),
        ("1049.0", "1e3"), ("-1049.0", "-1e3"), ("1000.0", "1e3"),
        ("[3.1415, 0.097, 13.1, 7, 822222.0, 0.00598]", "[3.14, 0.1, 13., 7, 8.22e5, 6.0e-3]"),
        ("[[0.333, 0.667], [0.999, 1.333]]", "[[0.33, 0.667], [0.999, 1.333]]"),
    ])
    func pytestNumberMatches(_ actual: String, _ expected: String) {
        #expect(OutputMatcher().matches(actual: actual, expected: expected))
    }

    @Test(arguments: [
        ("3.1", "3.0"), ("3.1", "3.2"), ("3.1", "4.0"), ("822000.0", "810000.0"), ("3.0", "2.98"), ("1000.0", "999"),
    ])
    func pytestNumberNonMatches(_ actual: String, _ expected: String) {
        #expect(!OutputMatcher().matches(actual: actual, expected: expected))
    }

    @Test func pairsAreTheLongestRunOfMatchesInOrder() {
        let a = Array("xabcy"), b = Array("abzc")
        let pairs = LineDiff.pairs(a.count, b.count) { a[$0] == b[$1] }
        #expect(pairs.map { "\($0.0)\($0.1)" } == ["10", "21", "33"])
    }

    /// Only the lines that differ are shown, at the first column where they differ.
    @Test func aChangedLineIsShownAloneAtItsColumn() {
        let diff = OutputMatcher().difference(
            actual: "a 1.0001\nsteps: 3\nc", expected: "a 1.0\nsteps: 4\nc\n", firstLine: 10)
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
