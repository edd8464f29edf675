import Foundation
import LessonParser
import LessonRunner
import Testing

@testable import SiteRenderer

/// The page of a lesson with choices: one radio button per other value; beneath a block that
/// read the parameter or shows something else with it, its results per choice, choices that
/// show the same grouped and choices that show what the lesson's values show left out; other
/// blocks rendered once; figures named by their content.
@Suite struct LessonChoicesTests {
    static let source = """
        ---
        title: K
        params:
          k: {default: 1, choices: [1, 2, 3, 4]}
        ---
        ```swift spec
        print(params.k)
        ```

        ```swift spec
        print("same")
        ```

        ```swift spec
        figure("f", caption: "F", chart)
        ```

        """

    /// The lesson's run with `k` set to `value`: block 0 reads `k` and prints `printed`, block 2
    /// reads nothing and draws `svg`.
    static func run(_ value: Int?, printed: String, svg: String) -> LessonRun {
        let (lesson, _) = LessonReader.parse(source, file: "lessons/01-k.md")
        let results = [(printed, [Figure]()), ("same\n", []), ("", [Figure(name: "f", caption: "F", svg: svg)])]
        let cells = zip(lesson.cells, results).enumerated().map { index, pair in
            CellRun(cell: pair.0, output: pair.1.0, figures: pair.1.1, status: .passed, reads: index == 0 ? ["k"] : [])
        }
        let overrides = value.map { [Parameter(name: "k", value: .integer($0), line: 4)] } ?? []
        return LessonRun(lesson: lesson, cells: cells, overrides: overrides)
    }

    @Test func dependentBlocksShowEachChoice() throws {
        let base = Self.run(nil, printed: "1\n", svg: "<svg>A</svg>")
        let lesson = SiteLesson(
            lesson: base.lesson, run: base,
            choices: [
                Self.run(2, printed: "2\n", svg: "<svg>B</svg>"),
                Self.run(3, printed: "3\n", svg: "<svg>B</svg>"),
                Self.run(4, printed: "1\n", svg: "<svg>C</svg>"),
            ])
        let site = try build([lesson])
        #expect(site.messages.isEmpty, "\(site.messages)")
        let page = site.page("01-k.html")
        #expect(page.contains("<link rel=\"stylesheet\" href=\"01-k/choices.css\">\n</head>"))
        for (number, value) in [(1, 2), (2, 3), (3, 4)] {
            #expect(
                page.contains(
                    "<input type=\"radio\" name=\"choice\" id=\"Choice-\(number)\" aria-describedby=\"Choice-effect-1\">"
                        + "<label for=\"Choice-\(number)\"><code>\(value)</code></label>"))
        }
        #expect(
            page.contains("<p class=\"choice-effect\" id=\"Choice-effect-1\">Changes what 2 blocks below show.</p>"))
        let cells = page.components(separatedBy: "<div class=\"cell spec\"").dropFirst()
        #expect(cells.count == 3)
        let (printing, same, drawing) = (cells[1], cells[2], cells[3])
        // k = 4 prints what k = 1 prints: the lesson's own output stays.
        #expect(printing.contains("<div class=\"variant off-Choice-1 off-Choice-2\">"))
        #expect(printing.contains("<div class=\"variant alternative on-Choice-1\">"))
        #expect(printing.contains("<div class=\"variant alternative on-Choice-2\">"))
        #expect(!printing.contains("on-Choice-3"))
        #expect(!same.contains("variant"))
        // Block 2 read nothing but draws differently: k = 2 and 3 share one figure.
        #expect(drawing.contains("<div class=\"variant off-Choice-1 off-Choice-2 off-Choice-3\">"))
        #expect(drawing.contains("<div class=\"variant alternative on-Choice-1 on-Choice-2\">"))
        #expect(drawing.contains("<div class=\"variant alternative on-Choice-3\">"))
        #expect(drawing.contains("<figure class=\"figure\" id=\"Figure-f\"><img src=\"01-k/f.svg\""))
        let files = site.files.keys.filter { $0.hasPrefix("01-k/") }.sorted()
        #expect(files.count == 4, "\(files)")
        #expect(files.filter { $0.hasPrefix("01-k/choices/f-") }.count == 2)
        let css = String(decoding: site.files["01-k/choices.css"] ?? Data(), as: UTF8.self)
        #expect(css.contains(".lesson:has(#Choice-3:checked) .on-Choice-3 { display: block; }"))
        #expect(site.pageWeights.map(\.choices) == [3])
    }
}
