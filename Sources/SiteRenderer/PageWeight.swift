import Foundation
import LessonParser

/// What a reader downloads for a lesson's page: its HTML and the figures in its folder
/// (those of the lesson's values and of every choice), counted once each.
public struct PageWeight: Sendable, Equatable {
    /// The page's path in the site (`02-gradient-descent.html`).
    public var page: String
    public var bytes: Int
    /// How many values a reader may choose on it.
    public var choices: Int

    /// The most a page with choices may weigh: 1 MB.
    static let limit = 1_000_000

    /// The weight of every lesson page, in course order; a page with choices heavier than
    /// `limit` is an error at its lesson's first choice.
    static func weigh(_ output: SiteOutput, lessons: [PreparedLesson]) -> (
        weights: [PageWeight], diagnostics: [Diagnostic]
    ) {
        var weights: [PageWeight] = []
        var diagnostics: [Diagnostic] = []
        for lesson in lessons {
            let figures = output.files.filter { $0.key.hasPrefix("\(lesson.slug)/") }.map(\.value.count).reduce(0, +)
            let weight = PageWeight(
                page: lesson.page, bytes: (output.files[lesson.page]?.count ?? 0) + figures,
                choices: lesson.choices.choices.count)
            weights.append(weight)
            if weight.choices > 0, weight.bytes > limit, let parameter = lesson.choices.parameters.first {
                diagnostics.append(
                    Diagnostic(
                        file: lesson.lesson.file, line: parameter.line,
                        "\(lesson.page) weighs \(weight.kilobytes) kB with its figures and \(weight.choices) choices; "
                            + "a page with choices must stay under \(limit / 1000) kB (offer fewer choices)"))
            }
        }
        return (weights, diagnostics)
    }

    /// The weight in kilobytes (1000 bytes), rounded up.
    public var kilobytes: Int { (bytes + 999) / 1000 }
}
