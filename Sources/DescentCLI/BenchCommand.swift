import ArgumentParser
import Benchmarks
import Foundation

/// `descent bench`: times the core library's workloads, best of several runs, beside the
/// same workloads written in NumPy (bench/numpy_peer.py) when python3 with NumPy is present.
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
  var runs = 5

  @Option(help: "The NumPy peer script.")
  var peerScript = "bench/numpy_peer.py"

  @Argument(help: "Workloads to run (default: all).")
  var workloads: [String] = []

  public init() {}

  public func validate() throws {
    for name in workloads where Workload.named(name) == nil {
      throw ValidationError("unknown workload '\(name)'; known: \(Workload.all.map(\.name).joined(separator: ", "))")
    }
    guard runs > 0 else { throw ValidationError("--runs must be at least 1") }
  }

  public func run() throws {
    let selected = workloads.isEmpty ? Workload.all : workloads.compactMap(Workload.named)
    if !json {
      print("workload".padding(toLength: 14, withPad: " ", startingAt: 0) + "    descent      numpy   speed-up")
    }
    // Each workload is timed right beside its NumPy peer, so both see the same machine load.
    var peerAvailable = !noPeer
    for workload in selected {
      let m = workload.measure(runs: runs)
      let numpy = peerAvailable ? numpyPeer([workload.name])[workload.name] : nil
      if peerAvailable && numpy == nil {
        peerAvailable = false
        if !json { print("(NumPy peer unavailable: needs python3 with numpy and \(peerScript))") }
      }
      if json {
        var line = "{\"workload\": \"\(m.workload)\", \"seconds\": \(m.seconds)"
        if let numpy { line += ", \"numpy_seconds\": \(numpy), \"speedup\": \(numpy / m.seconds)" }
        print(line + "}")
      } else {
        let columns = [format(m.seconds) + " s", numpy.map { format($0) + " s" } ?? "-", numpy.map { String(format: "%.2f×", $0 / m.seconds) } ?? "-"]
        print(m.workload.padding(toLength: 14, withPad: " ", startingAt: 0) + columns.map { $0.leftPadded(11) }.joined())
      }
    }
  }
}

// MARK: - Helpers

extension BenchCommand {
  /// Runs the NumPy peer for the given workloads; their best times by name, or none.
  func numpyPeer(_ names: [String]) -> [String: Double] {
    guard FileManager.default.fileExists(atPath: peerScript) else { return [:] }
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    process.arguments = ["python3", peerScript, "--runs", "\(runs)"] + names
    let output = Pipe()
    process.standardOutput = output
    process.standardError = FileHandle.nullDevice
    guard (try? process.run()) != nil else { return [:] }
    let data = output.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    guard process.terminationStatus == 0 else { return [:] }
    var times: [String: Double] = [:]
    for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
      guard let object = try? JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
        let name = object["workload"] as? String, let seconds = object["seconds"] as? Double
      else { continue }
      times[name] = seconds
    }
    return times
  }

  func format(_ seconds: Double) -> String { String(format: "%.4f", seconds) }
}

extension String {
  fileprivate func leftPadded(_ width: Int) -> String {
    String(repeating: " ", count: Swift.max(0, width - count)) + self
  }
}
