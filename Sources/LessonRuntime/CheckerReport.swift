/// What a graded exercise's checker reports to `descent`, one line each on
/// `ProgramContract.checkerResults`: `kind TAB field…`, fields escaped (see `FieldEscaping`).
/// The exercise never has this descriptor; the checker holds only the instructor's code.
package enum CheckerReport: Sendable, Equatable {
    case start
    /// Block `i` before the checks (a spec block or an exercise) begins.
    case block(Int)
    /// Check block `k` begins.
    case begin(Int)
    /// An assertion of check block `k` failed at this lesson line.
    case fail(check: Int, line: Int, message: String)
    /// Check block `k` ran to its end.
    case done(Int)
    case end
    /// The exercise broke the protocol or ended; the checker stopped.
    case lost(String)

    /// The report as a line, with its LF.
    package var line: String {
        let fields: [String] =
            switch self {
            case .start: ["start"]
            case .block(let index): ["block", String(index)]
            case .begin(let index): ["begin", String(index)]
            case .fail(let check, let line, let message): ["fail", String(check), String(line), message]
            case .done(let index): ["done", String(index)]
            case .end: ["end"]
            case .lost(let reason): ["lost", reason]
            }
        return fields.map(FieldEscaping.escape).joined(separator: "\t") + "\n"
    }

    /// Reads a line (without its LF).
    package init?(line: Substring) {
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(FieldEscaping.unescape)
        switch (fields.first, fields.count) {
        case ("start", 1): self = .start
        case ("block", 2):
            guard let index = Int(fields[1]) else { return nil }
            self = .block(index)
        case ("begin", 2):
            guard let index = Int(fields[1]) else { return nil }
            self = .begin(index)
        case ("done", 2):
            guard let index = Int(fields[1]) else { return nil }
            self = .done(index)
        case ("fail", 4):
            guard let check = Int(fields[1]), let line = Int(fields[2]) else { return nil }
            self = .fail(check: check, line: line, message: fields[3])
        case ("end", 1): self = .end
        case ("lost", 2): self = .lost(fields[1])
        default: return nil
        }
    }
}
