import Foundation
import LessonParser
import LessonRunner

/// A highlighter whose results are kept in the content cache, one entry per sample: only
/// samples the cache does not hold reach `base`, which is not called at all (Pygments'
/// python is not started) when it holds every one.
///
/// A sample's entry (kind `code`) is keyed by `base`'s `cacheIdentity` and the sample's
/// text; it holds the sample's HTML.
struct CachedHighlighter: CodeHighlighter {
    let base: any CodeHighlighter
    let identity: String
    let cache: ContentCache

    /// `highlighter` through `cache`; itself when there is no cache or it has no identity.
    static func wrapping(_ highlighter: some CodeHighlighter, in cache: ContentCache?) -> any CodeHighlighter {
        guard let cache, let identity = highlighter.cacheIdentity else { return highlighter }
        return CachedHighlighter(base: highlighter, identity: identity, cache: cache)
    }

    static let kind = "code"

    func highlight(_ samples: [String]) throws -> [String] {
        let keys = samples.map { ContentCache.key(["sample", identity, $0]) }
        var known: [String: String] = [:]
        for key in Set(keys) {
            if let data = cache.data(Self.kind, key) { known[key] = String(decoding: data, as: UTF8.self) }
        }
        var seen: Set<String> = []
        let missing = samples.indices.filter { known[keys[$0]] == nil && seen.insert(keys[$0]).inserted }
        if !missing.isEmpty {
            let fresh = try base.highlight(missing.map { samples[$0] })
            for (index, html) in zip(missing, fresh) {
                known[keys[index]] = html
                try cache.store(Data(html.utf8), Self.kind, keys[index])
            }
        }
        let results = keys.compactMap { known[$0] }
        guard results.count == samples.count else {
            throw DescentError("the highlighter answered \(results.count) samples of \(samples.count)")
        }
        return results
    }
}
