// MARK: - Shuffles and mini-batches

public extension SeededGenerator {
    /// Shuffles `array` in place by Fisher–Yates: for i from n−1 down to 1, swap element i
    /// with a uniformly chosen element j ≤ i; every order is equally likely.
    mutating func shuffle<T>(_ array: inout [T]) {
        guard array.count > 1 else { return }
        for i in stride(from: array.count - 1, to: 0, by: -1) {
            array.swapAt(i, integer(below: i + 1))
        }
    }

    /// A random order of 0..<n.
    mutating func permutation(_ n: Int) -> [Int] {
        var order = Array(0..<n)
        shuffle(&order)
        return order
    }

    /// The indices 0..<count shuffled and cut into mini-batches of `batchSize`; the last
    /// batch holds the remainder when `batchSize` does not divide `count`.
    mutating func miniBatches(count: Int, batchSize: Int) -> [[Int]] {
        precondition(batchSize > 0, "a mini-batch needs at least one sample, not \(batchSize)")
        let order = permutation(count)
        return stride(from: 0, to: count, by: batchSize).map {
            Array(order[$0..<Swift.min($0 + batchSize, count)])
        }
    }
}
