import LessonRunner

/// What the commands print about a run, in the `file:line:col: error: …` form editors read.
enum Report {
    /// One entry per failing block (its diagnostics), and one per lesson for blocks not run.
    static func failures(of outcome: CourseRun.Outcome) {
        outcome.diagnostics.forEach { print($0) }
        guard let run = outcome.run else { return }
        for cell in run.cells {
            cell.diagnostics.forEach { print($0) }
        }
        let notRun = run.cells.compactMap { cell -> String? in
            if case .notRun(let reason) = cell.status { reason } else { nil }
        }
        if let reason = notRun.first {
            print("\(run.lesson.file): note: \(notRun.count) block\(notRun.count == 1 ? "" : "s") not run: \(reason)")
        }
        for choice in outcome.choices {
            let values = choice.overrides.map { "\($0.name) = \($0.value.encoded)" }.joined(separator: ", ")
            for cell in choice.cells {
                for var diagnostic in cell.diagnostics {
                    diagnostic.message = "with \(values) (a reader's choice): " + diagnostic.message
                    print(diagnostic)
                }
            }
        }
    }

    /// What each block printed, for runs whose outputs are shown rather than checked.
    static func outputs(of run: LessonRun) {
        for cell in run.cells where !cell.output.isEmpty {
            print("\(run.lesson.file):\(cell.cell.block.line): output:")
            print(cell.output, terminator: cell.output.hasSuffix("\n") ? "" : "\n")
        }
    }
}
