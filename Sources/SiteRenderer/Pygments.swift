import Foundation

/// Highlights Swift with Pygments (Debian's `python3-pygments`), in one python process per
/// build.
///
/// Every sample goes to python at once as JSON and comes back as escaped HTML with Pygments'
/// short token classes (`k` keyword, `nf` function name, `mf` number, `c1` comment…), which
/// the site's stylesheet colours.
public struct Pygments: CodeHighlighter {
    /// Debian's python, which sees Debian's Pygments, is tried before the PATH's.
    public var python = ["/usr/bin/python3"]

    public init() {}

    public func highlight(_ samples: [String]) throws -> [String] {
        guard !samples.isEmpty else { return [] }
        let helper = HelperProgram(executable: try HelperProgram.locate("python3", preferring: python),
                                   arguments: ["-c", Self.script], needs: "Pygments (Debian: apt-get install python3-pygments)")
        let highlighted = try helper.run(samples, as: [String].self)
        guard highlighted.count == samples.count else {
            throw HelperError("Pygments answered \(highlighted.count) samples of \(samples.count)")
        }
        return highlighted
    }
}

private extension Pygments {
    /// Reads a JSON list of Swift samples on stdin; prints the list of their HTML.
    static let script = #"""
        import json, sys
        from pygments import highlight
        from pygments.formatters import HtmlFormatter
        from pygments.lexers import SwiftLexer
        lexer = SwiftLexer(stripnl=False, ensurenl=False)
        formatter = HtmlFormatter(nowrap=True)
        json.dump([highlight(sample, lexer, formatter) for sample in json.load(sys.stdin)], sys.stdout)
        """#
}
