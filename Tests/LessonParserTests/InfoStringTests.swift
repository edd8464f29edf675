import Testing

@testable import LessonParser

@Suite struct InfoStringTests {
    func parse(_ info: String) -> (Role, Attributes, [String]) {
        let (role, attributes, diagnostics) = InfoString(column: 4, text: info).parse(file: "l.md", line: 7)
        return (role, attributes, diagnostics.map(\.description))
    }

    @Test(arguments: [
        ("", Role.plain), ("swift", .swift), ("swift spec", .spec), ("output", .output),
        ("swift exercise id=a points=2", .exercise), ("swift check exercise=a", .check),
    ])
    func roles(_ info: String, _ role: Role) {
        let (parsed, _, diagnostics) = parse(info)
        #expect(parsed == role)
        #expect(diagnostics.isEmpty)
    }

    @Test func specAttributes() {
        let (_, attributes, diagnostics) = parse("swift spec name=steps tolerance=1e-6 timeout=5 hidden")
        #expect(diagnostics.isEmpty)
        #expect(attributes.name == "steps")
        #expect(attributes.tolerance == 1e-6)
        #expect(attributes.timeout == 5)
        #expect(attributes.hidden)
    }

    @Test func quotedTitle() {
        let (_, attributes, diagnostics) = parse(#"swift exercise id=central points=2 title="Central difference""#)
        #expect(diagnostics.isEmpty)
        #expect(attributes.title == "Central difference")
        #expect(attributes.exercise == "central")
        #expect(attributes.points == 2)
    }

    @Test func hiddenCoreNames() {
        let (_, attributes, diagnostics) = parse("swift exercise id=a points=2 hides=centralDifference,Linear,_x2")
        #expect(diagnostics.isEmpty)
        #expect(attributes.hides == ["centralDifference", "Linear", "_x2"])
    }

    @Test(arguments: [
        ("python", "l.md:7:4: error: unknown code block role 'python'"),
        ("swift spce", "l.md:7:10: error: unknown role word 'spce' after 'swift' (expected spec, exercise or check)"),
        (
            "swift spec tolerence=1",
            "l.md:7:15: error: unknown attribute 'tolerence' for a swift spec block (expected hidden, name, timeout, tolerance)"
        ),
        ("swift spec timeout=-1", "l.md:7:15: error: timeout must be a number of seconds > 0, not '-1'"),
        ("swift spec hidden=yes", "l.md:7:15: error: 'hidden' is a flag and takes no value"),
        ("output hidden", "l.md:7:11: error: unknown attribute 'hidden' for a output block (it takes none)"),
        ("swift exercise points=1", "l.md:7:4: error: an exercise block needs id="),
        ("swift check", "l.md:7:4: error: a check block needs exercise="),
        (
            "swift exercise id=a points=1 hides=a,,b",
            "l.md:7:33: error: hides must be names separated by commas (hides=centralDifference,Linear), not 'a,,b'"
        ),
        ("swift exercise id=a points=1 hides=2x", "l.md:7:33: error: hides must be names separated by commas"),
        (
            "swift check exercise=a hides=x",
            "l.md:7:27: error: unknown attribute 'hides' for a swift check block"
        ),
    ])
    func errorsAtTheirColumn(_ info: String, _ message: String) {
        #expect(parse(info).2.contains { $0.hasPrefix(message) }, "\(parse(info).2)")
    }
}
