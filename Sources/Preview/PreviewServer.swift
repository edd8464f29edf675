import FlyingFox
import FlyingSocks
import Foundation

/// The preview's HTTP server (FlyingFox): serves the files of one folder, as `ServedFile`
/// allows, with the reload script added to each HTML page, and answers the script's
/// `GET /__descent/wait?v=N` when the build served is no longer N (see `ReloadScript`).
///
/// Each file is read whole when it is asked for, so a page comes from one build or the
/// next, never from both: the folder is replaced in one step by the build.
public final class PreviewServer: Sendable {
    /// The address pages are served at, like `http://127.0.0.1:8000/`.
    public let url: String
    private let server: HTTPServer
    private let generation: BuildGeneration

    /// How long the server holds a page's wait before answering "no newer build" (the page
    /// then asks again); below FlyingFox's 15 s limit on a request.
    static let longestWait: Duration = .seconds(10)

    /// Starts serving `root` on `host` (an IPv4 or IPv6 address, or `localhost`) and `port`
    /// (0: one the system picks), and returns once it listens.
    public static func start(serving root: URL, host: String, port: UInt16, generation: BuildGeneration)
        async throws -> PreviewServer
    {
        let server = HTTPServer(config: .init(address: try address(host, port), logger: .disabled))
        await server.appendRoute(HTTPRoute("GET \(ReloadScript.waitPath)")) { request in
            await waitResponse(for: request, generation)
        }
        await server.appendRoute("GET *") { request in response(for: request.path, in: root, generation) }
        let failure = ServerFailure()
        Task {
            do { try await server.run() } catch { failure.record(error) }
        }
        // Listening, or the error that kept the server from it (an address in use).
        let deadline = ContinuousClock.now + .seconds(10)
        while await !server.isListening {
            if let error = failure.error {
                let reason = if case .failed(_, _, let message) = error as? SocketError { message } else { "\(error)" }
                throw PreviewError("cannot listen at \(host) port \(port): \(reason)")
            }
            guard ContinuousClock.now < deadline else { throw PreviewError("the server did not listen within 10 s") }
            try await Task.sleep(for: .milliseconds(5))
        }
        guard let address = await server.listeningAddress else {
            throw PreviewError("the server listens at no address")
        }
        return PreviewServer(url: Self.url(of: address), server: server, generation: generation)
    }

    private init(url: String, server: HTTPServer, generation: BuildGeneration) {
        self.url = url
        self.server = server
        self.generation = generation
    }

    /// Answers every waiting page, closes the listening socket and the connections.
    public func stop() async {
        generation.releaseAll()
        await server.stop(timeout: 0)
    }

    /// The build served, once it is not the one the page's query names (`v=N`), or after
    /// `longestWait`.
    static func waitResponse(for request: HTTPRequest, _ generation: BuildGeneration) async -> HTTPResponse {
        let seen = request.query.first { $0.name == "v" }.flatMap { Int($0.value) } ?? -1
        let version = await generation.wait(after: seen, timeout: longestWait)
        return HTTPResponse(
            statusCode: .ok, headers: [.contentType: "text/plain", .cacheControl: "no-store"],
            body: Data("\(version)".utf8))
    }

    /// The file `path` names in `root`; an HTML page, and the page saying there is no such
    /// file, get the reload script of the build served. The build's number is read before
    /// the page: a build that ends in between makes the page reload once more, never miss a
    /// build.
    static func response(for path: String, in root: URL, _ generation: BuildGeneration) -> HTTPResponse {
        let (version, problem) = generation.state
        guard let file = ServedFile.resolve(path, in: root), let data = try? Data(contentsOf: file) else {
            // A page that reloads itself: it may be there after the next build (the first one).
            let page = ReloadScript.inject(
                into:
                    "<!DOCTYPE html>\n<title>Not found</title>\n<p>descent serve: no file at this address (yet).</p>\n",
                version: version, problem: problem)
            return HTTPResponse(
                statusCode: .notFound, headers: [.contentType: "text/html; charset=utf-8", .cacheControl: "no-store"],
                body: Data(page.utf8))
        }
        let type = ServedFile.contentType(of: file)
        let body =
            file.pathExtension == "html"
            ? Data(
                ReloadScript.inject(into: String(decoding: data, as: UTF8.self), version: version, problem: problem)
                    .utf8)
            : data
        return HTTPResponse(statusCode: .ok, headers: [.contentType: type, .cacheControl: "no-store"], body: body)
    }

    /// The socket address of `host` and `port`.
    static func address(_ host: String, _ port: UInt16) throws -> any SocketAddress {
        let host = host == "localhost" ? "127.0.0.1" : host
        do {
            return host.contains(":")
                ? try sockaddr_in6.inet6(ip6: host, port: port) : try sockaddr_in.inet(ip4: host, port: port)
        } catch {
            throw PreviewError("--host \(host): not an IPv4 or IPv6 address (like 127.0.0.1 or ::1)")
        }
    }

    static func url(of address: Socket.Address) -> String {
        switch address {
        case .ip4(let host, let port): "http://\(host):\(port)/"
        case .ip6(let host, let port): "http://[\(host)]:\(port)/"
        case .unix(let path): "unix:\(path)"
        }
    }
}

/// The error that ended the server's run, if one did.
private final class ServerFailure: @unchecked Sendable {
    private let lock = NSLock()
    private var recorded: (any Error)?

    var error: (any Error)? { lock.withLock { recorded } }

    func record(_ error: any Error) { lock.withLock { recorded = error } }
}

/// A problem of the preview (an address that does not parse, a server that cannot listen).
public struct PreviewError: Error, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}
