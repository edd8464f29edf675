import ArgumentParser
import Foundation
import LessonRunner
import Preview

/// `descent serve`: build the site, serve it on this machine, and rebuild it each time a
/// lesson is saved; open pages reload themselves.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Build the site, serve it on this machine, and rebuild it as lessons are saved.",
        discussion: """
            Serves the site at http://127.0.0.1:PORT/ and watches the lessons folder (every \
            0.1 s): a saved lesson is run again, the site rebuilt, and open pages reload \
            themselves; failing blocks are marked on their page and named on the terminal. The \
            site is built in a temporary folder, removed when serve stops, unless --out names \
            one (replaced whole, as by build). The reload script is added to the pages as they \
            are served, never to the files. Ctrl-C stops it.
            """
    )

    @OptionGroup var options: LessonOptions

    @Option(
        help: ArgumentHelp(
            "Folder the site is built in (replaced whole); a temporary one by default.", valueName: "dir"))
    var out: String?

    @OptionGroup var output: OutputOptions

    @Option(help: "Port to listen on; 0 picks a free one.")
    var port: UInt16 = 8000

    @Option(
        help: ArgumentHelp(
            "Address to listen on. Anything but 127.0.0.1 or ::1 shows the site to other machines.",
            valueName: "address"))
    var host = "127.0.0.1"

    func run() throws {
        Report.quiet = options.quiet
        _ = try options.lessonFiles([])  // a lessons folder that is not there is an error now, not later
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("descent-serve-\(getpid())")
        let temporary = out == nil ? scratch : nil
        let site = out ?? scratch.appendingPathComponent("site").path
        let generation = BuildGeneration()
        let (host, port) = (host, port)
        // Listening first: a --host that is no address, or a port in use, is told before any work.
        let server = try Self.waiting {
            try await PreviewServer.start(
                serving: URL(fileURLWithPath: site).standardizedFileURL, host: host, port: port, generation: generation)
        }
        let folder = try output.claim(site, protecting: [options.lessons])
        let building = NSLock()  // held while a build runs; taken for good when serve stops
        Self.stopOnSignals {
            _ = try? Self.waiting { await server.stop() }
            Self.endBuild(holding: building)
            if let temporary { try? FileManager.default.removeItem(at: temporary) }
            print("stopped serving \(server.url)")
        }
        print("serving \(folder.path) at \(server.url) (Ctrl-C stops)")
        fflush(nil)
        let course = ServedCourse(options: options, folder: folder)
        LivePreview(lessons: URL(fileURLWithPath: options.lessons), generation: generation) { changes in
            defer { fflush(nil) }
            return building.withLock { course.rebuild(changes) }
        }.run { false }
    }

    /// Ends the build that holds `building`, if one runs, by killing what it starts (each
    /// lesson's compiler and program, KaTeX) until it returns, within 10 s; then keeps the
    /// lock, so that no build starts or writes again.
    private static func endBuild(holding building: NSLock) {
        let end = DispatchTime.now() + 10
        while !building.try() && DispatchTime.now() < end {
            ChildGroups.killAll()
            Thread.sleep(forTimeInterval: 0.02)
        }
        ChildGroups.killAll()
    }

    /// On SIGINT or SIGTERM, calls `stop` once, then exits with status 0; the signals'
    /// default action (death) is turned off first.
    private static func stopOnSignals(_ stop: @escaping @Sendable () -> Void) {
        let once = DispatchQueue(label: "descent serve: stop")
        for number in [SIGINT, SIGTERM] {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: once)
            source.setEventHandler {
                stop()
                fflush(nil)
                Glibc.exit(0)
            }
            source.resume()
            signalSources.append(source)
        }
    }

    /// The signal sources, kept for as long as the process runs.
    nonisolated(unsafe) private static var signalSources: [any DispatchSourceSignal] = []

    /// The result of `work`, waited for on this thread.
    private static func waiting<T: Sendable>(_ work: @escaping @Sendable () async throws -> T) throws -> T {
        let done = DispatchSemaphore(value: 0)
        let result = ResultBox<T>()
        Task {
            do { result.value = .success(try await work()) } catch { result.value = .failure(error) }
            done.signal()
        }
        done.wait()
        return try result.value!.get()
    }
}

/// A result handed from a task to the thread that waits for it (the semaphore orders the two).
private final class ResultBox<T>: @unchecked Sendable {
    var value: Result<T, any Error>?
}
