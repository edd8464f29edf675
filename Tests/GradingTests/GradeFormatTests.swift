import Foundation
import LessonParser
import Testing

@testable import Grading

#if canImport(FoundationXML)
    import FoundationXML
#endif

/// The output formats, on a hand-made grade: whole expected texts.
@Suite struct GradeFormatTests {
    static let grades = [
        SubmissionGrade(
            student: "ada", path: "class/ada",
            exercises: [
                ExerciseGrade(
                    lesson: "01-tiny.md", id: "double", title: "Double", maxPoints: 2,
                    checks: [
                        CheckGrade(
                            index: 0, hidden: false, name: nil, line: 29, studentLine: 30, maxPoints: 1, passed: true,
                            failures: [], reason: nil),
                        CheckGrade(
                            index: 1, hidden: true, name: nil, line: 33, studentLine: nil, maxPoints: 1, passed: false,
                            failures: [.init(line: 34, studentLine: nil, message: "expected -3.0 ± 1e-09, got 3.0")],
                            reason: nil, seconds: 0.25),
                    ], seconds: 0.5)
            ]),
        SubmissionGrade(
            student: "=bo, \"jr\"", path: "class/bo",
            exercises: [
                ExerciseGrade(
                    lesson: "01-tiny.md", id: "double", title: "Double", maxPoints: 2,
                    checks: [
                        CheckGrade(
                            index: 0, hidden: false, name: nil, line: 29, studentLine: 30, maxPoints: 1, passed: false,
                            failures: [.init(line: 30, studentLine: 31, message: "expected 6.0 ± 1e-09, got <&>")],
                            reason: nil),
                        CheckGrade(
                            index: 1, hidden: true, name: nil, line: 33, studentLine: nil, maxPoints: 1, passed: false,
                            failures: [],
                            reason: "the program trapped (signal 4)"),
                    ])
            ]),
    ]

    @Test func table() throws {
        let table = try GradeFormat.table.render(Self.grades)
        #expect(
            table == """
                student    double  total
                ada           1/2    1/2
                =bo, "jr"     0/2    0/2

                ada (1/2):
                  double: 0 of 1 hidden check passed

                =bo, "jr" (0/2):
                  double: 01-tiny.md:31: check failed: expected 6.0 ± 1e-09, got <&>
                  double: 0 of 1 hidden check passed
                """ + "\n")
    }

    @Test func csv() throws {
        #expect(
            try GradeFormat.csv.render(Self.grades)
                == "student,double,total,max\r\nada,1,1,2\r\n\"'=bo, \"\"jr\"\"\",0,0,2\r\n")
    }

    /// As the JUnit 4 schema has it: points as the suite's properties, none inside a test
    /// case (a check's points are its `system-out`), times on suites and cases; failures at
    /// the student's line, a hidden check's at the instructor's.
    @Test func junitHasPointsAsSuitePropertiesAndHidesNothingFromTheInstructor() throws {
        let xml = try GradeFormat.junit.render(Self.grades)
        #expect(xml.contains("<testsuite name=\"=bo, &quot;jr&quot;\" tests=\"2\" failures=\"2\" errors=\"0\""))
        #expect(xml.contains("<property name=\"points\" value=\"1\"/>"))
        #expect(xml.contains("<testcase classname=\"ada.01-tiny.md.double\" name=\"hidden check 2\" time=\"0.250\">"))
        #expect(
            xml.contains("<failure message=\"01-tiny.md:31: check failed: expected 6.0 ± 1e-09, got &lt;&amp;&gt;\""))
        #expect(xml.contains("01-tiny.md:34 (the instructor's lesson): check failed: expected -3.0 ± 1e-09, got 3.0"))
        #expect(xml.contains("<system-out>points: 1 of 1</system-out>"))
        let document = try XMLDocument(data: Data(xml.utf8))
        #expect(try document.nodes(forXPath: "//testcase").count == 4)
        #expect(try document.nodes(forXPath: "//testcase/properties").isEmpty)
        #expect(try document.nodes(forXPath: "//testsuite[@time]").count == 2)
    }

    /// What `render` writes in JSON reads back into the same grades: how shards are merged.
    @Test func jsonReadsBackIntoTheSameGrades() throws {
        var grades = Self.grades
        grades[0].notes = ["x.md:3: exercise id=double_it is not an exercise of 01-tiny.md"]
        grades[0].exercises[0].file = "lessons/01-tiny.md"
        let json = try GradeFormat.json.render(grades)
        #expect(try GradeJSON.decode(Data(json.utf8)).grades == grades)
        #expect(try GradeJSON.decode(Data(json.utf8)).shard == nil)
        let shard = try #require(ClassShard("2/3"))
        #expect(try GradeJSON.decode(Data(try shard.render(grades).utf8)).shard == shard)
    }

    @Test func gradescopeTellsOnlyTheFeedback() throws {
        let json = try GradeFormat.gradescope.render([Self.grades[0]])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(object["score"] as? Double == 1)
        let tests = try #require(object["tests"] as? [[String: Any]])
        #expect(tests.count == 1)
        #expect(tests[0]["max_score"] as? Double == 2)
        #expect(tests[0]["output"] as? String == "0 of 1 hidden check passed")
        #expect(tests[0]["status"] as? String == "failed")
        #expect(tests[0]["visibility"] as? String == "visible")
        #expect(object["execution_time"] as? Int == 1)
        #expect(!json.contains("-3.0"))
        #expect(throws: DescentError.self) { try GradeFormat.gradescope.render(Self.grades) }
    }

    @Test func jsonHasEveryCheck() throws {
        let json = try GradeFormat.json.render(Self.grades)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let submissions = try #require(object["submissions"] as? [[String: Any]])
        #expect(submissions.map { $0["points"] as? Double } == [1, 0])
        let exercise = try #require((submissions[0]["exercises"] as? [[String: Any]])?.first)
        #expect((exercise["checks"] as? [[String: Any]])?.map { $0["hidden"] as? Bool } == [false, true])
        #expect(exercise["feedback"] as? [String] == ["0 of 1 hidden check passed"])
    }
}
