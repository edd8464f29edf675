// MARK: - Printing

extension Matrix: CustomStringConvertible {
    /// The rows in brackets, one per line, e.g. `[[1.0, 2.0], [3.0, 4.0]]`.
    public var description: String {
        "[" + (0..<rows).map { "\(row($0))" }.joined(separator: ",\n ") + "]"
    }
}
