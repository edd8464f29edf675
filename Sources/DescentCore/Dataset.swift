/// Inputs X (one sample per row) with their targets Y (one row per sample).
public struct Dataset: Sendable {
    /// The inputs, B×N.
    public var inputs: Matrix
    /// The targets, B×K: labels, values, or class indices.
    public var targets: Matrix

    public init(inputs: Matrix, targets: Matrix) {
        precondition(
            inputs.rows == targets.rows,
            "inputs \(inputs.shapeText) and targets \(targets.shapeText) must have one row per sample")
        self.inputs = inputs
        self.targets = targets
    }
}

// MARK: - Samples

public extension Dataset {
    /// The number of samples.
    var count: Int { inputs.rows }

    /// The samples at the given indices, in that order (a mini-batch).
    func samples(at indices: [Int]) -> Dataset {
        Dataset(inputs: inputs.rows(at: indices), targets: targets.rows(at: indices))
    }
}

// MARK: - The course's data sets

public extension Dataset {
    /// The linear set: `count` points x uniform in the unit square, labelled 0 below the
    /// diagonal (x₁ > x₂) and 1 on or above it (x₁ ≤ x₂), as the lab of seed 003 labels them.
    static func linear(count: Int = 100, seed: UInt64 = 1) -> Dataset {
        var generator = SeededGenerator(seed: seed)
        let inputs = Matrix.uniform(rows: count, columns: 2, in: 0...1, using: &generator)
        let labels = (0..<count).map { inputs[$0, 0] > inputs[$0, 1] ? 0.0 : 1.0 }
        return Dataset(inputs: inputs, targets: Matrix(column: labels))
    }

    /// XOR-easy, 21 points: for i = 0…10, (0.1i, 0.1i) labelled 0 and (0.1i, 1 − 0.1i)
    /// labelled 1, except that the centre (0.5, 0.5), where the two diagonals cross, is
    /// listed once, with label 0 (the lab's generator skips the second copy).
    static func xorEasy() -> Dataset {
        var points: [[Double]] = []
        var labels: [Double] = []
        for i in 0...10 {
            let t = 0.1 * Double(i)
            points.append([t, t])
            labels.append(0)
            if i == 5 { continue }
            points.append([t, 1 - t])
            labels.append(1)
        }
        return Dataset(inputs: Matrix(points), targets: Matrix(column: labels))
    }
}
