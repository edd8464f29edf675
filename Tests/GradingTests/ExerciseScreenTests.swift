@testable import Grading
import Testing

@Suite struct ExerciseScreenTests {
    let screen = ExerciseScreen(
        lessonCode: ["func square(_ x: Double) -> Double { x * x }\nvar tolerance = 1e-9\nlet d = centralDifference(at: 1, step: 0.1, of: square)"],
        checkCode: ["LessonRuntime.check(abs(double(3) - 6) < tolerance && [1.0].count == 1)"],
        reference: "func double(_ x: Double) -> Double {\n    2 * x\n}")

    @Test(arguments: [
        "func double(_ x: Double) -> Double { 2 * x }",
        "func double(_ x: Double) -> Double {\n    let s = \"}{ \\(x) \\\"quoted\\\"\"\n    _ = s\n    return x + x\n}",
        "import Foundation\nfunc double(_ x: Double) -> Double { pow(2, 1) * x }",
        "func double(_ x: Double) -> Double { helper(x) }\nprivate func helper(_ x: Double) -> Double { x * 2 }",
        "struct Doubler { func abs() -> Int { 1 } }\nfunc double(_ x: Double) -> Double { 2 * x }",
        "func double(_ x: Double) -> Double {\n    let text = #\"raw \"\"# + \"\"\"\n    multi { line\n    \"\"\"\n    return 2 * x + Double(text.count * 0)\n}",
        "func double(_ x: Double) -> Double { square(1) * 2 * x / 1 }",
        "func step(_ x: Double) -> Double { x }\nfunc double(_ x: Double) -> Double { step(2 * x) }",
        "func double(_ x: Double) -> Double { LessonHelpers.twice(x) }\nenum LessonHelpers { static func twice(_ x: Double) -> Double { x * 2 } }",
    ])
    func acceptsHonestCode(_ code: String) {
        #expect(screen.problems(in: code).isEmpty, "\(screen.problems(in: code))")
    }

    @Test(arguments: [
        ("@_cdecl(\"clock\") func c() -> Int { 0 }", "'@_cdecl' is not allowed"),
        ("@_silgen_name(\"x\") func y()", "'@_silgen_name' is not allowed"),
        ("@_section(\".init_array\") let boot = 1", "'@_section' is not allowed"),
        ("extension Double { static func == (a: Double, b: Double) -> Bool { true } }", "cannot declare operators"),
        ("prefix operator √", "cannot declare operators"),
        ("func abs(_ x: Double) -> Double { x }", "may not declare 'abs'"),
        ("func square(_ x: Double) -> Double { 0 }", "may not declare 'square'"),
        ("let x = 1, abs = 2", "may not declare 'abs'"),
        ("extension Array { var count: Int { 0 } }", "may not declare 'count'"),
        ("func centralDifference() {}", "may not declare 'centralDifference'"),
        ("enum Swift { }", "may not declare 'Swift'"),
        ("import Glibc", "'import Glibc' is not allowed"),
        ("import struct Darwin.timespec", "'import Darwin' is not allowed"),
        ("let p = UnsafeMutablePointer<Int>.allocate(capacity: 1)", "'UnsafeMutablePointer' is not allowed"),
        ("let f = dlsym(nil, \"x\")", "'dlsym' is not allowed"),
        ("let p = getenv(\"HOME\")!\nlet b = p.advanced(by: 4096).pointee", "'getenv' is not allowed"),
        ("let s = \"\\(_gradingEnd())\"", "names starting with '_'"),
        ("func double(_ x: Double) -> Double { tolerance = 1; return 2 * x }", "may not use 'tolerance'"),
        ("// @_cdecl hidden in a comment", "may not appear in an exercise"),
        ("let a = \"unterminated", "unterminated string literal"),
        ("func double(_ x: Double) -> Double { 2 * x", "unbalanced braces"),
        ("#sourceLocation(file: \"x\", line: 1)", "'#sourceLocation' is not allowed"),
    ])
    func rejects(_ code: String, _ message: String) {
        let problems = screen.problems(in: code)
        #expect(!problems.isEmpty && problems.contains { $0.message.contains(message) }, "\(code): \(problems)")
    }

    @Test func tokensSeeCodeInsideInterpolations() {
        let tokens = SwiftTokens("let s = \"a \\(f(\"b \\(g)\")) c\" // h\nlet t = 1")
        #expect(tokens.error == nil)
        #expect(tokens.tokens.filter { $0.kind == .identifier }.map(\.text) == ["let", "s", "f", "g", "let", "t"])
    }

    @Test func declarationsAreTopLevelOrExtensionMembers() {
        let tokens = SwiftTokens("func a() { let inner = 1 }\nstruct B { func member() {} }\nextension C { func added() {} }\nlet (d, e) = (1, 2)")
        #expect(ExerciseScreen.declarations(tokens).map(\.name) == ["a", "B", "added", "d", "e"])
        #expect(ExerciseScreen.declarations(tokens).map(\.member) == [false, false, true, false, false])
    }
}
