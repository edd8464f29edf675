import Foundation
import LessonParser
import LessonRuntime

/// What a compiled lesson program did, kept in the content cache per program and set of
/// hyperparameter values, so that an unchanged lesson is not run again. Only runs that
/// ended well are kept: a block stopped by a time limit may pass on a quieter machine.
struct RunRecords {
    let cache: ContentCache
    /// The program's key in the cache (the hash of its source and toolchain).
    let program: String

    private struct Record: Codable {
        var output: String
        var errorOutput: String
        var figures: [Figure]
        var status: CellRun.Status
        var reads: Set<String>
    }

    func load(_ values: [String: String], cells: [Cell]) -> [CellRun]? {
        guard let data = cache.data(Self.kind, key(for: values)),
            let records = try? JSONDecoder().decode([Record].self, from: data),
            records.count == cells.count
        else { return nil }
        return zip(cells, records).map { cell, record in
            CellRun(
                cell: cell, output: record.output, errorOutput: record.errorOutput, figures: record.figures,
                status: record.status, reads: record.reads)
        }
    }

    func save(_ results: [CellRun], for values: [String: String]) {
        let records = results.map {
            Record(
                output: $0.output, errorOutput: $0.errorOutput, figures: $0.figures,
                status: $0.status, reads: $0.reads)
        }
        guard let data = try? JSONEncoder().encode(records) else { return }
        _ = try? cache.store(data, Self.kind, key(for: values))
    }

    /// The cache's kind of entry for runs.
    static let kind = "runs"

    /// A run is kept per program, per hyperparameter values and per the settings, inherited
    /// by lesson programs, that choose the code their libraries run: `OPENBLAS_*` (the
    /// kernel and threads of large products) and `GLIBC_TUNABLES` (which CPU features exp
    /// and log use).
    private func key(for values: [String: String]) -> String {
        let settings = ProcessInfo.processInfo.environment.filter {
            $0.key.hasPrefix("OPENBLAS_") || $0.key == "GLIBC_TUNABLES"
        }
        let lines =
            values.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            + settings.sorted { $0.key < $1.key }.map { "$\($0.key)=\($0.value)" }
        return ContentCache.key([program] + lines)
    }
}
