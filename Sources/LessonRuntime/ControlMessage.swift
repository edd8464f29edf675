/// A message from a running lesson program to the `descent` process that runs it.
///
/// Messages travel on stdout between the lines a lesson prints, as
/// `RS nonce SP kind US field US field … LF` (RS = U+001E, US = U+001F), where the nonce is
/// a fresh random token the runner passes in `DESCENT_CHANNEL`, so printed text cannot
/// pass for a message by accident. A message may start in the middle of a line.
public enum ControlMessage: Equatable, Sendable {
    /// The runnable block with this index (in lesson order) starts.
    case cell(Int)
    /// A figure was written to `<DESCENT_FIGURES>/<name>.svg`.
    case figure(name: String, caption: String)
    /// A check failed at this lesson line.
    case failure(line: Int, message: String)
    /// The current block read hyperparameter `name` (sent once per block and name).
    case read(name: String)
    /// An error is being thrown; these are the return addresses of the throwing stack that
    /// lie in the program's executable, as offsets from its base (see `ThrowSites`).
    case thrown(offsets: [UInt])

    public static let start: UInt8 = 0x1E
    static let separator: Character = "\u{1F}"

    /// The message as written to stdout.
    public func encoded(nonce: String) -> String {
        let fields: [String] =
            switch self {
            case .cell(let index): ["cell", String(index)]
            case .figure(let name, let caption): ["figure", name, caption]
            case .failure(let line, let message): ["failure", String(line), message]
            case .read(let name): ["read", name]
            case .thrown(let offsets): ["thrown", offsets.map { String($0, radix: 16) }.joined(separator: " ")]
            }
        return "\u{1E}\(nonce) " + fields.map(Self.escape).joined(separator: String(Self.separator)) + "\n"
    }

    /// Decodes the text between `RS nonce SP` and `LF`.
    public init?(decoding body: Substring) {
        let fields = body.split(separator: Self.separator, omittingEmptySubsequences: false).map(FieldEscaping.unescape)
        switch (fields.first, fields.count) {
        case ("cell", 2):
            guard let index = Int(fields[1]) else { return nil }
            self = .cell(index)
        case ("figure", 3): self = .figure(name: fields[1], caption: fields[2])
        case ("failure", 3):
            guard let line = Int(fields[1]) else { return nil }
            self = .failure(line: line, message: fields[2])
        case ("read", 2): self = .read(name: fields[1])
        case ("thrown", 2):
            let offsets = fields[1].split(separator: " ").compactMap { UInt($0, radix: 16) }
            self = .thrown(offsets: offsets)
        default: return nil
        }
    }

    /// A field with RS and US made spaces (they delimit messages and fields), then escaped.
    private static func escape(_ field: String) -> String {
        FieldEscaping.escape(String(field.map { $0 == "\u{1E}" || $0 == "\u{1F}" ? " " : $0 }))
    }
}
