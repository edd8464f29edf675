import Foundation
import LessonParser
import LessonRunner
import SwiftParser
import SwiftSyntax
import Testing

@testable import Grading

/// No exercise of the course in `lessons/` can be passed by calling the core library.
///
/// The candidates are found, not listed: every public top-level function of
/// `Sources/DescentCore` whose parameter and result types fit an exercise's function (each of
/// its parameters takes a value of the exercise's parameters of the same type, or has a
/// default) is called with the exercise's arguments, by name (and as `DescentCore.name` where
/// the exercise hides anything), as a submission's whole answer; none may earn the exercise's
/// points. What an exercise `hides=`
/// (types such as `Linear`, whose methods compute an answer, as well as functions) is
/// referred to beside the reference solution, which then must not compile either.
@Suite struct CoreAnswerTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// A typed parameter of a function: its argument label (nil for `_`), name, type and
    /// whether it has a default.
    struct Parameter {
        var label: String?
        var name: String
        var type: String
        var hasDefault: Bool
    }

    struct Function {
        var name: String
        var parameters: [Parameter]
        var result: String
        /// Lines of its solution region's content in the block (0-based, between the markers).
        var region: Range<Int> = 0..<0
    }

    static func functions(in source: String, publicOnly: Bool) -> [Function] {
        Parser.parse(source: source).statements.compactMap { item -> Function? in
            guard let function = item.item.as(FunctionDeclSyntax.self) else { return nil }
            if publicOnly && !function.modifiers.contains(where: { $0.name.text == "public" }) { return nil }
            let parameters = function.signature.parameterClause.parameters.map { parameter in
                Parameter(
                    label: parameter.firstName.text == "_" ? nil : parameter.firstName.text,
                    name: (parameter.secondName ?? parameter.firstName).text,
                    type: Self.normalised(parameter.type.trimmedDescription),
                    hasDefault: parameter.defaultValue != nil)
            }
            let result = function.signature.returnClause.map { normalised($0.type.trimmedDescription) } ?? "Void"
            return Function(name: function.name.text, parameters: parameters, result: result)
        }
    }

    static func normalised(_ type: String) -> String {
        type.filter { !$0.isWhitespace }.replacingOccurrences(of: "@escaping", with: "")
    }

    /// The core's public top-level functions.
    static let core: [Function] = {
        let folder = root.appendingPathComponent("Sources/DescentCore")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.sorted().filter { $0.hasSuffix(".swift") }.flatMap { name in
            functions(
                in: (try? String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)) ?? "",
                publicOnly: true)
        }
    }()

    /// The arguments that call `candidate` with `function`'s parameters, or nil when its types
    /// do not fit.
    static func call(_ candidate: Function, with function: Function) -> String? {
        guard candidate.result == function.result else { return nil }
        var unused = function.parameters
        var arguments: [String] = []
        for parameter in candidate.parameters {
            if let index = unused.firstIndex(where: { $0.type == parameter.type }) {
                arguments.append((parameter.label.map { $0 + ": " } ?? "") + unused.remove(at: index).name)
            } else if !parameter.hasDefault {
                return nil
            }
        }
        return candidate.name + "(" + arguments.joined(separator: ", ") + ")"
    }

    /// One attempt at an exercise: the instructor's block with a region's content replaced or
    /// added to, and what it tries.
    struct Attempt {
        var lesson: String
        var id: String
        var block: String
        var what: String
        /// Whether it must earn every point (a control), rather than fail.
        var control = false
    }

    static func attempts() throws -> [Attempt] {
        let folder = root.appendingPathComponent("lessons")
        var attempts: [Attempt] = []
        for lessonName in try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted()
        where lessonName.hasSuffix(".md") {
            let name = lessonName
            let (lesson, _) = LessonReader.read(folder.appendingPathComponent(name), file: name)
            for block in try #require(lesson).codeBlocks where block.role == .exercise {
                let id = try #require(block.attributes.exercise)
                let lines = block.code.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
                let fence = "```swift exercise id=\(id)\n"
                func submitted(_ lines: [String]) -> String { fence + lines.joined(separator: "\n") + "\n```\n" }
                var exerciseFunctions = functions(in: block.code, publicOnly: false)
                for region in block.solutions {
                    let first = region.lowerBound - block.firstContentLine + 1
                    let last = region.upperBound - block.firstContentLine
                    // The function whose body holds this region: the last declared before it.
                    let declared = lines[..<first].filter { $0.hasPrefix("func ") }.count
                    guard declared > 0, declared <= exerciseFunctions.count else { continue }
                    exerciseFunctions[declared - 1].region = first..<last
                }
                for function in exerciseFunctions where !function.region.isEmpty {
                    for candidate in core {
                        guard let call = call(candidate, with: function) else { continue }
                        // As `DescentCore.name` too where the exercise hides the module's name.
                        for qualified in block.attributes.hides.isEmpty ? [""] : ["", "DescentCore."] {
                            var replaced = lines
                            replaced.replaceSubrange(function.region, with: ["    return \(qualified)\(call)"])
                            attempts.append(
                                Attempt(lesson: name, id: id, block: submitted(replaced), what: qualified + call))
                        }
                    }
                    // The reference solution, as statements (an expression body gets its `return`),
                    // after naming a hidden declaration; and, as a control that must pass, after
                    // naming one that is not hidden.
                    var reference = Array(lines[function.region])
                    let statement = ["let ", "var ", "guard ", "if ", "for ", "return "]
                    if let head = reference.first?.trimmingCharacters(in: .whitespaces),
                        !statement.contains(where: head.hasPrefix)
                    {
                        reference[0] = "    return " + head
                    }
                    for (name, control) in block.attributes.hides.map({ ($0, false) }) + [("Matrix", true)]
                    where !block.attributes.hides.isEmpty {
                        var added = lines
                        added.replaceSubrange(function.region, with: ["    _ = \(name).self"] + reference)
                        attempts.append(
                            Attempt(
                                lesson: lessonName, id: id, block: submitted(added),
                                what: "the reference solution naming \(name)", control: control))
                    }
                }
            }
        }
        return attempts
    }

    @Test func noExerciseIsPassedByCallingTheCore() throws {
        let attempts = try Self.attempts()
        let folder = Self.root.appendingPathComponent("lessons")
        // The ones that would pass without hiding (shown below): centralDifference, relativeError.
        #expect(attempts.contains { $0.what == "centralDifference(at: x, step: h, of: f)" })
        #expect(attempts.contains { $0.what == "relativeError(a, n)" })
        #expect(attempts.contains { $0.control })
        // One submission per attempt, graded against its own lesson only.
        for name in Set(attempts.map(\.lesson)).sorted() {
            let lesson = try #require(LessonReader.read(folder.appendingPathComponent(name), file: name).lesson)
            let mine = attempts.filter { $0.lesson == name }
            let submissions = mine.enumerated().map { index, attempt in
                Submission(student: "attempt \(index)", path: "", files: [(attempt.lesson, attempt.block)])
            }
            let grades = Grader(lessons: [lesson], executor: try GradingExecutor(sandbox: nil)).grade(submissions)
            for (attempt, grade) in zip(mine, grades) {
                let exercise = try #require(grade.exercises.first { $0.id == attempt.id })
                let feedback = exercise.feedback.joined(separator: "; ")
                if attempt.control {
                    #expect(exercise.points == exercise.maxPoints, "\(attempt.id), \(attempt.what): \(feedback)")
                } else {
                    #expect(
                        exercise.points < exercise.maxPoints, "\(attempt.id) is passed by \(attempt.what): \(feedback)")
                }
            }
        }
    }

    /// Hiding is what stops them: the hidden core functions, called, do compute the answers
    /// (so the test above can fail), and the compiler refuses the call.
    @Test func theHiddenFunctionsComputeTheAnswersAndTheCompilerSaysSo() throws {
        let attempt = try #require(
            try Self.attempts().first { $0.what == "centralDifference(at: x, step: h, of: f)" })
        let folder = Self.root.appendingPathComponent("lessons")
        var lesson = try #require(
            LessonReader.read(folder.appendingPathComponent(attempt.lesson), file: attempt.lesson).lesson)
        let grader = Grader(lessons: [lesson], executor: try GradingExecutor(sandbox: nil))
        let submission = Submission(student: "s", path: "", files: [(attempt.lesson, attempt.block)])
        let hidden = try #require(grader.grade([submission]).first?.exercises.first { $0.id == attempt.id })
        #expect(hidden.points == 0)
        #expect(
            hidden.feedback.joined().contains(
                "error: 'centralDifference' cannot be constructed because it has no accessible initializers"),
            "\(hidden.feedback)")
        // The same lesson without hides=: the call earns every point.
        lesson =
            LessonReader.parse(
                lesson.source.replacingOccurrences(of: " hides=centralDifference,numericalGradient", with: ""),
                file: attempt.lesson
            ).lesson
        let open = Grader(lessons: [lesson], executor: try GradingExecutor(sandbox: nil))
        let passed = try #require(open.grade([submission]).first?.exercises.first { $0.id == attempt.id })
        #expect(passed.points == passed.maxPoints, "\(passed.feedback)")
    }
}
