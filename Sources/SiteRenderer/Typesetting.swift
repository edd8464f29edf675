import Foundation
import LessonParser

/// Typesets every formula of a build in one call.
public protocol MathTypesetter {
    func typeset(_ formulas: [Formula]) throws -> TypesetMath
    /// A text that changes whenever a formula may come out differently (the typesetter's
    /// program, version, settings): with the formula, the key of its cached HTML
    /// (`CachedTypesetter`). Nil when results must not be cached.
    var cacheIdentity: String? { get }
}

extension MathTypesetter {
    public var cacheIdentity: String? { nil }
}

/// What a typesetter made of a build's formulas.
public struct TypesetMath {
    /// One result per formula, in order: its HTML, or why it cannot be typeset.
    public var results: [Result<String, DescentError>]
    /// Files the HTML needs (stylesheet, fonts), by their path in the site.
    public var assets: [String: URL]

    public init(results: [Result<String, DescentError>], assets: [String: URL]) {
        self.results = results
        self.assets = assets
    }
}

/// Highlights every code sample of a build in one call.
public protocol CodeHighlighter {
    /// The HTML of each Swift sample, in order: escaped text with `<span class>` marks.
    func highlight(_ samples: [String]) throws -> [String]
    /// A text that changes whenever a sample may come out differently: with the sample, the
    /// key of its cached HTML (`CachedHighlighter`). Nil when results must not be cached.
    var cacheIdentity: String? { get }
}

extension CodeHighlighter {
    public var cacheIdentity: String? { nil }
}
