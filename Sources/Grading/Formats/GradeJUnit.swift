/// JUnit XML as the JUnit 4 schema that Jenkins' xUnit tooling publishes (`junit-4.xsd`)
/// allows it: a test suite per student, with its points and path as the suite's properties
/// and what the student is told about the submission as a whole as its `system-err`; a test
/// case per check block (hidden ones named only by number), with its `time`, a `failure`
/// citing the student's file and line (a hidden check's, the instructor's lesson line), and
/// its points as its `system-out` (a test case has no properties in that schema).
enum GradeJUnit {
    static func render(_ grades: [SubmissionGrade]) -> String {
        let checks = grades.flatMap { $0.exercises.flatMap(\.checks) }
        var xml = [
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
            "<testsuites name=\"descent grade\" tests=\"\(checks.count)\" failures=\"\(checks.filter { !$0.passed }.count)\" errors=\"0\" time=\"\(time(grades.reduce(0) { $0 + $1.seconds }))\">",
        ]
        for grade in grades {
            let own = grade.exercises.flatMap(\.checks)
            xml.append(
                "  <testsuite name=\"\(escape(grade.student))\" tests=\"\(own.count)\" failures=\"\(own.filter { !$0.passed }.count)\" errors=\"0\" skipped=\"0\" time=\"\(time(grade.seconds))\">"
            )
            xml.append("    <properties>")
            xml.append("      <property name=\"points\" value=\"\(pointsText(grade.points))\"/>")
            xml.append("      <property name=\"max_points\" value=\"\(pointsText(grade.maxPoints))\"/>")
            xml.append("      <property name=\"path\" value=\"\(escape(grade.path))\"/>")
            xml.append("    </properties>")
            for exercise in grade.exercises {
                for check in exercise.checks {
                    let name =
                        (check.hidden ? "hidden check \(check.index + 1)" : "check \(check.index + 1)")
                        + (check.name.map { " (\($0))" } ?? "")
                    let classname = "\(grade.student).\(exercise.lesson).\(exercise.id)"
                    xml.append(
                        "    <testcase classname=\"\(escape(classname))\" name=\"\(escape(name))\" time=\"\(time(check.seconds))\">"
                    )
                    if !check.passed {
                        let messages = exercise.problem.map { [$0] } ?? exercise.failures(of: check)
                        xml.append(
                            "      <failure message=\"\(escape(messages.first ?? "failed"))\" type=\"\(check.hidden ? "hidden check" : "check")\">\(escape(messages.joined(separator: "\n")))</failure>"
                        )
                    }
                    xml.append(
                        "      <system-out>points: \(pointsText(check.passed ? check.maxPoints : 0)) of \(pointsText(check.maxPoints))</system-out>"
                    )
                    xml.append("    </testcase>")
                }
            }
            if !grade.notes.isEmpty {
                xml.append("    <system-err>\(escape(grade.notes.joined(separator: "\n")))</system-err>")
            }
            xml.append("  </testsuite>")
        }
        xml.append("</testsuites>")
        return xml.joined(separator: "\n") + "\n"
    }

    /// Seconds as JUnit writes them, to the millisecond.
    private static func time(_ seconds: Double) -> String { String(format: "%.3f", seconds) }

    /// Text escaped for XML attributes and content; characters XML 1.0 forbids are dropped.
    static func escape(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": result += "&amp;"
            case "<": result += "&lt;"
            case ">": result += "&gt;"
            case "\"": result += "&quot;"
            case "\n": result += "&#10;"
            case "\t", "\r": result += "&#\(scalar.value);"
            default:
                if scalar.value >= 0x20 && scalar.value != 0xFFFE && scalar.value != 0xFFFF {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result
    }
}
