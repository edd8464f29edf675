import Testing

@testable import Plotting

struct FormatTests {
    @Test(
        arguments: [
            (0.0, "0"), (-0.0, "0"), (0.004, "0"), (-0.004, "0"), (12.5, "12.5"), (-3.0, "-3"),
            (2.25, "2.25"), (0.1 + 0.2, "0.3"), (1234.5678, "1234.57"), (-0.126, "-0.13"),
        ] as [(Double, String)])
    func coordinate(value: Double, expected: String) {
        #expect(Format.coordinate(value) == expected)
    }

    @Test(
        arguments: [
            (0.000123, "0.000123"), (1.23e-5, "1.23e−5"), (1234567.0, "1.23e6"), (0.5, "0.5"),
            (1.0986, "1.1"), (999.96, "1000"), (-2.5, "−2.5"), (0.0, "0"), (123456.0, "123000"),
            (Double.nan, "not a number"), (-Double.infinity, "−∞"),
        ] as [(Double, String)])
    func significant(value: Double, expected: String) {
        #expect(Format.significant(value) == expected)
    }

    @Test func powersOfTenHaveSuperscripts() {
        #expect(NumberLabel.power(-3).parts == ("10", "−3"))
        #expect(NumberLabel.significant(2e-7).parts == ("2×10", "−7"))
        #expect(NumberLabel.significant(0.25).parts == ("0.25", nil))
    }

    @Test func escapesText() {
        #expect(SVGWriter.escape("a<b & \"c\" 'd'>\u{1}") == "a&lt;b &amp; &quot;c&quot; &apos;d&apos;&gt; ")
    }
}
