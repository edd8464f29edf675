import DescentCore

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
    /// The type as a student reads it in a message (`Array<Double>`, `(Matrix, Matrix)`).
    static var remoteTypeName: String { get }
}

extension RemoteValue {
    public static var remoteTypeName: String { "\(Self.self)" }
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
        guard token != "-" else {
            self = ""
            return
        }
        let digits = Array(token.utf8)
        guard digits.count % 2 == 0 else { throw RemoteError("not a String") }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(digits.count / 2)
        for index in stride(from: 0, to: digits.count, by: 2) {
            guard let byte = UInt8(String(decoding: digits[index...index + 1], as: UTF8.self), radix: 16) else {
                throw RemoteError("not a String")
            }
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
        case .some(let value):
            tokens.append("s")
            value.encode(into: &tokens)
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

extension Matrix: RemoteValue {
    /// The most elements, and the largest side, a matrix read from a message may have:
    /// 2²² Doubles (32 MiB), more than a message line can carry (each element takes at
    /// least two bytes of `ProgramContract.remoteLineLimit`).
    public static let remoteElementLimit = 1 << 22

    /// Its rows, its columns, then its elements row by row, bit for bit.
    public func encode(into tokens: inout [String]) {
        tokens.append(String(rows))
        tokens.append(String(columns))
        for element in elements { element.encode(into: &tokens) }
    }

    /// Reads a shape within `remoteElementLimit` and exactly rows × columns elements.
    public init(decoding reader: inout RemoteReader) throws {
        let limit = Self.remoteElementLimit
        guard let rows = Int(try reader.next()), let columns = Int(try reader.next()),
            (0...limit).contains(rows), (0...limit).contains(columns)
        else { throw RemoteError("not a matrix shape") }
        let (count, overflow) = rows.multipliedReportingOverflow(by: columns)
        guard !overflow, count <= limit else { throw RemoteError("a \(rows)×\(columns) matrix is too large") }
        var elements: [Double] = []
        for _ in 0..<count { elements.append(try Double(decoding: &reader)) }
        self.init(rows: rows, columns: columns, elements: elements)
    }
}

/// A tuple of two or more values, each read by its own type in order: how a tuple
/// parameter or result crosses. Swift converts `value` to and from the signature's
/// labelled tuple, e.g. `(dX: Matrix, dW: Matrix, db: Matrix)`.
public struct RemoteTuple<each Element: RemoteValue>: RemoteValue {
    public var value: (repeat each Element)

    public init(_ value: (repeat each Element)) {
        self.value = value
    }

    /// Its elements' tokens, one after another.
    public func encode(into tokens: inout [String]) {
        repeat (each value).encode(into: &tokens)
    }

    public init(decoding reader: inout RemoteReader) throws {
        value = (repeat try (each Element)(decoding: &reader))
    }

    public static var remoteTypeName: String {
        var names: [String] = []
        repeat names.append((each Element).remoteTypeName)
        return "(" + names.joined(separator: ", ") + ")"
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
