import Foundation
import Testing

/// `descent release` and `descent grade` on a tiny course (Fixtures/grading-course) and a
/// class of three (Fixtures/grading-class: right, half right on one exercise, and forged).
@Suite struct GradeTests {
    static let lessons = DescentBinary.fixture("grading-course").path
    static let students = ["ada", "bo", "eve"].map { DescentBinary.fixture("grading-class/\($0)").path }

    static func grade(_ format: String, _ students: [String] = students) throws -> DescentBinary.Result {
        try DescentBinary.run(["grade", "--lessons", lessons, "--format", format, "--memory", "1024"] + students)
    }

    @Test func releaseWritesAVerifiedStudentCourseThatTestsTheStudentsWork() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "descent-release-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("student").path
        let release = try DescentBinary.run(["release", "--lessons", Self.lessons, "--out", out])
        #expect(release.status == 0, "\(release.stdout)\(release.stderr)")
        #expect(release.stdout == "wrote the student course of 1 lesson (2 exercises, verified) to \(out)\n")
        let text = try String(contentsOfFile: out + "/lessons/01-tiny.md", encoding: .utf8)
        #expect(
            !text.contains("BEGIN SOLUTION") && !text.contains("params.scale * x")
                && !text.contains("exercise=mean hidden"))
        // The course a student needs: the tool's sources without its tests, the pages, a README.
        let files = try DescentBinary.files(in: URL(fileURLWithPath: out)).keys
        for expected in [
            "Package.swift", "Makefile", "README.md", "scripts/install-deps.sh", "Sources/descent/main.swift",
            "Sources/DescentCore/Matrix.swift", "site/index.html", "site/01-tiny.html", "site/.descent-output",
        ] {
            #expect(files.contains(expected), "\(expected) is missing")
        }
        #expect(!files.contains { $0.hasPrefix("Tests/") })
        let manifest = try String(contentsOfFile: out + "/Package.swift", encoding: .utf8)
        #expect(!manifest.contains("testTarget") && manifest.contains(".executableTarget(name: \"descent\""))
        let page = try String(contentsOfFile: out + "/site/01-tiny.html", encoding: .utf8)
        #expect(!page.contains("params.scale * x") && page.contains("exerciseNotDone"))

        // The student runs the visible checks of the unfinished edition: one line per exercise.
        let test = try DescentBinary.run(["test", "--lessons", out + "/lessons"])
        #expect(test.status == 1)
        #expect(
            test.stdout.hasSuffix(
                """
                /lessons/01-tiny.md:25:1: error: Exercise double is not done yet
                \(out)/lessons/01-tiny.md:39:1: error: Exercise mean is not done yet
                3 passed, 2 failed
                """ + "\n"), "\(test.stdout)")
        let readme = try String(contentsOfFile: out + "/README.md", encoding: .utf8)
        #expect(readme.contains("lessons/01-tiny.md:25:1: error: Exercise double is not done yet"))
    }

    @Test func releaseRefusesBrokenSolutionRegions() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent(
            "descent-release-\(UUID().uuidString)")
        let result = try DescentBinary.run(
            ["release", "--lessons", "grading-broken", "--out", folder.path], in: DescentBinary.fixture(""))
        #expect(result.status == 1)
        #expect(
            result.stdout == """
                grading-broken/01-regions.md:6:5: error: solution regions cannot nest (the one opened at line 5 is still open)
                grading-broken/01-regions.md:14:5: error: solution region is never closed with '// END SOLUTION'
                grading-broken/01-regions.md:20:1: error: '// END SOLUTION' outside an exercise block
                """ + "\n")
        #expect(!FileManager.default.fileExists(atPath: folder.path))
    }

    @Test func releaseNeverReplacesTheLessons() throws {
        let result = try DescentBinary.run(["release", "--lessons", Self.lessons, "--out", Self.lessons])
        #expect(result.status != 0)
        #expect(
            result.stderr.contains("descent will not replace '\(Self.lessons)': it is the lessons folder"),
            "\(result.stderr)")
    }

    /// `grade -o` never writes the grades over a lesson, a submission's file or a folder:
    /// it refuses before grading, and every file is as it was.
    @Test func gradesAreNeverWrittenOverWhatGradingReads() throws {
        let folder = try DescentBinary.copyOfFixture("grading-class")
        let lessons = try DescentBinary.copyOfFixture("grading-course")
        let before = try [DescentBinary.files(in: folder), DescentBinary.files(in: lessons)]
        for (output, reason) in [
            (lessons.path + "/01-tiny.md", "it is the lesson 01-tiny.md"),
            ("ada/01-tiny.md", "it is in the submission ada"),
            ("ada", "it is a folder"),
        ] {
            let result = try DescentBinary.run(
                ["grade", "--lessons", lessons.path, "--no-sandbox", "-o", output, "ada"], in: folder)
            #expect(result.status != 0)
            #expect(
                result.stderr.contains("descent will not write the grades to '\(output)': \(reason)"),
                "\(result.stderr)")
        }
        #expect(try [DescentBinary.files(in: folder), DescentBinary.files(in: lessons)] == before)
    }

    @Test func table() throws {
        let result = try Self.grade("table")
        #expect(result.status == 0, "\(result.stderr)")
        #expect(
            result.stdout == """
                student  double  mean  total
                ada         2/2   2/2    4/4
                bo          2/2   1/2    3/4
                eve         0/2   2/2    2/4

                ada (4/4):
                  double: 1 of 1 hidden check passed
                  mean: 1 of 1 hidden check passed

                bo (3/4):
                  double: 1 of 1 hidden check passed
                  mean: 0 of 1 hidden check passed

                eve (2/4):
                  double: 01-tiny.md:40: check failed: your code broke the grading protocol
                  double: 0 of 1 hidden check passed
                  mean: 1 of 1 hidden check passed
                """ + "\n")
    }

    /// A submission that is not there is reported and graded as empty; the class is graded.
    @Test func aMissingSubmissionDoesNotStopTheClass() throws {
        let result = try Self.grade("csv", [Self.students[0], "/nonexistent/descent/zed"])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(result.stderr.contains("warning: zed: /nonexistent/descent/zed: no such file or folder"))
        #expect(result.stdout == "student,double,mean,total,max\r\nada,2,2,4,4\r\nzed,0,0,0,4\r\n")
    }

    @Test func csv() throws {
        let result = try Self.grade("csv")
        #expect(result.stdout == "student,double,mean,total,max\r\nada,2,2,4,4\r\nbo,2,1,3,4\r\neve,0,2,2,4\r\n")
    }

    @Test func junitAndJSON() throws {
        let junit = try Self.grade("junit").stdout
        #expect(junit.contains("<testsuite name=\"bo\" tests=\"4\" failures=\"1\""))
        #expect(junit.contains("<testcase classname=\"bo.01-tiny.md.mean\" name=\"hidden check 2\" time=\""))
        #expect(junit.contains("<property name=\"max_points\" value=\"4\"/>"))
        #expect(junit.contains("<system-out>points: 0 of 1</system-out>"))
        let json = try Self.grade("json").stdout
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        let submissions = object?["submissions"] as? [[String: Any]]
        #expect(submissions?.map { $0["points"] as? Double } == [4, 3, 2])
    }

    @Test func gradescopeGradesOneSubmission() throws {
        let one = try Self.grade("gradescope", [Self.students[1]])
        let object = try JSONSerialization.jsonObject(with: Data(one.stdout.utf8)) as? [String: Any]
        #expect(object?["score"] as? Double == 3)
        #expect(
            (object?["tests"] as? [[String: Any]])?.map { $0["output"] as? String } == [
                "1 of 1 hidden check passed", "0 of 1 hidden check passed",
            ])
        let many = try Self.grade("gradescope")
        #expect(many.status != 0)
        #expect(many.stderr.contains("--format gradescope grades one submission at a time"))
    }
}
