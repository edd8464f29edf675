import CommonMark
import LessonParser

/// The HTML document every page shares: head, site header, main content, footer.
///
/// The course's file (`Course`) gives the site's name, language, author, licence and
/// repository. Pages sit at the site's root, so the stylesheet, KaTeX's files and other pages are
/// linked by relative paths and the site reads the same from a web server or from disk.
/// Every page of the instructor's copy says first that it holds the solutions, and asks
/// search engines not to index it.
struct Layout {
    let course: Course
    let edition: SiteEdition

    /// A complete page; `math` links KaTeX's stylesheet, which typeset formulas need, and
    /// `head` is added to the head last (a page's own stylesheet link). The `navigation`
    /// follows the main content, and is placed beside it on a wide screen.
    func page(
        title: String, description: String?, math: Bool, head: String = "", main: String,
        navigation: String = ""
    ) -> String {
        let description =
            description.map { "<meta name=\"description\" content=\"\(HTMLFormatter.escape($0))\">\n" } ?? ""
        let katex = math ? "<link rel=\"stylesheet\" href=\"katex/katex.min.css\">\n" : ""
        let author = course.author.map { "<meta name=\"author\" content=\"\(HTMLFormatter.escape($0))\">\n" } ?? ""
        let robots = edition == .instructor ? "<meta name=\"robots\" content=\"noindex, nofollow\">\n" : ""
        return """
            <!DOCTYPE html>
            <html lang="\(HTMLFormatter.escape(course.language))">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <meta name="color-scheme" content="light dark">
            <title>\(HTMLFormatter.escape(title))</title>
            \(description)\(author)\(robots)\(katex)<link rel="stylesheet" href="style.css">
            \(head)</head>
            <body>
            <a class="skip" href="#Main">Skip to content</a>
            \(notice)<header class="site-header"><a class="site-title" href="index.html">\(HTMLFormatter.escape(course.title))</a></header>
            \(navigation.isEmpty ? "" : "<div class=\"page\">\n")<main id="Main">
            \(main)</main>
            \(navigation.isEmpty ? "" : navigation + "</div>\n")<footer class="site-footer">
            <p>Every output and figure on these pages was computed by the code beside it when the site was built with <code>descent build</code>.</p>
            \(colophon)</footer>
            </body>
            </html>

            """
    }

    /// Author, licence and repository, those the course names.
    private var colophon: String {
        var parts: [String] = []
        if let author = course.author { parts.append("By \(HTMLFormatter.escape(author))") }
        if let licence = course.licence { parts.append("Licence: \(HTMLFormatter.escape(licence))") }
        if let repository = course.repository {
            parts.append(
                "Source: <a href=\"\(HTMLFormatter.escape(repository))\">\(HTMLFormatter.escape(repository))</a>")
        }
        return parts.isEmpty ? "" : "<p>\(parts.joined(separator: " · "))</p>\n"
    }

    /// The instructor's copy's warning; nothing on the public site.
    private var notice: String {
        guard edition == .instructor else { return "" }
        return """
            <p class="edition-notice" role="note"><strong>Instructor's copy:</strong> these pages show the \
            reference solutions and hidden checks of the exercises. Do not publish them: the course's \
            public site is built without <code>--solutions</code>.</p>

            """
    }
}
