import Foundation
import LessonParser
import LessonRunner

/// Typesets math with KaTeX, from Debian's `katex` package, in one node process per build
/// (given only the formulas the cache lacks, and not started when it lacks none: see
/// `CachedTypesetter`).
///
/// Every formula goes to node at once as JSON; each comes back as KaTeX's HTML and MathML,
/// or as KaTeX's message when it rejects it. The page needs KaTeX's stylesheet and fonts,
/// copied from the package into the site's `katex/` folder; no script.
public struct KaTeX: MathTypesetter {
    /// Where Debian installs node modules (the `katex` package's among them).
    public var modulePath = "/usr/share/nodejs"

    public init() {}

    public func typeset(_ formulas: [Formula]) throws -> TypesetMath {
        guard !formulas.isEmpty else { return TypesetMath(results: [], assets: [:]) }
        let helper = HelperProgram(
            executable: try HelperProgram.locate("node"), arguments: ["-e", Self.script],
            environment: ["NODE_PATH": modulePath], needs: "KaTeX (Debian: apt-get install katex)")
        let reply = try helper.run(formulas.map { Request(tex: $0.tex, display: $0.display) }, as: Reply.self)
        guard reply.results.count == formulas.count else {
            throw DescentError("KaTeX answered \(reply.results.count) formulas of \(formulas.count)")
        }
        let results = reply.results.map { result -> Result<String, DescentError> in
            if let html = result.html { .success(html) } else { .failure(DescentError(result.error ?? "rejected")) }
        }
        return TypesetMath(results: results, assets: try Self.assets(in: URL(fileURLWithPath: reply.dist)))
    }

    /// The script, node, and the KaTeX package's version file (`katex/package.json` in
    /// `modulePath`), each by its path, size and time.
    public var cacheIdentity: String? {
        let node = executablePath("node") ?? ""
        let package = URL(fileURLWithPath: modulePath).appendingPathComponent("katex/package.json").path
        return ["KaTeX", Self.script, ContentCache.stamp(of: node), ContentCache.stamp(of: package)].joined(
            separator: "\n")
    }
}

// MARK: - Private

private extension KaTeX {
    struct Request: Encodable {
        var tex: String
        var display: Bool
    }

    struct Reply: Decodable {
        struct Result: Decodable {
            var html: String?
            var error: String?
        }

        /// KaTeX's `dist` folder: `katex.min.css` and `fonts/`.
        var dist: String
        var results: [Result]
    }

    /// The stylesheet and the WOFF2 fonts it names first (every current browser reads WOFF2).
    static func assets(in dist: URL) throws -> [String: URL] {
        let fonts = dist.appendingPathComponent("fonts")
        let names = try FileManager.default.contentsOfDirectory(atPath: fonts.path).filter { $0.hasSuffix(".woff2") }
        var assets = ["katex/katex.min.css": dist.appendingPathComponent("katex.min.css")]
        for name in names { assets["katex/fonts/\(name)"] = fonts.appendingPathComponent(name) }
        return assets
    }

    /// Reads `[{tex, display}]` on stdin; prints `{dist, results: [{html} | {error}]}`.
    ///
    /// KaTeX 0.16's `\vdots` puts an `<mpadded>` inside an `<mi>`, which is not valid
    /// MathML; the macro gives the same glyph without the strut that causes it.
    static let script = #"""
        const katex = require("katex");
        const path = require("path");
        const requests = JSON.parse(require("fs").readFileSync(0, "utf8"));
        const macros = { "\\vdots": "\\mathord{\\char\"22EE}" };
        const results = requests.map(({ tex, display }) => {
          try {
            return { html: katex.renderToString(tex, { displayMode: display, throwOnError: true, strict: "ignore", output: "htmlAndMathml", macros }) };
          } catch (error) {
            return { error: String(error.message) };
          }
        });
        const dist = path.dirname(require.resolve("katex"));
        process.stdout.write(JSON.stringify({ dist, results }));
        """#
}
