import Foundation
import LessonParser

/// Typesets every formula of a build in one call.
public protocol MathTypesetter {
    func typeset(_ formulas: [Formula]) throws -> TypesetMath
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
}
