import CommonMark
import Testing

@testable import SiteRenderer

/// Whatever the prose, protection must leave cmark's reading of it alone: the blocks stay
/// where they were, and every formula's token comes back exactly once, as text (never in
/// code, raw HTML, a destination or a title). Checked by writing each of a few snippets at
/// every position of Markdown that exercises the constructs a formula must not enter.
@Suite struct ProtectionInvariantTests {
    static let documents = [
        "> quote $a\n> line b$ and [a link](/u?$x$ \"t $y$\")\n\n- item\n  continued\n\n      code $z$\n",
        "Text <abbr title=\"$x$\">x</abbr> <http://e.x/$a$> `$c$` **bold**\n\n[ref]: /uri \"$t$\"\n[ref] and [$r$]\n",
        "```swift\nlet a = \"$x$\"\n```\n<div>\n$y$\n</div>\n\n1. one\n2. two ![img](p.png)\n",
    ]
    static let snippets = ["$x$", "$", "$$", "$a b$", "$b<a>c$", "`", "<", "](", "\n", "[$q$]", "$x\ny$"]

    @Test(arguments: documents.indices)
    func protectionKeepsCmarksReading(_ document: Int) {
        let text = Array(Self.documents[document])
        for snippet in Self.snippets {
            for position in 0...text.count {
                let input = String(text[..<position]) + snippet + String(text[position...])
                let (protected, formulas) = MathProtection.protect(input)
                let parsed = CommonMark.parse(protected)
                #expect(
                    Self.blocks(of: parsed) == Self.blocks(of: CommonMark.parse(input)), "\(input.debugDescription)")
                #expect(Self.tokens(in: parsed, kinds: [.text]) == Array(formulas.indices), "\(input.debugDescription)")
                #expect(
                    Self.tokens(in: parsed, kinds: [.code, .htmlInline, .htmlBlock, .codeBlock, .link, .image]).isEmpty)
            }
        }
    }

    /// Each block's kind and lines, the document's last line aside (definitions may follow).
    static func blocks(of node: MarkdownNode) -> [String] {
        let blockKinds: [MarkdownNode.Kind] = [
            .blockQuote, .list, .item, .codeBlock, .htmlBlock, .paragraph, .heading, .thematicBreak,
        ]
        let own = blockKinds.contains(node.kind) ? ["\(node.kind) \(node.start.line)–\(node.end.line)"] : []
        return own + node.children.flatMap(blocks)
    }

    /// The numbers of the tokens in the literals, destinations and titles of nodes of `kinds`.
    static func tokens(in document: MarkdownNode, kinds: [MarkdownNode.Kind]) -> [Int] {
        var numbers: [Int] = []
        for node in document.descendants where kinds.contains(node.kind) {
            for field in [node.literal, node.destination, node.title].compactMap({ $0 }) {
                _ = MathProtection.substitute(in: field) {
                    numbers.append($0)
                    return ""
                }
            }
        }
        return numbers
    }
}
