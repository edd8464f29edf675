import Foundation

/// Which file of the served folder answers a request, and as what type: the one place that
/// decides what the preview server may read.
///
/// A request reaches only regular files inside the folder. Its path, already decoded from
/// percent escapes (`%2e%2e` arrives as `..`), is split at `/`; a part that starts with a
/// dot (`.`, `..`, `.descent-output`) or holds a backslash or NUL is refused, and what the
/// path names, with symbolic links resolved, must still lie inside the folder with its own
/// links resolved. A folder stands for its `index.html`.
public enum ServedFile {
    /// The file `path` names inside `root`, or nil when there is none it may serve.
    public static func resolve(_ path: String, in root: URL) -> URL? {
        let parts = path.split(separator: "/", omittingEmptySubsequences: true)
        guard !parts.contains(where: { $0.hasPrefix(".") || $0.contains("\\") || $0.contains("\0") }) else {
            return nil
        }
        let realRoot = root.standardizedFileURL.resolvingSymlinksInPath()
        var file = parts.reduce(realRoot) { $0.appendingPathComponent(String($1)) }
        if kind(of: file) == .typeDirectory { file = file.appendingPathComponent("index.html") }
        let real = file.resolvingSymlinksInPath()
        guard real.path.hasPrefix(realRoot.path + "/"), kind(of: real) == .typeRegular else { return nil }
        return real
    }

    /// The Content-Type of a file of the site, by its extension.
    public static func contentType(of file: URL) -> String {
        switch file.pathExtension.lowercased() {
        case "html": "text/html; charset=utf-8"
        case "css": "text/css; charset=utf-8"
        case "js": "text/javascript; charset=utf-8"
        case "svg": "image/svg+xml"
        case "png": "image/png"
        case "jpg", "jpeg": "image/jpeg"
        case "gif": "image/gif"
        case "woff2": "font/woff2"
        case "woff": "font/woff"
        case "ttf": "font/ttf"
        case "json": "application/json"
        case "txt", "md": "text/plain; charset=utf-8"
        default: "application/octet-stream"
        }
    }

    private static func kind(of file: URL) -> FileAttributeType? {
        (try? FileManager.default.attributesOfItem(atPath: file.path)[.type]) as? FileAttributeType
    }
}
