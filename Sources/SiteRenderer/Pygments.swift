import Foundation
import LessonParser
import LessonRunner

/// Highlights Swift with Pygments (Debian's `python3-pygments`), in one python process per
/// build (given only the samples the cache lacks, and not started when it lacks none: see
/// `CachedHighlighter`).
///
/// Every sample goes to python at once as JSON and comes back as escaped HTML with Pygments'
/// short token classes (`k` keyword, `nf` function name, `mf` number, `c1` comment…), which
/// the site's stylesheet colours.
///
/// Pygments' Swift lexer predates parts of the language and marks valid code as errors
/// (`err`); the script extends it, rule before rule, with what Swift allows today: Unicode
/// identifiers (`γ`, `x₁`) and operators (`∘`), multi-line strings with `\` line
/// continuations and `\u{…}` escapes, raw strings (`#"…"#`), key paths (`\.x`) and `$name`.
public struct Pygments: CodeHighlighter {
    /// Debian's python, which sees Debian's Pygments, is tried before the PATH's.
    public var python = ["/usr/bin/python3"]

    public init() {}

    public func highlight(_ samples: [String]) throws -> [String] {
        guard !samples.isEmpty else { return [] }
        let helper = HelperProgram(
            executable: try HelperProgram.locate("python3", preferring: python),
            arguments: ["-c", Self.script], needs: "Pygments (Debian: apt-get install python3-pygments)")
        let highlighted = try helper.run(samples, as: [String].self)
        guard highlighted.count == samples.count else {
            throw DescentError("Pygments answered \(highlighted.count) samples of \(samples.count)")
        }
        return highlighted
    }

    /// The script, python, and Debian's Pygments (its `__init__.py`, which names its
    /// version), each by its path, size and time.
    public var cacheIdentity: String? {
        let python = executablePath("python3", preferring: python) ?? ""
        let pygments = "/usr/lib/python3/dist-packages/pygments/__init__.py"
        return ["Pygments", Self.script, ContentCache.stamp(of: python), ContentCache.stamp(of: pygments)].joined(
            separator: "\n")
    }
}

private extension Pygments {
    /// Reads a JSON list of Swift samples on stdin; prints the list of their HTML.
    static let script = #"""
        import json, sys
        from pygments import highlight
        from pygments.formatters import HtmlFormatter
        from pygments.lexer import bygroups, inherit
        from pygments.lexers import SwiftLexer
        from pygments.token import Keyword, Name, Operator, String, Text

        # Pygments' Swift lexer predates parts of the language; these rules come first.
        IDENTIFIER = r'(?:[^\W\d]|[^\x00-\x7f\s])(?:\w|[^\x00-\x7f\s])*'
        UNICODE_OPERATOR = '[\u00a1-\u00a7\u00a9\u00ab\u00ac\u00ae\u00b0\u00b1\u00b6\u00bb\u00bf\u00d7\u00f7\u2016\u2017\u2020-\u2027\u2030-\u203e\u2041-\u2053\u2055-\u205e\u2190-\u23ff\u2500-\u2775\u2794-\u2bff\u2e00-\u2e7f\u3001-\u3003\u3008-\u3020\u3030]'
        ESCAPE = r'\\(?:[0\\tnr"\']|u\{[0-9a-fA-F]{1,8}\})'

        class Swift(SwiftLexer):
            tokens = {
                'root': [
                    (r'(#+)"""[\s\S]*?"""\1(?!#)', String),
                    (r'(#+)"(?:[^"\n]|"(?!\1))*"\1(?!#)', String),
                    (r'"""', String, 'multiline-string'),
                    (r'\$\w+', Name.Variable),
                    (r'\\', Operator),
                    (UNICODE_OPERATOR + '+', Operator),
                    inherit,
                    (IDENTIFIER, Name),
                ],
                'keywords': [
                    (r'(class|enum|extension|struct|protocol|actor)(\s+)(' + IDENTIFIER + ')', bygroups(Keyword.Declaration, Text, Name.Class)),
                    (r'(func)(\s+)(' + IDENTIFIER + ')', bygroups(Keyword.Declaration, Text, Name.Function)),
                    (r'(var|let)(\s+)(' + IDENTIFIER + ')', bygroups(Keyword.Declaration, Text, Name.Variable)),
                    inherit,
                ],
                'string': [
                    (ESCAPE, String.Escape),
                    inherit,
                ],
                'multiline-string': [
                    (r'\\\(', String.Interpol, 'string-intp'),
                    (ESCAPE, String.Escape),
                    (r'\\[ \t]*\n', String.Escape),
                    (r'"""', String, '#pop'),
                    (r'[^\\"]+', String),
                    (r'"', String),
                ],
            }

        lexer = Swift(stripnl=False, ensurenl=False)
        formatter = HtmlFormatter(nowrap=True)
        json.dump([highlight(sample, lexer, formatter) for sample in json.load(sys.stdin)], sys.stdout)
        """#
}
