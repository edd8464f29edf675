import Foundation
import LessonParser
import LessonRunner

/// A typesetter whose results are kept in the content cache, one entry per formula: only
/// formulas the cache does not hold reach `base`, which is not called at all (KaTeX's node
/// is not started) when it holds every one.
///
/// A formula's entry (kind `math`) is keyed by `base`'s `cacheIdentity`, whether the
/// formula is displayed, and its TeX; it holds `+` and the HTML, or `-` and the
/// typesetter's message when it rejected the formula. The files the HTML needs (`TypesetMath.assets`) are an entry
/// keyed by the identity alone.
struct CachedTypesetter: MathTypesetter {
    let base: any MathTypesetter
    let identity: String
    let cache: ContentCache

    /// `typesetter` through `cache`; itself when there is no cache or it has no identity.
    static func wrapping(_ typesetter: some MathTypesetter, in cache: ContentCache?) -> any MathTypesetter {
        guard let cache, let identity = typesetter.cacheIdentity else { return typesetter }
        return CachedTypesetter(base: typesetter, identity: identity, cache: cache)
    }

    static let kind = "math"

    func typeset(_ formulas: [Formula]) throws -> TypesetMath {
        let keys = formulas.map { ContentCache.key(["formula", identity, $0.display ? "display" : "inline", $0.tex]) }
        var known: [String: Result<String, DescentError>] = [:]
        for key in Set(keys) {
            known[key] = cache.data(Self.kind, key).flatMap(Self.result)
        }
        let assetsKey = ContentCache.key(["assets", identity])
        var assets = cache.data(Self.kind, assetsKey).flatMap {
            try? JSONDecoder().decode([String: URL].self, from: $0)
        }

        // Each missing formula once; the first is typeset again when only the assets are missing.
        var seen: Set<String> = []
        var missing = formulas.indices.filter { known[keys[$0]] == nil && seen.insert(keys[$0]).inserted }
        if missing.isEmpty, assets == nil, !formulas.isEmpty { missing = [0] }
        if !missing.isEmpty {
            let fresh = try base.typeset(missing.map { formulas[$0] })
            for (index, result) in zip(missing, fresh.results) {
                known[keys[index]] = result
                try cache.store(Self.entry(result), Self.kind, keys[index])
            }
            if assets != fresh.assets {
                assets = fresh.assets
                try cache.store(JSONEncoder().encode(fresh.assets), Self.kind, assetsKey)
            }
        }
        let results = keys.compactMap { known[$0] }
        guard results.count == formulas.count else {
            throw DescentError("the typesetter answered \(results.count) formulas of \(formulas.count)")
        }
        return TypesetMath(results: results, assets: assets ?? [:])
    }

    /// A formula's entry: `+` and its HTML, or `-` and why it was rejected.
    private static func entry(_ result: Result<String, DescentError>) -> Data {
        switch result {
        case .success(let html): Data(("+" + html).utf8)
        case .failure(let error): Data(("-" + error.description).utf8)
        }
    }

    private static func result(_ entry: Data) -> Result<String, DescentError>? {
        let text = String(decoding: entry.dropFirst(), as: UTF8.self)
        switch entry.first {
        case UInt8(ascii: "+"): return .success(text)
        case UInt8(ascii: "-"): return .failure(DescentError(text))
        default: return nil
        }
    }
}
