/// A value that crosses the boundary between a graded exercise and its checks (see
/// `RemoteExercise`): written as space-separated tokens, read back by its type.
///
/// Reading is driven by the type the instructor's signature names, never by the text: a
/// `[[Double]]` reads a count, then that many `[Double]`, each a count and that many
/// numbers. So nesting is the type's, not the sender's, and a reply that does not fit the
/// type is rejected.
public protocol RemoteValue {
    /// Appends the value's tokens.
    func encode(into tokens: inout [String])
    init(decoding reader: inout RemoteReader) throws
}

/// The tokens of one field of a remote message, read front to back.
public struct RemoteReader {
    private var tokens: ArraySlice<Substring>

    init(_ field: Substring) {
        tokens = field.split(separator: " ")[...]
    }

    /// The next token.
    public mutating func next() throws -> Substring {
        guard let token = tokens.popFirst() else { throw RemoteError("a value ended early") }
        return token
    }

    /// Whether every token was read.
    var isAtEnd: Bool { tokens.isEmpty }
}

/// A message on the remote channel that does not fit the protocol or the types.
public struct RemoteError: Error, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}

extension Double: RemoteValue {
    /// Its bit pattern in hex: every value (NaN, −0, subnormals) crosses exactly.
    public func encode(into tokens: inout [String]) {
        tokens.append(String(bitPattern, radix: 16))
    }

    public init(decoding reader: inout RemoteReader) throws {
        guard let bits = UInt64(try reader.next(), radix: 16) else { throw RemoteError("not a Double") }
        self.init(bitPattern: bits)
    }
}

extension Float: RemoteValue {
    public func encode(into tokens: inout [String]) {
        tokens.append(String(bitPattern, radix: 16))
    }

    public init(decoding reader: inout RemoteReader) throws {
        guard let bits = UInt32(try reader.next(), radix: 16) else { throw RemoteError("not a Float") }
        self.init(bitPattern: bits)
    }
}

extension Int: RemoteValue {
    public func encode(into tokens: inout [String]) {
        tokens.append(String(self))
    }

    public init(decoding reader: inout RemoteReader) throws {
        guard let value = Int(try reader.next()) else { throw RemoteError("not an Int") }
        self = value
    }
}

extension Bool: RemoteValue {
    public func encode(into tokens: inout [String]) {
        tokens.append(self ? "1" : "0")
    }

    public init(decoding reader: inout RemoteReader) throws {
        switch try reader.next() {
        case "1": self = true
        case "0": self = false
        default: throw RemoteError("not a Bool")
        }
    }
}

extension String: RemoteValue {
    /// Its UTF-8 bytes in hex (`-` when empty), so no text can split a token or a line.
    public func encode(into tokens: inout [String]) {
        tokens.append(isEmpty ? "-" : utf8.map { byte in (byte < 16 ? "0" : "") + String(byte, radix: 16) }.joined())
    }

    public init(decoding reader: inout RemoteReader) throws {
        let token = try reader.next()
        guard token != "-" else { self = ""; return }
        let digits = Array(token.utf8)
        guard digits.count % 2 == 0 else { throw RemoteError("not a String") }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        for index in stride(from: 0, to: digits.count, by: 2) {
            guard let byte = UInt8(String(decoding: digits[index...index + 1], as: UTF8.self), radix: 16) else { throw RemoteError("not a String") }
            bytes.append(byte)
        }
        self = String(decoding: bytes, as: UTF8.self)
    }
}

extension Array: RemoteValue where Element: RemoteValue {
    /// Its count, then its elements.
    public func encode(into tokens: inout [String]) {
        tokens.append(String(count))
        for element in self { element.encode(into: &tokens) }
    }

    public init(decoding reader: inout RemoteReader) throws {
        // Each element takes at least one token, so the count is bounded by the message.
        guard let count = Int(try reader.next()), count >= 0 else { throw RemoteError("not an array count") }
        var elements: [Element] = []
        for _ in 0..<count { elements.append(try Element(decoding: &reader)) }
        self = elements
    }
}

extension Optional: RemoteValue where Wrapped: RemoteValue {
    /// `n` for nil, else `s` and the value.
    public func encode(into tokens: inout [String]) {
        switch self {
        case .none: tokens.append("n")
        case .some(let value): tokens.append("s"); value.encode(into: &tokens)
        }
    }

    public init(decoding reader: inout RemoteReader) throws {
        switch try reader.next() {
        case "n": self = .none
        case "s": self = .some(try Wrapped(decoding: &reader))
        default: throw RemoteError("not an Optional")
        }
    }
}

extension RemoteValue {
    /// The value as one field of a remote message.
    package var field: String {
        var tokens: [String] = []
        encode(into: &tokens)
        return tokens.joined(separator: " ")
    }

    /// Reads a whole field as a value of this type; extra tokens are an error.
    package static func decode(field: Substring) throws -> Self {
        var reader = RemoteReader(field)
        let value = try Self(decoding: &reader)
        guard reader.isAtEnd else { throw RemoteError("a value has extra tokens") }
        return value
    }
}
