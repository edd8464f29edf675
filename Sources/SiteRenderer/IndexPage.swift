import CommonMark

/// The course's front page: its title and introduction (from the course file), its lessons
/// with their summaries (and a mark on any lesson that fails), and what a reader needs to
/// run it.
struct IndexPage {
    let lessons: [PreparedLesson]
    /// Each lesson's summary as HTML, in the same order.
    let summaries: [String]
    let layout: Layout

    var html: String {
        let course = layout.course
        return layout.page(
            title: course.subtitle.map { "\(course.title): \($0)" } ?? course.title,
            description: course.description,
            math: lessons.contains(where: \.summaryHasMath),
            main: intro + lessonList + running
        )
    }
}

// MARK: - Private

private extension IndexPage {
    /// The title, and the course's introduction (Markdown) when it has one.
    var intro: String {
        let introduction =
            layout.course.introduction.map {
                "<div class=\"introduction\">\n\(HTMLFormatter().html(CommonMark.parse($0)))</div>\n"
            } ?? ""
        return
            "<header class=\"course-header\">\n<h1>\(HTMLFormatter.escape(layout.course.title))</h1>\n\(introduction)</header>\n\n"
    }

    var lessonList: String {
        let items = zip(lessons, summaries).map { lesson, summary in
            let summary = summary.isEmpty ? "" : "\n<p>\(summary)</p>"
            return """
                <li><a href="\(lesson.page)"><span class="lesson-number">\(lesson.number)</span> \
                \(HTMLFormatter.escape(lesson.title))</a>\(summary)\(status(of: lesson))</li>

                """
        }
        return """
            <section aria-labelledby="lessons">
            <h2 id="lessons">Lessons</h2>
            <ol class="lesson-list">
            \(items.joined())</ol>
            </section>

            """
    }

    func status(of lesson: PreparedLesson) -> String {
        guard let run = lesson.input.run else {
            return "\n<p class=\"verdict failed\"><strong>✗ Not run:</strong> the lesson has errors.</p>"
        }
        guard run.failed > 0 else { return "" }
        return "\n<p class=\"verdict failed\"><strong>✗ \(run.failed) of \(run.cells.count) blocks fail.</strong></p>"
    }

    var running: String {
        """
        <section aria-labelledby="running">
        <h2 id="running">What you need, and how to run it</h2>
        <p>The lessons are Markdown files in <code>lessons/</code>. Their Swift blocks run against the \
        course's own library; reading the site needs nothing but a browser. To run the code yourself \
        you need:</p>
        <ul>
        <li>a Swift 6 toolchain (<code>swift</code> on the <code>PATH</code>);</li>
        <li>the C libraries cmark and OpenBLAS (Debian: <code>libcmark-dev</code>, <code>libopenblas-dev</code>);</li>
        <li>to build the site: node with KaTeX and python with Pygments (Debian: <code>katex</code>, <code>python3-pygments</code>).</li>
        </ul>
        <p>On Debian, <code>scripts/install-deps.sh</code> installs the packages. Then, from the \
        repository's root:</p>
        <pre class="code"><code># run every lesson and check what it prints
        swift run descent test
        # run every lesson and write this site to site/
        swift run descent build
        # redraw a lesson's figures with other hyperparameters
        swift run descent figures LESSON --set NAME=VALUE</code></pre>
        <p>Each lesson lists its hyperparameters at the top of its file; change one with \
        <code>--set</code> and every output and figure that depends on it is computed again.</p>
        </section>

        """
    }
}
