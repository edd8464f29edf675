import CommonMark

/// The HTML document every page shares: head, site header, main content, footer.
///
/// Pages sit at the site's root, so the stylesheet, KaTeX's files and other pages are
/// linked by relative paths and the site reads the same from a web server or from disk.
enum Layout {
    static let courseTitle = "Descent"

    /// A complete page; `math` links KaTeX's stylesheet, which typeset formulas need, and
    /// `head` is added to the head last (a page's own stylesheet link).
    static func page(title: String, description: String?, math: Bool, head: String = "", main: String) -> String {
        let description = description.map { "<meta name=\"description\" content=\"\(HTMLFormatter.escape($0))\">\n" } ?? ""
        let katex = math ? "<link rel=\"stylesheet\" href=\"katex/katex.min.css\">\n" : ""
        return """
            <!DOCTYPE html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="color-scheme" content="light dark">
            <title>\(HTMLFormatter.escape(title))</title>
            \(description)\(katex)<link rel="stylesheet" href="style.css">
            \(head)</head>
            <body>
            <a class="skip" href="#Main">Skip to content</a>
            <header class="site-header"><a class="site-title" href="index.html">\(courseTitle)</a></header>
            <main id="Main">
            \(main)</main>
            <footer class="site-footer">
            <p>Every output and figure on these pages was computed by the code beside it when the site was built with <code>descent build</code>.</p>
            </footer>
            </body>
            </html>

            """
    }
}
