import LessonRuntime
import Testing

/// The hash behind the grading channel, against published vectors (FIPS 180-4 examples,
/// RFC 4231), and the channel's rule: only lines with the right MAC and sequence count.
@Suite struct ChannelTests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
    ])
    func sha256(_ message: String, _ digest: String) {
        #expect(SHA256.hex(SHA256.hash(Array(message.utf8))) == digest)
    }

    @Test func sha256OfAMillionAs() {
        let digest = SHA256.hex(SHA256.hash([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)))
        #expect(digest == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func hmacRFC4231() {
        let case1 = SHA256.hmac(key: [UInt8](repeating: 0x0b, count: 20), message: Array("Hi There".utf8))
        #expect(SHA256.hex(case1) == "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7")
        let case2 = SHA256.hmac(key: Array("Jefe".utf8), message: Array("what do ya want for nothing?".utf8))
        #expect(SHA256.hex(case2) == "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843")
        let case6 = SHA256.hmac(key: [UInt8](repeating: 0xaa, count: 131), message: Array("Test Using Larger Than Block-Size Key - Hash Key First".utf8))
        #expect(SHA256.hex(case6) == "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54")
    }

    @Test func onlyAuthenticLinesInSequenceCount() {
        let key = [UInt8](repeating: 7, count: 32)
        func line(_ body: String, key: [UInt8] = key) -> Substring {
            Substring(body + "\t" + SHA256.hex(SHA256.hmac(key: key, message: Array(body.utf8))))
        }
        #expect(GradingChannel.verify(line("0\tbegin\t2"), key: key, sequence: 0)?.kind == "begin")
        #expect(GradingChannel.verify(line("0\tfail\t2\t7\ta\\tb"), key: key, sequence: 0)?.fields == ["2", "7", "a\tb"])
        #expect(GradingChannel.verify(line("0\tbegin\t2"), key: key, sequence: 1) == nil)  // replayed
        #expect(GradingChannel.verify(line("0\tbegin\t2", key: [UInt8](repeating: 8, count: 32)), key: key, sequence: 0) == nil)
        #expect(GradingChannel.verify("0\tdone\t0\t" + String(repeating: "0", count: 64), key: key, sequence: 0) == nil)
        #expect(GradingChannel.verify("0\tdone\t0", key: key, sequence: 0) == nil)
    }
}
