import Foundation
import LessonParser
import LessonRunner
import Testing

@testable import SiteRenderer

/// Typeset math and highlighted code go through the content cache: a formula or sample the
/// cache holds never reaches the typesetter or highlighter (which then do not start), and
/// a site built from the cache is byte for byte the site built without it.
@Suite struct RenderingCacheTests {
    let folder = FileManager.default.temporaryDirectory.appendingPathComponent("descent-render-\(UUID().uuidString)")
    var cache: ContentCache { ContentCache(folder: folder) }

    let math = Recorder<Formula>(), code = Recorder<String>()

    func lesson(_ formula: String) -> SiteLesson {
        siteLesson(
            "01-one",
            """
            ---
            title: One
            summary: About $s$.
            ---
            Let $x = 1$, $\(formula)$ and again $x = 1$, and $\\bad$.

            $$\\sum_i x_i$$

            ```swift spec
            print(1)
            ```

            ```swift
            let shown = 2
            ```
            """, outputs: ["1\n"])
    }

    func build(_ lesson: SiteLesson, identity: String = "fake 1", cache: ContentCache?) throws -> SiteOutput {
        try Site.build(
            [lesson], typesetter: RecordingTypesetter(identity: identity, recorder: math),
            highlighter: RecordingHighlighter(recorder: code), cache: cache)
    }

    @Test func aSecondBuildTypesetsAndHighlightsNothingAndGivesTheSameSite() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let uncached = try build(lesson("y"), cache: nil)
        math.calls = []
        code.calls = []
        let cold = try build(lesson("y"), cache: cache)
        // Each formula once, though `x = 1` appears twice.
        #expect(math.calls.map { $0.map(\.tex) } == [["x = 1", "y", #"\bad"#, #"\sum_i x_i"#, "s"]])
        #expect(code.calls == [["print(1)\n", "let shown = 2\n"]])
        let warm = try build(lesson("y"), cache: cache)
        #expect(math.calls.count == 1 && code.calls.count == 1, "the helpers ran again: \(math.calls), \(code.calls)")
        for site in [cold, warm] {
            #expect(site.files == uncached.files)
            #expect(site.messages == uncached.messages)
        }
        // The rejected formula is still an error, with the typesetter's message.
        #expect(warm.messages.contains { $0.contains(#"math: Undefined control sequence: \bad"#) }, "\(warm.messages)")
    }

    @Test func onlyAChangedFormulaReachesTheTypesetter() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try build(lesson("y"), cache: cache)
        let changed = try build(lesson("z^2"), cache: cache)
        #expect(math.calls.last?.map(\.tex) == ["z^2"])
        #expect(code.calls.count == 1)
        #expect(changed.files == (try build(lesson("z^2"), cache: nil)).files)
    }

    @Test func anotherTypesetterIdentityTypesetsAgain() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try build(lesson("y"), cache: cache)
        _ = try build(lesson("y"), identity: "fake 2", cache: cache)
        #expect(math.calls.count == 2 && math.calls[0].count == math.calls[1].count)
    }

    @Test func aTypesetterWithoutIdentityIsNotCached() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        _ = try Site.build([lesson("y")], typesetter: FakeTypesetter(), highlighter: FakeHighlighter(), cache: cache)
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("math").path))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("code").path))
    }

    @Test func theAssetsAreKeptWithTheFormulas() throws {
        defer { try? FileManager.default.removeItem(at: folder) }
        let assets = ["katex/katex.min.css": URL(fileURLWithPath: "/usr/share/katex.min.css")]
        let typesetter = RecordingTypesetter(identity: "fake", recorder: math, assets: assets)
        let formulas = [Formula(tex: "x", display: false, line: 1, column: 1)]
        let cached = CachedTypesetter(base: typesetter, identity: "fake", cache: cache)
        #expect(try cached.typeset(formulas).assets == assets)
        #expect(try cached.typeset(formulas).assets == assets)
        #expect(math.calls.count == 1)
    }
}

/// What a fake was asked, call by call.
final class Recorder<Item>: @unchecked Sendable {
    var calls: [[Item]] = []
}

/// `FakeTypesetter`, with an identity, recording each call.
struct RecordingTypesetter: MathTypesetter {
    var identity: String
    var recorder: Recorder<Formula>
    var assets: [String: URL] = [:]

    func typeset(_ formulas: [Formula]) throws -> TypesetMath {
        recorder.calls.append(formulas)
        var typeset = try FakeTypesetter().typeset(formulas)
        typeset.assets = assets
        return typeset
    }

    var cacheIdentity: String? { identity }
}

/// `FakeHighlighter`, with an identity, recording each call.
struct RecordingHighlighter: CodeHighlighter {
    var recorder: Recorder<String>

    func highlight(_ samples: [String]) throws -> [String] {
        recorder.calls.append(samples)
        return try FakeHighlighter().highlight(samples)
    }

    var cacheIdentity: String? { "fake highlighter" }
}
