import Foundation
import LessonParser

/// The course as a student receives it (`descent release`): the project's sources and tools
/// (`CourseFiles.project`), the student edition of every lesson in `lessons/` with the rest
/// of the lessons folder (`course.yml`), a README for students and a Makefile whose `make
/// test` runs the student's lessons. The edition's site is added by the caller, which renders it.
public enum StudentCourse {
    /// The files of the student course; `lessonsFolder` is the instructor's, whose other files
    /// (`course.yml`, images) are copied beside the editions.
    public static func files(
        project: CourseFiles, release: CourseRelease, lessonsFolder: URL, title: String
    ) throws -> CourseFiles {
        var files = project
        try files.addFolder(lessonsFolder, as: "lessons") { !$0.hasSuffix(".md") }
        for (lesson, edition) in zip(release.lessons, release.editions) {
            files.add("lessons/" + (lesson.file as NSString).lastPathComponent, text: edition.text)
        }
        // Where `descent test` says that the first exercise is not done: its stub's `return` line.
        let first = zip(release.lessons, release.editions).lazy.compactMap { lesson, edition in
            lesson.codeBlocks.lazy.compactMap { block -> (file: String, line: Int, id: String)? in
                guard let region = block.solutions.first, let before = edition.lineMap[region.lowerBound - 1] else {
                    return nil
                }
                return ((lesson.file as NSString).lastPathComponent, before + 2, block.attributes.exercise ?? "")
            }.first
        }.first
        files.add("README.md", text: readme(title: title, firstExercise: first))
        files.add("Makefile", text: makefile)
        return files
    }

    static let makefile = """
        # Run your exercises and every lesson, or build the course's pages. Both first check that
        # what descent needs is installed (see README.md).
        .PHONY: test site

        # Run every lesson and its visible checks: an exercise you have not done yet fails.
        test:
        \t@scripts/install-deps.sh --lessons
        \tswift run descent test

        # Build the course's pages into site/.
        site:
        \t@scripts/install-deps.sh --lessons
        \tswift run descent build

        """

    static func readme(title: String, firstExercise: (file: String, line: Int, id: String)?) -> String {
        let example =
            firstExercise.map { "lessons/\($0.file):\($0.line):1: error: Exercise \($0.id) is not done yet" }
            ?? "lessons/01-lesson.md:40:1: error: Exercise some-id is not done yet"
        return """
            # \(title): your copy

            This is your copy of the course: its lessons in `lessons/`, the pages built from them in
            `site/` (open `site/index.html`), and `descent`, the tool that runs the lessons' Swift
            code and checks your exercises. Each exercise is a Swift function in a lesson whose body
            says `// Your code here.`: replace that line and the `return exerciseNotDone(…)` after it
            with your code.

            ## Install

            - The Swift toolchain, 6.0 or later, from <https://www.swift.org/install/> (the Linux
              tarball or `swiftly`), with its `usr/bin` on your `PATH`.
            - On Debian or Ubuntu: `pkg-config libcmark-dev libopenblas-dev katex python3-pygments`.
              `make test` checks that they are there, installs them when you are root (or have
              password-less `sudo`), and otherwise says which to install with `apt-get install`.
              Nothing else needs root.

            The first `make test` builds `descent` (a few minutes); later ones start at once.

            ## Run your exercises

            ```sh
            make test                                # every lesson
            swift run descent test 01-derivatives    # one lesson
            ```

            `descent test` runs every lesson and its checks, and prints one line per problem, at
            its file and line, then `N passed, N failed`. An exercise you have not done yet says so
            in one line:

            ```text
            \(example)
            ```

            A check that fails says what was expected and what your code gave, at the line of the
            check. The checks you see are not all: your work is also graded with checks you do not
            see, so test more than the visible cases. An exercise whose first line says `hides=`
            (`hides=centralDifference`) is graded without those parts of the course's library,
            which compute its answer: your code must not use them (your own `descent test` does
            not check that, grading does). `make site` builds the pages again.

            ## Submit

            Upload your lesson files (`lessons/*.md`; the whole folder is fine too) to the course's
            Gradescope assignment. Only the exercise blocks are read, and in each only the body of
            the function you completed: changes elsewhere (prose, other code, the function's
            signature) are ignored, not penalised. Each exercise is graded on its own, so one that
            does not compile or never finishes costs only its own points.

            """
    }
}
