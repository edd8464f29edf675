import Foundation

/// What the preview server adds to each HTML page it serves (never to the files on disk,
/// which stay free of JavaScript): a script that reloads the page when a newer build is
/// served, and, when the last build could not write the site, a banner saying why.
///
/// The script long-polls `GET /__descent/wait?v=N`, where N is the build the page came
/// from: the server answers with the current build's number as soon as it differs from N
/// (or after a while, with N itself, and the script asks again). A different number reloads
/// the page, so does a server that was restarted; a server that is gone is asked again
/// each second.
public enum ReloadScript {
    /// The path the script polls.
    public static let waitPath = "/__descent/wait"

    /// The HTML added to a page of build `version`, with `problem` (if any) in a banner.
    public static func fragment(version: Int, problem: String?) -> String {
        let banner = problem.map { problem in
            """
            <div id="descent-serve-problem" style="position:fixed;left:0;right:0;top:0;z-index:1000;\
            padding:.6em 1em;background:#fdecea;color:#611a15;border-bottom:2px solid #b3261e;\
            font:14px/1.4 ui-monospace,monospace;white-space:pre-wrap">\
            descent serve: the last build failed, this is the build before it.\n\(escaped(problem))</div>

            """
        }
        return (banner ?? "") + """
            <script>/* descent serve: reloads the page when the site is rebuilt */
            (function(){var v=\(version);function wait(){fetch("\(waitPath)?v="+v,{cache:"no-store"})\
            .then(function(r){return r.text()}).then(function(t){if(+t!==v){location.reload()}else{wait()}},\
            function(){setTimeout(wait,1000)})}wait()})();</script>

            """
    }

    /// `html` with the fragment inserted before its last `</body>`, or appended when it has none.
    public static func inject(into html: String, version: Int, problem: String?) -> String {
        let fragment = fragment(version: version, problem: problem)
        guard let end = html.range(of: "</body>", options: [.backwards, .caseInsensitive]) else {
            return html + fragment
        }
        return html.replacingCharacters(in: end.lowerBound..<end.lowerBound, with: fragment)
    }

    /// Text as HTML character data.
    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;")
    }
}
