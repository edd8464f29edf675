import CommonMark
import Foundation
import Testing

@testable import SiteRenderer

/// Valid Swift is highlighted without a token marked as an error (`err`), which the site
/// paints in the failure colour: every code block of every lesson in `lessons/`, and the
/// constructs Pygments' own Swift lexer gets wrong.
@Suite struct HighlightingTests {
    static let lessons = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("lessons")

    @Test func noCodeBlockOfAnyLessonHasAnErrorToken() throws {
        var samples: [(place: String, code: String)] = []
        for name in try FileManager.default.contentsOfDirectory(atPath: Self.lessons.path).sorted()
        where name.hasSuffix(".md") {
            let text = try String(contentsOf: Self.lessons.appendingPathComponent(name), encoding: .utf8)
            for block in CommonMark.parse(text).descendants where block.kind == .codeBlock && LessonPage.isSwift(block)
            {
                samples.append(("lessons/\(name):\(block.start.line)", block.literal ?? ""))
            }
        }
        #expect(samples.count > 10)
        for (sample, html) in zip(samples, try Pygments().highlight(samples.map(\.code))) {
            #expect(!html.contains(#"class="err""#), "\(sample.place): \(Self.errors(in: html))")
        }
    }

    @Test(arguments: [
        // A Unicode identifier, declared and used; then code after it is still code.
        ("let γ = 0.1\nlet x₁ = γ * 2\n", #"<span class="nv">x₁</span>"#),
        ("let γ = 0.1\nprint(γ)\n", #"<span class="p">(</span><span class="n">γ</span>"#),
        ("func γ(_ x: Double) -> Double { x }\n", #"<span class="nf">γ</span>"#),
        // A multi-line string with a line continuation, a quote and interpolation inside.
        (
            "let s = \"\"\"\n    a \\\n    \"b\" \\(x)\n    \"\"\"\nlet t = 1\n",
            #"<span class="s">    a </span><span class="se">\</span>"# + "\n"
        ),
        (
            "let s = \"\"\"\n    a \\\n    \"b\" \\(x)\n    \"\"\"\nlet t = 1\n",
            #"<span class="kd">let</span> <span class="nv">t</span>"#
        ),
        ("let s = \"\\u{1F600}\"\n", #"<span class="se">\u{1F600}</span>"#),
        // Raw strings, key paths, projected values, Unicode operators.
        ("let r = #\"a \"b\" c\"#\nlet n = 1\n", #"<span class="s">#&quot;a &quot;b&quot; c&quot;#</span>"#),
        ("let k = \\Point.x\n", #"<span class="o">\</span>"#),
        ("let p = $value\n", #"<span class="nv">$value</span>"#),
        ("let h = f ∘ g\n", #"<span class="o">∘</span>"#),
    ])
    func validSwiftIsHighlightedWithoutErrors(_ sample: String, _ expected: String) throws {
        let html = try Pygments().highlight([sample])[0]
        #expect(!html.contains(#"class="err""#), "\(Self.errors(in: html))")
        #expect(html.contains(expected), "\(html)")
    }

    /// The error tokens of highlighted HTML, for the failure message.
    static func errors(in html: String) -> [String] {
        html.components(separatedBy: #"<span class="err">"#).dropFirst().map {
            $0.components(separatedBy: "</span>")[0]
        }
    }
}
