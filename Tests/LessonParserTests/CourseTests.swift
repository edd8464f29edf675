import Foundation
import LessonParser
import Testing

/// The course file: every key read, plain defaults without it, each mistake at its line.
@Suite struct CourseTests {
    @Test func everyKeyIsRead() {
        let (course, diagnostics) = Course.parse(
            """
            title: Pente
            subtitle: un cours
            description: Un cours d'essai.
            introduction: |
              Un **autre** cours.
            author: Émilie du Châtelet
            language: zh-Hant
            licence: CC BY 4.0
            repository: https://example.org/pente.git
            """, file: "lessons/course.yml")
        #expect(diagnostics.isEmpty)
        #expect(course.title == "Pente" && course.subtitle == "un cours" && course.description == "Un cours d'essai.")
        #expect(course.introduction == "Un **autre** cours.\n" && course.author == "Émilie du Châtelet")
        #expect(
            course.language == "zh-Hant" && course.licence == "CC BY 4.0"
                && course.repository == "https://example.org/pente.git")
    }

    @Test func aFolderWithoutTheFileGetsPlainDefaults() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("course-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let (course, diagnostics) = Course.read(folder: folder.path)
        #expect(diagnostics.isEmpty && course == Course())
        #expect(
            course.title == "Course" && course.language == "en" && course.introduction == nil && course.author == nil)
    }

    @Test(arguments: [
        ("titel: x\n", "lessons/course.yml:1:1: error: unknown key 'titel' in course.yml"),
        ("title: [a, b]\n", "lessons/course.yml:1:8: error: 'title' must be text"),
        ("title: x\nlanguage: English\n", "lessons/course.yml:2:11: error: 'language' must be a BCP 47 language tag"),
        (
            "repository: git@example.org:x.git\n",
            "lessons/course.yml:1:13: error: 'repository' must be an http or https address"
        ),
        ("- a list\n", "lessons/course.yml:1:1: error: course.yml must be a mapping of keys to values"),
        ("title: 'open\n", "lessons/course.yml:"),
    ])
    func aMistakeIsReportedAtItsLine(_ yaml: String, _ expected: String) {
        let (course, diagnostics) = Course.parse(yaml, file: "lessons/course.yml")
        #expect(diagnostics.count == 1)
        #expect(diagnostics.first.map { $0.description.hasPrefix(expected) } == true, "\(diagnostics)")
        #expect(course.title == "Course" || course.title == "x")
    }
}
