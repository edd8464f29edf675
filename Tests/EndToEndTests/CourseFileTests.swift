import Foundation
import Testing

/// A course's own front page and metadata come from `course.yml` in its lessons folder; a
/// folder without one builds with plain defaults.
@Suite struct CourseFileTests {
    static let other = BuildTests.build("site-other-course")

    @Test func anotherCourseBuildsWithItsOwnFrontPage() throws {
        let (result, folder) = try Self.other.get()
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(
            result.stdout.hasSuffix("wrote site/: 2 pages, 0 figures; 1 block passed, 0 failed\n"), "\(result.stdout)")
        let index = try BuildTests.page("index.html", in: folder)
        for fragment in [
            #"<html lang="fr">"#,
            "<title>Pente: un autre cours</title>",
            #"<meta name="description" content="Un cours d'essai, avec sa propre page d'accueil.">"#,
            #"<meta name="author" content="Émilie du Châtelet">"#,
            #"<a class="site-title" href="index.html">Pente</a>"#,
            "<h1>Pente</h1>\n<div class=\"introduction\">\n<p>Un <strong>autre</strong> cours, écrit pour vérifier",
            #"<p>By Émilie du Châtelet · Licence: CC BY 4.0 · Source: <a href="https://example.org/pente.git">https://example.org/pente.git</a></p>"#,
        ] {
            #expect(index.contains(fragment), "missing \(fragment)")
        }
        #expect(!index.contains("Descent") && !index.contains("neural"))
        let lesson = try BuildTests.page("01-pente.html", in: folder)
        #expect(lesson.contains("<title>La pente · Pente</title>") && lesson.contains(#"<html lang="fr">"#))
        #expect(!FileManager.default.fileExists(atPath: folder.appendingPathComponent("site/course.html").path))
    }

    @Test func aFolderWithoutACourseFileBuildsWithPlainDefaults() throws {
        let (_, folder) = try BuildTests.course.get()
        let index = try BuildTests.page("index.html", in: folder)
        #expect(
            index.contains(#"<html lang="en">"#) && index.contains("<title>Course</title>")
                && index.contains("<h1>Course</h1>"))
        #expect(!index.contains("introduction") && !index.contains(#"name="author""#) && !index.contains("Licence"))
    }

    @Test func aMistakeInTheCourseFileIsReportedAtItsLine() throws {
        let folder = try DescentBinary.copyOfFixture("site-other-course")
        let file = folder.appendingPathComponent("lessons/course.yml")
        try Data("title: Pente\nlanguage: français\nautor: x\n".utf8).write(to: file)
        let result = try DescentBinary.run(["build", "--lessons", "lessons", "--out", "site"], in: folder)
        #expect(result.status == 1)
        #expect(
            result.stdout.contains(
                "lessons/course.yml:2:11: error: 'language' must be a BCP 47 language tag such as en, fr or zh-Hant, not 'français'"
            ), "\(result.stdout)")
        #expect(
            result.stdout.contains("lessons/course.yml:3:1: error: unknown key 'autor' in course.yml"),
            "\(result.stdout)")
    }
}
