import DescentCore
import LessonRuntime
import Testing

/// The hash that names cached programs, against published vectors (FIPS 180-4 examples),
/// and the values that cross between a graded exercise and its checker.
@Suite struct RemoteValueTests {
    @Test(arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        (
            "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq",
            "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"
        ),
    ])
    func sha256(_ message: String, _ digest: String) {
        #expect(SHA256.hex(SHA256.hash(Array(message.utf8))) == digest)
    }

    @Test func sha256OfAMillionAs() {
        let digest = SHA256.hex(SHA256.hash([UInt8](repeating: UInt8(ascii: "a"), count: 1_000_000)))
        #expect(digest == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func numbersCrossBitForBit() throws {
        for value in [0.1, -0.0, .nan, .infinity, 5e-324, -1.5, .greatestFiniteMagnitude] {
            #expect(try Double.decode(field: Substring(value.field)).bitPattern == value.bitPattern)
        }
        #expect(try Int.decode(field: Substring(Int.min.field)) == Int.min)
        #expect(try Float.decode(field: Substring(Float(0.25).field)) == 0.25)
    }

    @Test func textAndNestingCross() throws {
        let text = "tab\there, line\nthere, spaces and é\u{0}"
        #expect(try String.decode(field: Substring(text.field)) == text)
        #expect(try String.decode(field: Substring("".field)) == "")
        #expect(!text.field.contains("\t") && !text.field.contains("\n") && !text.field.contains(" "))
        let matrix: [[Double]] = [[1, 2], [], [3]]
        #expect(try [[Double]].decode(field: Substring(matrix.field)) == matrix)
        let maybe: [Int?] = [1, nil, 3]
        #expect(try [Int?].decode(field: Substring(maybe.field)) == maybe)
        #expect(try Bool.decode(field: "1") == true)
    }

    /// Reading follows the receiver's type: a reply that does not fit it is refused,
    /// however it was made, and a huge count costs no more than the tokens sent.
    @Test(arguments: ["", "3ff0000000000000 0", "zz", "1 2", "-1"])
    func repliesThatDoNotFitAreRefused(_ field: String) {
        #expect(throws: RemoteError.self) { try Double.decode(field: Substring(field)) }
    }

    @Test func aHugeCountIsRefusedCheaply() {
        #expect(throws: RemoteError.self) { try [Double].decode(field: "999999999999999 3ff0000000000000") }
        #expect(throws: RemoteError.self) { try [[Double]].decode(field: "-1") }
        #expect(throws: RemoteError.self) { try String.decode(field: "abc") }
    }

    @Test func matricesAndTuplesCrossBitForBit() throws {
        let matrix = Matrix(rows: 2, columns: 3, elements: [0.1, -0.0, .nan, 5e-324, -.infinity, 1])
        let back = try Matrix.decode(field: Substring(matrix.field))
        #expect(back.rows == 2 && back.columns == 3)
        #expect(back.elements.map(\.bitPattern) == matrix.elements.map(\.bitPattern))
        #expect(try Matrix.decode(field: Substring(Matrix(rows: 0, columns: 4).field)) == Matrix(rows: 0, columns: 4))
        let labelled: (dX: Matrix, n: Int, name: String?) = (Matrix([[1, 2]]), -3, "é")
        let tuple = try RemoteTuple<Matrix, Int, String?>.decode(
            field: Substring(RemoteTuple<Matrix, Int, String?>(labelled).field))
        let (dX, n, name): (dX: Matrix, n: Int, name: String?) = tuple.value
        #expect(dX == labelled.dX && n == -3 && name == "é")
        let pair = try RemoteTuple<[Double], Bool>.decode(field: "2 3ff0000000000000 0 1")
        #expect(pair.value.0 == [1, 0] && pair.value.1)
    }

    /// A matrix is read as its shape, within `Matrix.remoteElementLimit`, then exactly
    /// rows × columns Doubles; a tuple as exactly its elements.
    @Test(arguments: [
        "", "2", "2 1 3ff0000000000000", "1 2 3ff0000000000000 0 0", "-1 0", "0 -1", "1.5 1 0", "x 1 0",
        "4194305 0", "0 4194305", "2097153 2 0", "4194304 4194304 0", "9223372036854775807 9223372036854775807 0",
    ])
    func matricesThatDoNotFitAreRefused(_ field: String) {
        #expect(throws: RemoteError.self) { try Matrix.decode(field: Substring(field)) }
    }

    @Test(arguments: ["", "1", "1 2 3", "1 1 3ff0000000000000", "1 0 0 7"])
    func tuplesThatDoNotFitAreRefused(_ field: String) {
        #expect(throws: RemoteError.self) { try RemoteTuple<Int, Matrix>.decode(field: Substring(field)) }
    }

    @Test func checkerReportsRoundTrip() {
        let reports: [CheckerReport] = [
            .start, .block(2), .begin(0), .fail(check: 1, line: 30, message: "a\tb\nc\\"), .done(1), .end, .lost("why"),
        ]
        for report in reports {
            #expect(report.line.filter { $0 == "\n" }.count == 1)
            #expect(CheckerReport(line: report.line.dropLast()) == report)
        }
        #expect(CheckerReport(line: "begin\tx") == nil)
        #expect(CheckerReport(line: "done\t1\t2") == nil)
    }
}
