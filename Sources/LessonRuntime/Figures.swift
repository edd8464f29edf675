import Foundation
import Plotting

/// Publishes a chart as figure `name` of the lesson, shown after the current block with
/// `caption`; the site writes it to `site/<lesson>/<name>.svg`.
///
/// `name` is letters, digits, `-` and `_`. The SVG is written atomically.
public func figure(_ name: String, caption: String, _ chart: some Chart, line: Int = #line) {
    guard isFigureName(name) else {
        Channel.send(.failure(line: line, message: "figure name '\(name)' must be letters, digits, '-' or '_'"))
        return
    }
    guard let directory = Channel.figureDirectory else { return }
    let url = URL(fileURLWithPath: directory).appendingPathComponent("\(name).svg")
    do {
        try Data(chart.svg().utf8).write(to: url, options: .atomic)
        Channel.send(.figure(name: name, caption: caption))
    } catch {
        Channel.send(.failure(line: line, message: "cannot write figure '\(name)': \(error.localizedDescription)"))
    }
}

/// Whether `name` can name a figure's file: ASCII letters, digits, `-` and `_`, not empty.
/// The runner checks it again, since a program could send any name down the channel.
package func isFigureName(_ name: String) -> Bool {
    !name.isEmpty && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_") }
}
