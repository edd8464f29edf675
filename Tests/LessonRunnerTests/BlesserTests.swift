import Testing

@testable import LessonRunner

/// Blessing rewrites the failing lines of an expected output and keeps the others as written.
@Suite struct BlesserTests {
    let matcher = OutputMatcher(tolerance: nil)

    @Test func matchingLinesKeepTheirWrittenPrecisionAndFailingOnesBecomeWhatWasPrinted() {
        let written = ["pi is about 3.14", "steps: 4", "loss 0.2500", "finished"]
        let printed = ["pi is about 3.14159265", "steps: 3", "loss 0.25", "a new line", "done"]
        let blessed = Blesser.merge(written: written, printed: printed, indent: "", matcher: matcher)
        #expect(blessed == ["pi is about 3.14", "steps: 3", "loss 0.2500", "a new line", "done"])
        #expect(matcher.matches(actual: printed.joined(separator: "\n"), expected: blessed.joined(separator: "\n")))
    }

    @Test func linesThatWentAwayAreDroppedAndTheIndentIsKept() {
        let written = ["  a 1.0", "  gone", "  b 2.0"]
        let blessed = Blesser.merge(written: written, printed: ["a 1", "b 2.5"], indent: "  ", matcher: matcher)
        #expect(blessed == ["  a 1.0", "  b 2.5"])
    }

    /// Only a line CommonMark reads as the closing fence is one: `~~~~ x` (text after it)
    /// or four spaces before it are a line of the block.
    @Test func aPrintedLineClosesTheFenceOnlyAsCommonMarkReadsIt() {
        #expect(
            Blesser.closes("```", fence: "```") && Blesser.closes("   ````  ", fence: "```")
                && Blesser.closes("~~~~", fence: "~~~"))
        #expect(
            !Blesser.closes("~~~~ x", fence: "~~~") && !Blesser.closes("    ```", fence: "```")
                && !Blesser.closes("``", fence: "```"))
        #expect(
            !Blesser.closes("~~~", fence: "```") && !Blesser.closes("\t```", fence: "```")
                && !Blesser.closes("``` swift", fence: "```"))
    }
}
