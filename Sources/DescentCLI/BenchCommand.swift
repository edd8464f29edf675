import ArgumentParser
import Benchmarks
import Foundation

/// `descent bench`: times the core library's workloads, best of several runs, beside the
/// same workloads written in NumPy (bench/numpy_peer.py) when python3 with NumPy is present.
/// Each of our runs is followed by one of NumPy's, so both see the same machine load.
/// Every workload's line (or JSON object) also names the BLAS, its kernel and its threads.
public struct BenchCommand: ParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time the core library's workloads against a NumPy peer.",
        discussion: "Workloads: " + Workload.all.map { "\($0.name) (\($0.summary))" }.joined(separator: "; "))

    @Flag(help: "Print one JSON object per line instead of a table.")
    var json = false

    @Flag(help: "Do not run the NumPy peer.")
    var noPeer = false

    @Option(help: "Number of timed runs per workload; the best counts.")
    var runs = 7

    @Option(help: "The NumPy peer script.")
    var peerScript = "bench/numpy_peer.py"

    @Argument(help: "Workloads to run (default: all).")
    var workloads: [String] = []

    public init() {}

    public func validate() throws {
        for name in workloads where Workload.named(name) == nil {
            throw ValidationError(
                "unknown workload '\(name)'; known: \(Workload.all.map(\.name).joined(separator: ", "))")
        }
        guard runs > 0 else { throw ValidationError("--runs must be at least 1") }
    }

    public func run() throws {
        let selected = workloads.isEmpty ? Workload.all : workloads.compactMap(Workload.named)
        let peer = noPeer ? nil : NumPyPeer(script: peerScript)
        let blas = BLASInUse.current
        if !json {
            if !noPeer && peer == nil { print("(NumPy peer unavailable: needs python3 with numpy and \(peerScript))") }
            print("BLAS: \(blas.library), kernel \(blas.kernel), \(blas.threads) thread\(blas.threads == 1 ? "" : "s")")
            print("workload".padding(toLength: 14, withPad: " ", startingAt: 0) + "    descent      numpy   speed-up")
        }
        for workload in selected {
            var numpy: Double?
            let m = workload.measure(runs: runs) {
                guard let peer else { return }
                // OpenBLAS's idle threads spin for about 0.1 s after a product; let them settle so
                // neither side is timed while the other's threads still hold a core.
                Thread.sleep(forTimeInterval: Self.settle)
                if let seconds = peer.time(workload.name) { numpy = min(numpy ?? .infinity, seconds) }
                Thread.sleep(forTimeInterval: Self.settle)
            }
            if json {
                var line = "{\"workload\": \"\(m.workload)\", \"seconds\": \(m.seconds)"
                if let numpy { line += ", \"numpy_seconds\": \(numpy), \"speedup\": \(numpy / m.seconds)" }
                line += ", \"blas\": \"\(blas.library)\", \"kernel\": \"\(blas.kernel)\", \"threads\": \(blas.threads)"
                print(line + "}")
            } else {
                let columns = [
                    String(format: "%.4f s", m.seconds), numpy.map { String(format: "%.4f s", $0) } ?? "-",
                    numpy.map { String(format: "%.2f×", $0 / m.seconds) } ?? "-",
                ]
                print(m.workload.padding(toLength: 14, withPad: " ", startingAt: 0) + columns.map(leftPadded).joined())
            }
        }
    }

    /// Seconds of pause between our run and NumPy's.
    private static let settle = 0.2

    private func leftPadded(_ text: String) -> String {
        String(repeating: " ", count: max(0, 11 - text.count)) + text
    }
}

/// The NumPy peer running as `python3 numpy_peer.py --serve`: each request names a
/// workload and gets back the seconds of one run.
private final class NumPyPeer {
    private let process = Process()
    private let requests = Pipe()
    private let answers = Pipe()
    private var buffer = Data()

    /// Starts the peer, or nil when the script, python3 or NumPy is missing.
    init?(script: String) {
        guard FileManager.default.fileExists(atPath: script) else { return nil }
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", script, "--serve"]
        process.standardInput = requests
        process.standardOutput = answers
        process.standardError = FileHandle.nullDevice
        guard (try? process.run()) != nil else { return nil }
    }

    deinit {
        try? requests.fileHandleForWriting.close()
        process.waitUntilExit()
    }

    /// One timed run of the named workload, or nil if the peer has failed.
    func time(_ workload: String) -> Double? {
        guard process.isRunning,
            (try? requests.fileHandleForWriting.write(contentsOf: Data((workload + "\n").utf8))) != nil,
            let line = readLine(),
            let object = try? JSONSerialization.jsonObject(with: line) as? [String: Any]
        else { return nil }
        return object["seconds"] as? Double
    }

    private func readLine() -> Data? {
        while true {
            if let newline = buffer.firstIndex(of: UInt8(ascii: "\n")) {
                let line = buffer[..<newline]
                buffer.removeSubrange(...newline)
                return Data(line)
            }
            let chunk = answers.fileHandleForReading.availableData
            if chunk.isEmpty { return nil }
            buffer.append(chunk)
        }
    }
}
