import Foundation

/// The number of the build being served, counted from 1, and whether the last build failed
/// to write the site; pages wait on it to learn that a newer build is served.
public final class BuildGeneration: @unchecked Sendable {
    private let lock = NSLock()
    private var current = 0
    private var lastProblem: String?
    private var waiters: [UUID: CheckedContinuation<Int, Never>] = [:]

    public init() {}

    /// The build being served, and why the last build could not replace it (nil when it did).
    public var state: (version: Int, problem: String?) {
        lock.withLock { (current, lastProblem) }
    }

    /// Records that a build ended: its site is served now, or, with a `problem`, the previous
    /// one still is. Either way a new number wakes the pages, which reload to show it.
    public func advance(problem: String?) {
        let woken = lock.withLock {
            current += 1
            lastProblem = problem
            defer { waiters = [:] }
            return (waiters.values, current)
        }
        woken.0.forEach { $0.resume(returning: woken.1) }
    }

    /// The number of the build being served, as soon as it differs from `seen`, or after
    /// `timeout` even if it does not.
    public func wait(after seen: Int, timeout: Duration) async -> Int {
        let id = UUID()
        return await withCheckedContinuation { continuation in
            let ready: Int? = lock.withLock {
                guard current == seen else { return current }
                waiters[id] = continuation
                return nil
            }
            guard let ready else {
                // Registered first, so the timer always finds the waiter it is meant to end.
                Task {
                    try? await Task.sleep(for: timeout)
                    self.resume(id)
                }
                return
            }
            continuation.resume(returning: ready)
        }
    }

    /// Wakes every waiting page with the current number: the server is stopping.
    public func releaseAll() {
        let woken = lock.withLock {
            defer { waiters = [:] }
            return (waiters.values, current)
        }
        woken.0.forEach { $0.resume(returning: woken.1) }
    }

    private func resume(_ id: UUID) {
        let found = lock.withLock { (waiters.removeValue(forKey: id), current) }
        found.0?.resume(returning: found.1)
    }
}
