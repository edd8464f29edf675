/// JUnit XML: a test suite per student, a test case per check block (hidden ones named
/// only by number), with `points` and `max_points` as properties of each.
enum GradeJUnit {
    static func render(_ grades: [SubmissionGrade]) -> String {
        let checks = grades.flatMap { $0.exercises.flatMap(\.checks) }
        var xml = [
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
            "<testsuites name=\"descent grade\" tests=\"\(checks.count)\" failures=\"\(checks.filter { !$0.passed }.count)\">",
        ]
        for grade in grades {
            let own = grade.exercises.flatMap(\.checks)
            let seconds = grade.exercises.reduce(0) { $0 + $1.seconds }
            xml.append(
                "  <testsuite name=\"\(escape(grade.student))\" tests=\"\(own.count)\" failures=\"\(own.filter { !$0.passed }.count)\" time=\"\(String(format: "%.3f", seconds))\">"
            )
            xml.append("    <properties>")
            xml.append("      <property name=\"points\" value=\"\(pointsText(grade.points))\"/>")
            xml.append("      <property name=\"max_points\" value=\"\(pointsText(grade.maxPoints))\"/>")
            xml.append("    </properties>")
            for exercise in grade.exercises {
                for check in exercise.checks {
                    let name =
                        (check.hidden ? "hidden check \(check.index + 1)" : "check \(check.index + 1)")
                        + (check.name.map { " (\($0))" } ?? "")
                    let classname = "\(grade.student).\(exercise.lesson).\(exercise.id)"
                    xml.append("    <testcase classname=\"\(escape(classname))\" name=\"\(escape(name))\">")
                    xml.append("      <properties>")
                    xml.append(
                        "        <property name=\"points\" value=\"\(pointsText(check.passed ? check.maxPoints : 0))\"/>"
                    )
                    xml.append("        <property name=\"max_points\" value=\"\(pointsText(check.maxPoints))\"/>")
                    xml.append("        <property name=\"hidden\" value=\"\(check.hidden)\"/>")
                    xml.append("      </properties>")
                    if !check.passed {
                        let messages =
                            check.failures.map { "line \($0.line): \($0.message)" } + (check.reason.map { [$0] } ?? [])
                            + (exercise.problem.map { [$0] } ?? [])
                        let summary = messages.first ?? "failed"
                        xml.append(
                            "      <failure message=\"\(escape(summary))\">\(escape(messages.joined(separator: "\n")))</failure>"
                        )
                    }
                    xml.append("    </testcase>")
                }
            }
            xml.append("  </testsuite>")
        }
        xml.append("</testsuites>")
        return xml.joined(separator: "\n") + "\n"
    }

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
