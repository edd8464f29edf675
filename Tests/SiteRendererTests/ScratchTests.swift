import Foundation
import Testing
import CommonMark
@testable import SiteRenderer

@Suite struct ScratchTests {
    @Test func fuzz() throws {
        let spec = try String(contentsOfFile: "/tmp/x/spec.txt", encoding: .utf8)
        let parts = spec.components(separatedBy: "```````````````````````````````` example\n").dropFirst()
        var rng = SystemRandomNumberGenerator()
        var bad = 0, total = 0, withMath = 0
        let inserts = ["$x$", "$", "$$", "$a*b$", "$\\{$", "$b<a>c$", "$$y$$", "`$`", "[$x$]", "$x\ny$", "<", ">", "](", "`", "```", "\n- ", "\n> ", "[x]: ", "$a b$", "$<$", "$`$", "$](/u)$", "<!--", "-->", "\"", "\n", "$x$\n$y$", "*", "_"]
        for (i, part) in parts.enumerated() {
            let body = part.components(separatedBy: "\n````````````````````````````````")[0]
            let md = body.components(separatedBy: "\n.\n")[0].replacingOccurrences(of: "→", with: "\t") + "\n"
            for _ in 0..<60 {
                var chars = Array(md)
                for _ in 0..<Int.random(in: 1...3, using: &rng) {
                    let at = Int.random(in: 0...chars.count, using: &rng)
                    chars.insert(contentsOf: inserts.randomElement(using: &rng)!, at: at)
                }
                let input = String(chars)
                total += 1
                let (protected, formulas) = MathProtection.protect(input)
                if !formulas.isEmpty { withMath += 1 }
                let doc = CommonMark.parse(protected)
                var seen: [Int] = []
                var misplaced = false
                for node in doc.descendants {
                    let fields = [node.literal, node.destination, node.title].compactMap { $0 }
                    for field in fields {
                        var n: [Int] = []
                        _ = MathProtection.substitute(in: field) { n.append($0); return "" }
                        if !n.isEmpty && node.kind != .text { misplaced = true }
                        if node.kind == .text { seen += n }
                    }
                }
                func skeleton(_ n: MarkdownNode) -> [String] {
                    let blocks: [MarkdownNode.Kind] = [.document, .blockQuote, .list, .item, .codeBlock, .htmlBlock, .paragraph, .heading, .thematicBreak]
                    guard blocks.contains(n.kind) else { return [] }
                    return [n.kind == .document ? "doc" : "\(n.kind)@\(n.start.line)-\(n.end.line)"] + n.children.flatMap(skeleton)
                }
                if skeleton(CommonMark.parse(input)) != skeleton(doc) { misplaced = true }
                if misplaced || seen.sorted() != Array(0..<formulas.count) || protected.split(separator: "\n", omittingEmptySubsequences: false).count < input.split(separator: "\n", omittingEmptySubsequences: false).count {
                    bad += 1
                    if bad <= 12 { print("BAD ex", i + 1, input.debugDescription, "->", protected.debugDescription, formulas.map(\.tex), seen) }
                }
            }
        }
        print("TOTAL", total, "withMath", withMath, "BAD", bad)
    }
}
