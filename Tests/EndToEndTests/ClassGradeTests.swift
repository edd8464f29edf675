import Foundation
import Testing

/// `descent grade` for a class as instructors and their tools meet it: feedback at the
/// student's own lines in every format, students' names, missing work and unknown exercise
/// ids, the maximum over the lessons handed in, JUnit that the JUnit 4 schema accepts,
/// Gradescope's fields, time limits, and a class graded in shards and merged.
@Suite struct ClassGradeTests {
    static let lessons = DescentBinary.fixture("grading-course").path
    static let class3 = ["ada", "bo", "eve"].map { DescentBinary.fixture("grading-class/\($0)").path }
    /// Carol's file is `lessons/01-tiny.md`, its lines moved by notes of hers; her double
    /// is wrong, her mean traps on the visible check's three values, and she has a block
    /// with an id the lesson does not have.
    static let carol = DescentBinary.fixture("grading-lines/carol").path

    static func grade(_ arguments: [String], in directory: URL? = nil) throws -> DescentBinary.Result {
        let result = try DescentBinary.run(["grade", "--memory", "1024"] + arguments, in: directory)
        #expect(result.status == 0, "\(arguments): \(result.stderr)")
        return result
    }

    /// Every format cites carol's own file and lines: the visible check of double at line
    /// 39 of her `lessons/01-tiny.md`, that of mean at 55, and her trap at 48.
    @Test func feedbackCitesTheStudentsOwnFileAndLine() throws {
        let double = "lessons/01-tiny.md:39: check failed: expected 6.0 ± 1e-09, got 9.0"
        let mean =
            "lessons/01-tiny.md:55: check failed: your code trapped: lessons/01-tiny.md:48: Fatal error: three values are too many"
        let unknown =
            "lessons/01-tiny.md:24: exercise id=double_it is not an exercise of 01-tiny.md (its exercises: double, mean); this block was not graded"
        let table = try Self.grade(["--lessons", Self.lessons, Self.carol]).stdout
        #expect(
            table == """
                student  double  mean  total
                carol       0/2   1/2    1/4

                carol (1/4):
                  \(unknown)
                  double: \(double)
                  double: 0 of 1 hidden check passed
                  mean: \(mean)
                  mean: 1 of 1 hidden check passed
                """ + "\n")

        let json = try Self.grade(["--lessons", Self.lessons, "--format", "json", Self.carol]).stdout
        let student = try #require(
            (try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])?["submissions"]
                as? [[String: Any]]
        ).first
        let exercises = try #require(student?["exercises"] as? [[String: Any]])
        #expect(exercises.map { $0["file"] as? String } == ["lessons/01-tiny.md", "lessons/01-tiny.md"])
        #expect(exercises.map { ($0["feedback"] as? [String])?.first } == [double, mean])
        let visible = exercises.map { ($0["checks"] as? [[String: Any]])?.first }
        #expect(visible.map { $0?["student_line"] as? Int } == [39, 55])
        #expect(
            visible.map { (($0?["failures"] as? [[String: Any]])?.first)?["student_line"] as? Int } == [39, nil])
        #expect(student?["notes"] as? [String] == [unknown])

        let junit = try Self.grade(["--lessons", Self.lessons, "--format", "junit", Self.carol]).stdout
        #expect(junit.contains("<failure message=\"\(double)\" type=\"check\">"), "\(junit)")
        #expect(junit.contains("<failure message=\"\(mean)\" type=\"check\">"), "\(junit)")
        #expect(junit.contains("<system-err>\(unknown)</system-err>"))

        let gradescope = try Self.grade(["--lessons", Self.lessons, "--format", "gradescope", Self.carol]).stdout
        let results = try #require(try JSONSerialization.jsonObject(with: Data(gradescope.utf8)) as? [String: Any])
        #expect(
            (results["tests"] as? [[String: Any]])?.map { $0["output"] as? String } == [
                "\(double)\n0 of 1 hidden check passed", "\(mean)\n1 of 1 hidden check passed",
            ])
        #expect(results["output"] as? String == "1 of 4 points\n\(unknown)")
    }

    /// Names are the shortest trailing part of the path that is unique: a single file is
    /// named by its folder when every student's file has the same name.
    @Test func studentsAreNamedByTheShortestUniqueTrailingPath() throws {
        let folder = try DescentBinary.copy(of: DescentBinary.fixture("grading-class"))
        let manager = FileManager.default
        for (student, from) in [("alice", "ada"), ("bob", "bo")] {
            try manager.createDirectory(
                at: folder.appendingPathComponent("single/\(student)"), withIntermediateDirectories: true)
            try manager.copyItem(
                at: folder.appendingPathComponent("\(from)/01-tiny.md"),
                to: folder.appendingPathComponent("single/\(student)/01-tiny.md"))
        }
        for group in ["a", "b"] {
            try manager.createDirectory(at: folder.appendingPathComponent(group), withIntermediateDirectories: true)
            try manager.copyItem(
                at: folder.appendingPathComponent("ada"), to: folder.appendingPathComponent("\(group)/x"))
        }
        let result = try Self.grade(
            [
                "--lessons", Self.lessons, "--format", "csv", "single/bob/01-tiny.md", "b/x", "single/alice/01-tiny.md",
                "a/x",
            ],
            in: folder)
        #expect(
            result.stdout
                == "student,double,mean,total,max\r\na/x,2,2,4,4\r\nalice,2,2,4,4\r\nb/x,2,2,4,4\r\nbob,2,1,3,4\r\n")

        let twice = try DescentBinary.run(
            ["grade", "--lessons", Self.lessons, "--no-sandbox", "a/x", "./a/x"], in: folder)
        #expect(twice.status != 0)
        #expect(twice.stderr.contains("the submission './a/x' is given twice (also as 'a/x')"), "\(twice.stderr)")
    }

    /// Whoever can be graded is: a missing submission and one that cannot be read get 0
    /// with the reason, and the maximum counts only the lesson handed in (not the course's
    /// second lesson, which no one handed in).
    @Test func everyoneGradableIsGradedAndTheMaximumCountsTheLessonsGraded() throws {
        let lessons = try DescentBinary.copyOfFixture("grading-course")
        let second = try String(contentsOf: lessons.appendingPathComponent("01-tiny.md"), encoding: .utf8)
            .replacingOccurrences(of: "id=double", with: "id=triple")
            .replacingOccurrences(of: "exercise=double", with: "exercise=triple")
            .replacingOccurrences(of: "id=mean", with: "id=median")
            .replacingOccurrences(of: "exercise=mean", with: "exercise=median")
        try second.write(to: lessons.appendingPathComponent("02-more.md"), atomically: true, encoding: .utf8)
        let folder = try DescentBinary.copy(of: DescentBinary.fixture("grading-class"))
        let fifo = folder.appendingPathComponent("fay.md").path
        #expect(mkfifo(fifo, 0o644) == 0)

        let result = try Self.grade(
            ["--lessons", lessons.path, Self.class3[0], "/nonexistent/descent/zed", fifo, Self.carol])
        #expect(
            result.stdout.hasPrefix(
                """
                student  double  mean  total
                ada         2/2   2/2    4/4
                carol       0/2   1/2    1/4
                fay         0/2   0/2    0/4
                zed         0/2   0/2    0/4
                """), "\(result.stdout)")
        #expect(
            result.stdout.hasSuffix(
                """
                fay (0/4):
                  not read: \(fifo): not a regular file or folder
                  double: exercise double: no exercise block with id=double in the submission
                  mean: exercise mean: no exercise block with id=mean in the submission

                zed (0/4):
                  not read: /nonexistent/descent/zed: no such file or folder
                  double: exercise double: no exercise block with id=double in the submission
                  mean: exercise mean: no exercise block with id=mean in the submission
                """ + "\n"), "\(result.stdout)")
        #expect(
            result.stdout.contains("  lessons/01-tiny.md:24: exercise id=double_it is not an exercise of 01-tiny.md"))

        // Handed in by one student (the instructor's own file, solutions and all), the
        // second lesson counts for everyone.
        let more = folder.appendingPathComponent("more")
        try FileManager.default.createDirectory(at: more, withIntermediateDirectories: true)
        try second.write(to: more.appendingPathComponent("02-more.md"), atomically: true, encoding: .utf8)
        let both = try Self.grade(["--lessons", lessons.path, "--format", "csv", Self.class3[0], more.path])
        #expect(
            both.stdout
                == "student,double,mean,triple,median,total,max\r\nada,2,2,0,0,4,8\r\nmore,0,0,2,2,4,8\r\n")
        #expect(both.stderr.contains("lessons graded: 01-tiny.md, 02-more.md\n"))

        // Unless the instructor names the lessons: then the others' blocks are reported.
        let only = try Self.grade(
            ["--lessons", lessons.path, "--only", "01-tiny", "--format", "json", Self.class3[0], more.path])
        #expect(only.stderr.contains("lessons graded: 01-tiny.md\n"))
        let submissions = try #require(
            (try JSONSerialization.jsonObject(with: Data(only.stdout.utf8)) as? [String: Any])?["submissions"]
                as? [[String: Any]])
        #expect(submissions.map { $0["max_points"] as? Double } == [4, 4])
        #expect(
            (submissions[1]["notes"] as? [String])?.first?.hasSuffix(
                "exercise id=triple is not an exercise of the lessons graded (its exercises: double, mean); this block was not graded"
            ) == true, "\(submissions[1])")
        let unknown = try DescentBinary.run(["grade", "--lessons", lessons.path, "--only", "03-none", "x"])
        #expect(unknown.status != 0)
        #expect(
            unknown.stderr.contains("no lesson '03-none.md' in '\(lessons.path)' (its lessons: 01-tiny.md, 02-more.md)")
        )
    }

    /// The JUnit XML is valid against a schema with the rules of the JUnit 4 schema Jenkins'
    /// xUnit tooling publishes (Fixtures/grading-junit/junit-4.xsd), checked by libxml2's
    /// `xmllint`; the same XML with properties inside a test case, as descent once wrote, is not.
    @Test func junitIsValidAgainstTheJUnit4Schema() throws {
        let xml = try Self.grade(
            ["--lessons", Self.lessons, "--format", "junit"] + Self.class3 + [Self.carol, "/nonexistent/descent/zed"]
        ).stdout
        #expect(xml.contains("<testcase classname=\"bo.01-tiny.md.mean\" name=\"hidden check 2\" time=\""))
        #expect(xml.contains("<testsuite name=\"bo\" tests=\"4\" failures=\"1\" errors=\"0\" skipped=\"0\" time=\""))
        let valid = try Self.validate(xml)
        #expect(valid.status == 0, "\(valid.output)")
        let withProperties = xml.replacingOccurrences(
            of: "      <system-out>points",
            with: "      <properties><property name=\"points\" value=\"1\"/></properties>\n      <system-out>points")
        let invalid = try Self.validate(withProperties)
        #expect(invalid.status != 0 && invalid.output.contains("properties"), "\(invalid.output)")
    }

    /// Runs `xmllint --schema junit-4.xsd` on `xml`.
    static func validate(_ xml: String) throws -> (status: Int32, output: String) {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent(
            "descent-junit-\(UUID().uuidString).xml")
        try xml.write(to: file, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: file) }
        let schema = DescentBinary.fixture("grading-junit/junit-4.xsd").path
        let lint = Process()
        lint.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        lint.arguments = ["xmllint", "--noout", "--schema", schema, file.path]
        let pipe = Pipe()
        lint.standardOutput = pipe
        lint.standardError = pipe
        try lint.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        lint.waitUntilExit()
        #expect(lint.terminationStatus != 127, "xmllint is missing: run scripts/install-deps.sh (libxml2-utils)")
        return (lint.terminationStatus, output)
    }

    /// Gradescope's results carry `execution_time` at the top and a `status` and
    /// `visibility` per test, as its specification places them.
    @Test func gradescopeHasTheFieldsOfItsSpecification() throws {
        let json = try Self.grade(["--lessons", Self.lessons, "--format", "gradescope", Self.class3[1]]).stdout
        let results = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        #expect(results["execution_time"] is Int)
        #expect(results["visibility"] as? String == "visible")
        let tests = try #require(results["tests"] as? [[String: Any]])
        #expect(tests.map { $0["status"] as? String } == ["passed", "failed"])
        #expect(tests.map { $0["visibility"] as? String } == ["visible", "visible"])
        #expect(tests.map { $0["score"] as? Double } == [2, 1])
        #expect(tests.allSatisfy { $0["execution_time"] == nil })
    }

    /// An endless loop costs seconds: the default time of a check (5 s), or what its
    /// exercise block sets with `timeout=` (2 s) when the check sets none.
    @Test func anEndlessLoopCostsSeconds() throws {
        let started = Date()
        let result = try Self.grade([
            "--lessons", DescentBinary.fixture("grading-timeout/lessons").path, "--format", "json",
            DescentBinary.fixture("grading-timeout/looper").path,
        ])
        let seconds = Date().timeIntervalSince(started)
        #expect(result.stdout.contains("01-loops.md: check failed: it did not finish within 5 s and was stopped"))
        #expect(result.stdout.contains("01-loops.md: check failed: it did not finish within 2 s and was stopped"))
        // 7 s of loops, and compiling the four programs when they are not cached.
        #expect(seconds < 7 + 120, "\(seconds) s")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let exercises = try #require(
            ((json["submissions"] as? [[String: Any]])?.first)?["exercises"] as? [[String: Any]])
        let checkSeconds = exercises.compactMap { (($0["checks"] as? [[String: Any]])?.first)?["seconds"] as? Double }
        #expect(checkSeconds.count == 2 && checkSeconds[0] < 5 + 3 && checkSeconds[1] < 2 + 3, "\(checkSeconds)")
    }

    /// A class of 30 (right, half right and missing submissions) graded in 4 shards and
    /// merged is the class graded at once, byte for byte in every format (times left out).
    @Test func aClassGradedInShardsAndMergedIsTheClassGradedAtOnce() throws {
        let folder = try DescentBinary.copy(of: DescentBinary.fixture("grading-class"))
        let manager = FileManager.default
        var students: [String] = []
        for index in 0..<30 {
            let student = "class/s\(String(format: "%02d", (index * 7) % 30))"
            students.append(student)
            guard index % 3 != 2 else { continue }  // every third hands in nothing
            try manager.createDirectory(at: folder.appendingPathComponent(student), withIntermediateDirectories: true)
            try manager.copyItem(
                at: folder.appendingPathComponent("\(index % 3 == 0 ? "ada" : "bo")/01-tiny.md"),
                to: folder.appendingPathComponent("\(student)/01-tiny.md"))
        }
        let common = ["--lessons", Self.lessons, "--no-times"]
        var shards: [String] = []
        for shard in 1...4 {
            let file = "shard-\(shard).json"
            _ = try Self.grade(common + ["--shard", "\(shard)/4", "-o", file] + students, in: folder)
            shards.append(file)
        }
        let sizes = try shards.map { file in
            let object = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent(file)))
            return ((object as? [String: Any])?["submissions"] as? [Any])?.count
        }
        #expect(sizes == [7, 8, 7, 8])
        for format in ["json", "table", "csv", "junit"] {
            let once = try Self.grade(common + ["--format", format] + students, in: folder).stdout
            let merged = try Self.grade(["--merge"] + shards.reversed() + ["--format", format], in: folder).stdout
            #expect(merged == once, "\(format)")
            if format == "csv" {
                #expect(
                    once.hasPrefix("student,double,mean,total,max\r\ns00,2,2,4,4\r\ns01,2,1,3,4\r\ns02,0,0,0,4\r\n"))
            }
        }

        // With --only, a shard reads only its own submissions, and the result is the same.
        for shard in 1...4 {
            _ = try Self.grade(
                common + ["--only", "01-tiny", "--shard", "\(shard)/4", "-o", "only-\(shard).json"] + students,
                in: folder)
        }
        let once = try Self.grade(common + ["--format", "csv"] + students, in: folder).stdout
        let only = try Self.grade(["--merge"] + (1...4).map { "only-\($0).json" } + ["--format", "csv"], in: folder)
        #expect(only.stdout == once)

        let missing = try DescentBinary.run(["grade", "--merge", shards[0], shards[2]], in: folder)
        #expect(missing.status != 0 && missing.stderr.contains("shards 2/4, 4/4 missing"), "\(missing.stderr)")
        _ = try Self.grade(common + ["--shard", "1/4", "-o", "other.json"] + students.dropLast(), in: folder)
        let other = try DescentBinary.run(["grade", "--merge", "other.json"] + shards.dropFirst(), in: folder)
        #expect(other.status != 0 && other.stderr.contains("of another class"), "\(other.stderr)")
    }
}
