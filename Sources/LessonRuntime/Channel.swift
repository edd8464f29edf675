import Foundation

/// The lesson program's end of the channel to the runner (see `ControlMessage`).
///
/// Outside `descent` (no `DESCENT_CHANNEL`, no `DESCENT_FIGURES`), messages and figures are
/// dropped, so a generated program still runs by hand and leaves no files behind.
enum Channel {
    static let nonce = ProcessInfo.processInfo.environment[ProgramContract.channelVariable]
    static let figureDirectory = ProcessInfo.processInfo.environment[ProgramContract.figuresVariable]

    /// Sends a message after everything printed before it.
    static func send(_ message: ControlMessage) {
        if case .failure(let line, let text) = message, GradingChecker.isOpen {
            return GradingChecker.fail(line: line, message: text)
        }
        guard let nonce else { return }
        fflush(nil)
        print(message.encoded(nonce: nonce), terminator: "")
        fflush(nil)
    }
}

// MARK: - Cells

/// Marks the start of runnable block `index`; called by the generated program.
public func _beginCell(_ index: Int) {
    ParameterReads.beginCell()
    ThrowSites.beginCell()
    Channel.send(.cell(index))
}

/// Flushes what the last block printed; called by the generated program at its end.
public func _endProgram() {
    fflush(nil)
}
