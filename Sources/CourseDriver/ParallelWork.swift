import Foundation

/// Runs `work` on every index of `0..<count` over `jobs` threads (fewer when there is less
/// work), and returns the results in index order, whatever order they finished in.
func parallelMap<Result: Sendable>(
    _ count: Int, jobs: Int, _ work: @escaping @Sendable (Int) -> Result
) -> [Result] {
    let slots = Slots<Result>(count: count)
    let finished = DispatchGroup()
    for _ in 0..<max(1, min(jobs, count)) {
        finished.enter()
        // A main thread's stack (8 MiB): parsing and output matching recurse.
        let thread = Thread {
            while let next = slots.take() { slots.store(work(next), at: next) }
            finished.leave()
        }
        thread.stackSize = 8 << 20
        thread.start()
    }
    finished.wait()
    return slots.values
}

/// The indices handed out to the threads of `parallelMap`, and their results.
private final class Slots<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var next = 0
    private var results: [Value?]

    init(count: Int) { results = Array(repeating: nil, count: count) }

    func take() -> Int? {
        lock.withLock {
            guard next < results.count else { return nil }
            next += 1
            return next - 1
        }
    }

    func store(_ value: Value, at index: Int) { lock.withLock { results[index] = value } }

    /// Every result; call once every index was stored.
    var values: [Value] { lock.withLock { results.map { $0! } } }
}
