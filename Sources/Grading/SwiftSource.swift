import Foundation
import LessonParser
import SwiftParser
import SwiftSyntax

/// Swift code parsed by the compiler's own parser (swift-syntax), within bounds that keep a
/// crafted block from costing the grader its stack or minutes.
///
/// The parser is recursive and its work grows faster than linearly with nesting (string
/// interpolations most), so what it is given is bounded first, by a linear count: at most
/// `sizeLimit` bytes, and brackets `( [ {` at most `nestingLimit` deep wherever they are
/// (in strings and comments too; no honest exercise comes near). It then runs on a thread
/// of its own with a stack large enough for that depth.
enum SwiftSource {
    static let sizeLimit = 64 << 10
    static let nestingLimit = 50

    static func parse(_ code: String) throws -> SourceFileSyntax {
        guard code.utf8.count <= sizeLimit else {
            throw DescentError("the block is larger than \(sizeLimit >> 10) KiB")
        }
        var depth = 0, deepest = 0
        for byte in code.utf8 {
            switch byte {
            case UInt8(ascii: "("), UInt8(ascii: "["), UInt8(ascii: "{"):
                depth += 1
                deepest = max(deepest, depth)
            case UInt8(ascii: ")"), UInt8(ascii: "]"), UInt8(ascii: "}"): depth -= 1
            default: break
            }
        }
        guard deepest <= nestingLimit else {
            throw DescentError("the block nests brackets more than \(nestingLimit) deep")
        }
        nonisolated(unsafe) var tree: SourceFileSyntax?
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            // A bracket is a few of the parser's levels; debug builds default to 20 levels.
            tree = Array(code.utf8).withUnsafeBufferPointer {
                Parser.parse(source: $0, maximumNestingLevel: 8 * nestingLimit)
            }
            done.signal()
        }
        thread.stackSize = 256 << 20
        thread.start()
        done.wait()
        return tree!
    }
}
