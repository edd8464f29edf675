/// Assertions for spec and check blocks. A failed check is reported at the lesson line of
/// the call and the block fails; the program goes on, so later blocks still run.
///
/// Lesson code calls them by their full names when it grades (`LessonRuntime.check(…)`), so
/// that an exercise cannot shadow them.

/// Checks that `condition` holds.
public func check(_ condition: Bool, _ message: @autoclosure () -> String = "", line: Int = #line) {
    if !condition {
        let text = message()
        Channel.send(.failure(line: line, message: text.isEmpty ? "check failed" : text))
    }
}

/// Checks `|actual − expected| ≤ tolerance`.
public func checkClose(
    _ actual: Double, _ expected: Double, tolerance: Double = 1e-9,
    _ message: @autoclosure () -> String = "", line: Int = #line
) {
    let close = abs(actual - expected) <= tolerance
    check(close, describe(message(), "expected \(expected) ± \(tolerance), got \(actual)"), line: line)
}

/// Checks element-wise `|actual[i] − expected[i]| ≤ tolerance`, with equal counts.
public func checkClose(
    _ actual: [Double], _ expected: [Double], tolerance: Double = 1e-9,
    _ message: @autoclosure () -> String = "", line: Int = #line
) {
    let close = actual.count == expected.count && zip(actual, expected).allSatisfy { abs($0 - $1) <= tolerance }
    check(close, describe(message(), "expected \(expected) ± \(tolerance), got \(actual)"), line: line)
}

/// Checks `actual == expected`.
public func checkEqual<Value: Equatable>(
    _ actual: Value, _ expected: Value,
    _ message: @autoclosure () -> String = "", line: Int = #line
) {
    check(actual == expected, describe(message(), "expected \(expected), got \(actual)"), line: line)
}

private func describe(_ message: String, _ detail: String) -> String {
    message.isEmpty ? detail : "\(message): \(detail)"
}
