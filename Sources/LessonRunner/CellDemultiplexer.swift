import LessonRuntime

/// Splits a lesson program's stdout into what each block printed and the control messages
/// between them (see `ControlMessage`).
struct CellDemultiplexer {
    let marker: [UInt8]
    private var pending: [UInt8] = []

    init(nonce: String) {
        marker = [ControlMessage.start] + Array(nonce.utf8) + [UInt8(ascii: " ")]
    }

    enum Piece: Equatable {
        case text([UInt8])
        case message(ControlMessage)
    }

    /// Feeds bytes read from stdout; returns the pieces that are complete.
    mutating func feed(_ bytes: some Collection<UInt8>) -> [Piece] {
        pending += bytes
        var pieces: [Piece] = []
        while true {
            guard let start = pending.firstIndex(of: ControlMessage.start) else {
                if !pending.isEmpty { pieces.append(.text(pending)) }
                pending.removeAll()
                return pieces
            }
            if start > 0 {
                pieces.append(.text(Array(pending[..<start])))
                pending.removeFirst(start)
            }
            let known = min(pending.count, marker.count)
            guard pending[..<known].elementsEqual(marker[..<known]) else {
                pieces.append(.text([pending.removeFirst()]))  // a lone RS that is plain text
                continue
            }
            guard known == marker.count, let end = pending.firstIndex(of: UInt8(ascii: "\n")) else {
                return pieces  // wait for the rest of the message
            }
            let body = Substring(decoding: pending[marker.count..<end], as: UTF8.self)
            pieces.append(ControlMessage(decoding: body).map(Piece.message) ?? .text(Array(pending[...end])))
            pending.removeFirst(end + 1)
        }
    }

    /// What is left when the program has ended.
    mutating func finish() -> [Piece] {
        defer { pending.removeAll() }
        return pending.isEmpty ? [] : [.text(pending)]
    }
}
