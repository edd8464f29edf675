import Foundation
import Testing

/// `descent serve` on a copy of a one-lesson course: the page is served with the reload
/// script (the files on disk have none: they are build's), a saved edit is served, a failing block is shown on
/// the page and at its line on the terminal, no request reaches outside the site, and
/// SIGINT or SIGTERM stop it with status 0.
@Suite(.serialized) struct ServeTests {
    /// Generous: the machine may be busy, and the first build compiles the lesson.
    static let deadline: TimeInterval = 240

    /// Starts `descent serve --port 0` in a copy of the serve-course fixture; returns it, the
    /// copy and the port it printed.
    static func serve(_ extra: [String] = []) throws -> (DescentBinary.Running, URL, UInt16) {
        let folder = try DescentBinary.copyOfFixture("serve-course")
        let serve = try DescentBinary.start(["serve", "--port", "0", "--lessons", "lessons"] + extra, in: folder)
        let printed = try waitFor("the address") { () -> UInt16? in
            let stdout = try String(contentsOf: serve.folder.appendingPathComponent("stdout"), encoding: .utf8)
            guard let range = stdout.range(of: #"at http://127\.0\.0\.1:[0-9]+/"#, options: .regularExpression)
            else {
                #expect(serve.process.isRunning, "\(stdout)")
                return serve.process.isRunning ? nil : 0
            }
            return UInt16(stdout[range].dropFirst("at http://127.0.0.1:".count).dropLast())
        }
        return (serve, folder, printed)
    }

    /// Asks `value` every 50 ms until it gives one, for at most `deadline` seconds.
    static func waitFor<T>(_ what: String, _ value: () throws -> T?) throws -> T {
        let end = Date().addingTimeInterval(deadline)
        while Date() < end {
            if let value = try value() { return value }
            Thread.sleep(forTimeInterval: 0.05)
        }
        throw ServeTestError("no \(what) after \(Int(deadline)) s")
    }

    /// Waits for the process to end, killing it after `seconds`.
    static func ended(_ serve: DescentBinary.Running, within seconds: TimeInterval) throws -> DescentBinary.Result {
        let end = Date().addingTimeInterval(seconds)
        while serve.process.isRunning && Date() < end { Thread.sleep(forTimeInterval: 0.05) }
        if serve.process.isRunning { kill(serve.process.processIdentifier, SIGKILL) }
        return try serve.finish()
    }

    @Test func servesThePageReloadsOnSaveShowsFailuresAndStopsOnSIGINT() throws {
        let (serve, folder, port) = try Self.serve(["--out", "site"])
        defer { if serve.process.isRunning { kill(serve.process.processIdentifier, SIGKILL) } }
        let lesson = folder.appendingPathComponent("lessons/01-serve.md")

        let first = try Self.waitFor("page") {
            LoopbackHTTP.get("/01-serve.html", port: port).flatMap { $0.status == 200 ? $0 : nil }
        }
        #expect(first.body.contains("The first sentence."))
        #expect(first.body.contains(#"<script>/* descent serve: reloads the page"#))
        #expect(first.body.contains(#"fetch("/__descent/wait?v="+v"#))
        let onDisk = try String(contentsOf: folder.appendingPathComponent("site/01-serve.html"), encoding: .utf8)
        #expect(onDisk.contains("The first sentence."))
        #expect(!onDisk.contains("<script"))

        for target in [
            "/../../../../etc/passwd", "/%2e%2e/%2e%2e/%2e%2e/etc/passwd", "/%2E%2E%2F%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
            "/..%2f..%2f..%2flessons/01-serve.md", "/.descent-output",
        ] {
            let response = LoopbackHTTP.get(target, port: port)
            #expect(response?.status == 404, "\(target): \(String(describing: response))")
            #expect(response?.body.contains("root:") == false)
        }

        try String(contentsOf: lesson, encoding: .utf8).replacingOccurrences(
            of: "The first sentence.", with: "An edited sentence."
        ).write(to: lesson, atomically: true, encoding: .utf8)
        _ = try Self.waitFor("edited page") {
            LoopbackHTTP.get("/01-serve.html", port: port).flatMap {
                $0.body.contains("An edited sentence.") ? $0 : nil
            }
        }

        try String(contentsOf: lesson, encoding: .utf8).replacingOccurrences(
            of: "```output\n4\n", with: "```output\n5\n"
        )
        .write(to: lesson, atomically: true, encoding: .utf8)
        let failing = try Self.waitFor("failing page") {
            LoopbackHTTP.get("/01-serve.html", port: port).flatMap { $0.body.contains("block fails") ? $0 : nil }
        }
        #expect(failing.body.contains(#"<div class="cell spec failed" id="L6">"#))

        kill(serve.process.processIdentifier, SIGINT)
        let result = try Self.ended(serve, within: 30)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("lessons/01-serve.md:11:1: error: output differs from the expected output"))
        #expect(result.stdout.hasSuffix("stopped serving http://127.0.0.1:\(port)/\n"), "\(result.stdout)")
        #expect(LoopbackHTTP.get("/01-serve.html", port: port) == nil, "the port is still open")
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder.path).sorted() == ["lessons", "site"])

        // What serve left on disk is what build writes from the same lessons, byte for byte.
        _ = try DescentBinary.run(["build", "--lessons", "lessons", "--out", "built"], in: folder)
        let served = try DescentBinary.files(in: folder.appendingPathComponent("site"))
        #expect(served == (try DescentBinary.files(in: folder.appendingPathComponent("built"))))
        #expect(served.keys.contains("01-serve.html"))
    }

    @Test func aBuildThatCannotWriteTheSiteLeavesThePreviousOneServedWithABanner() throws {
        let (serve, folder, port) = try Self.serve(["--out", "site"])
        defer {
            kill(serve.process.processIdentifier, SIGTERM)
            _ = try? Self.ended(serve, within: 30)
        }
        let lesson = folder.appendingPathComponent("lessons/01-serve.md")
        _ = try Self.waitFor("page") {
            LoopbackHTTP.get("/01-serve.html", port: port).flatMap { $0.status == 200 ? $0 : nil }
        }
        // Files that are not descent's where the next site is staged: the build refuses to remove them.
        let staging = folder.appendingPathComponent(".site.building")
        try FileManager.default.createDirectory(at: staging, withIntermediateDirectories: true)
        try Data("mine".utf8).write(to: staging.appendingPathComponent("notes.txt"))
        try String(contentsOf: lesson, encoding: .utf8).replacingOccurrences(
            of: "The first sentence.", with: "An edited sentence."
        ).write(to: lesson, atomically: true, encoding: .utf8)
        let kept = try Self.waitFor("banner") {
            LoopbackHTTP.get("/01-serve.html", port: port).flatMap {
                $0.body.contains("descent-serve-problem") ? $0 : nil
            }
        }
        #expect(kept.body.contains("The first sentence."))
        #expect(
            kept.body.contains(
                "descent serve: the last build failed, this is the build before it.\ndescent will not remove"))

        try FileManager.default.removeItem(at: staging)
        try String(contentsOf: lesson, encoding: .utf8).appending("\nA last sentence.\n")
            .write(to: lesson, atomically: true, encoding: .utf8)
        // The new site may be on disk a moment before the build is counted as done, so a page
        // may come once with the old banner (and the old build's number: it reloads at once).
        let mended = try Self.waitFor("mended page") {
            LoopbackHTTP.get("/01-serve.html", port: port).flatMap {
                $0.body.contains("A last sentence.") && !$0.body.contains("descent-serve-problem") ? $0 : nil
            }
        }
        #expect(mended.body.contains("An edited sentence."))
        let stdout = try String(contentsOf: serve.folder.appendingPathComponent("stdout"), encoding: .utf8)
        #expect(stdout.contains("error: descent will not remove"), "\(stdout)")
        #expect(stdout.contains("(the previous build is still served)"), "\(stdout)")
    }

    @Test func sigtermDuringTheFirstBuildStopsItAndRemovesItsTemporaryFolder() throws {
        let (serve, _, _) = try Self.serve()
        let stdout = try String(contentsOf: serve.folder.appendingPathComponent("stdout"), encoding: .utf8)
        let site = try #require(stdout.firstMatch(of: #/serving (\S+) at/#)).1
        kill(serve.process.processIdentifier, SIGTERM)
        let result = try Self.ended(serve, within: 30)
        #expect(result.status == 0, "\(result.stdout)\(result.stderr)")
        #expect(
            !FileManager.default.fileExists(atPath: URL(fileURLWithPath: String(site)).deletingLastPathComponent().path)
        )
    }

    @Test func aPortInUseIsRefusedBeforeAnyBuild() throws {
        let (serve, folder, port) = try Self.serve()
        defer {
            kill(serve.process.processIdentifier, SIGTERM)
            _ = try? Self.ended(serve, within: 30)
        }
        let second = try DescentBinary.run(["serve", "--port", "\(port)", "--lessons", "lessons"], in: folder)
        #expect(second.status != 0)
        #expect(
            second.stderr.contains("Error: cannot listen at 127.0.0.1 port \(port): Address already in use"),
            "\(second.stderr)")
        #expect(second.stdout.isEmpty)
    }

    @Test func anAddressThatIsNotOneIsRefusedBeforeAnyBuild() throws {
        let folder = try DescentBinary.copyOfFixture("serve-course")
        let result = try DescentBinary.run(["serve", "--host", "example.org", "--lessons", "lessons"], in: folder)
        #expect(result.status != 0)
        #expect(
            result.stderr.contains("--host example.org: not an IPv4 or IPv6 address (like 127.0.0.1 or ::1)"),
            "\(result.stderr)")
    }
}

struct ServeTestError: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
