import LessonRuntime
import Testing

@testable import LessonRunner

@Suite struct ChannelTests {
    @Test(arguments: [
        ControlMessage.cell(3), .figure(name: "path", caption: "Steps with γ = 0.1\nsecond line"), .read(name: "rate"),
        .failure(line: 12, message: "expected 1 \\ 2"),
    ])
    func messagesRoundTrip(_ message: ControlMessage) {
        let encoded = message.encoded(nonce: "n0nce")
        let body = encoded.dropFirst("\u{1E}n0nce ".count).dropLast()
        #expect(ControlMessage(decoding: Substring(body)) == message)
    }

    @Test func demultiplexerSplitsAcrossChunks() {
        var demultiplexer = CellDemultiplexer(nonce: "k")
        let stream = Array(
            ("before" + ControlMessage.cell(0).encoded(nonce: "k") + "x = 1\n\u{1E}not a message\n").utf8)
        var pieces: [CellDemultiplexer.Piece] = []
        for byte in stream { pieces += demultiplexer.feed([byte]) }
        pieces += demultiplexer.finish()
        let text = pieces.compactMap {
            if case .text(let bytes) = $0 { String(decoding: bytes, as: UTF8.self) } else { nil }
        }.joined()
        #expect(pieces.contains(.message(.cell(0))))
        #expect(text == "beforex = 1\n\u{1E}not a message\n")
    }

    @Test func aForgedNonceIsText() {
        var demultiplexer = CellDemultiplexer(nonce: "secret")
        let forged = ControlMessage.failure(line: 1, message: "x").encoded(nonce: "guess")
        let pieces = demultiplexer.feed(Array(forged.utf8)) + demultiplexer.finish()
        #expect(!pieces.contains { if case .message = $0 { true } else { false } })
    }
}
