import DescentCore

/// A named computation whose running time is measured.
public struct Workload: Sendable {
    /// The name used on the command line, e.g. "xor-mlp".
    public let name: String
    /// One line saying what is computed.
    public let summary: String
    /// Work done once before timing (data that is not part of the measurement).
    let prepare: @Sendable () -> @Sendable () -> Double
}

// MARK: - The course's workloads

public extension Workload {
    /// Every workload, in the order they are reported.
    static let all: [Workload] = [xorMLP, initForward, matmul1000]

    /// The workload with the given name, if any.
    static func named(_ name: String) -> Workload? { all.first { $0.name == name } }

    /// A 2-10-10-1 sigmoid network on XOR-easy: 10 000 full-batch epochs of binary
    /// cross-entropy, summed batch gradients and SGD with γ = 0.1, as in seed 003.
    static let xorMLP = Workload(
        name: "xor-mlp", summary: "2-10-10-1 sigmoid MLP, XOR-easy, 10 000 full-batch epochs, BCE, γ = 0.1"
    ) {
        let data = Dataset.xorEasy()
        return {
            var generator = SeededGenerator(seed: 1)
            let network = Sequential([
                Linear(2, 10, weights: .uniform(0...1), using: &generator), Sigmoid(),
                Linear(10, 10, weights: .uniform(0...1), using: &generator), Sigmoid(),
                Linear(10, 1, weights: .uniform(0...1), using: &generator),
            ])
            let history = train(
                network, on: data, loss: BinaryCrossEntropy(), optimizer: SGD(learningRate: 0.1), epochs: 10_000,
                batchGradient: .sum)
            return history.loss.last!
        }
    }

    /// 1000×500 N(0, 1) inputs through 5 tanh layers of 500 units with N(0, 0.01²) weights,
    /// drawing the inputs and weights included (seed 004's experiment).
    static let initForward = Workload(
        name: "init-forward", summary: "1000×500 N(0,1) inputs through 5 tanh layers of 500, N(0, 0.01²) weights"
    ) {
        {
            var generator = SeededGenerator(seed: 2)
            var activation = Matrix.normal(rows: 1000, columns: 500, using: &generator)
            for _ in 0..<5 {
                let weights = Initializer.normal(standardDeviation: 0.01).matrix(
                    fanIn: 500, fanOut: 500, using: &generator)
                activation = Tanh().forward(activation * weights)
            }
            return activation.standardDeviation()
        }
    }

    /// The product of two 1000×1000 matrices (drawn before timing).
    static let matmul1000 = Workload(name: "matmul-1000", summary: "1000×1000 by 1000×1000 matrix product") {
        var generator = SeededGenerator(seed: 3)
        let a = Matrix.normal(rows: 1000, columns: 1000, using: &generator)
        let b = Matrix.normal(rows: 1000, columns: 1000, using: &generator)
        return { (a * b)[0, 0] }
    }
}

// MARK: - Measuring

/// The BLAS that large products run on in this process, as `descent bench` reports it.
public struct BLASInUse: Sendable {
    /// The library and its version, e.g. "OpenBLAS 0.3.21".
    public let library: String
    /// The kernel (OpenBLAS's core name), e.g. "Haswell".
    public let kernel: String
    /// How many threads a large product is split over.
    public let threads: Int

    /// The BLAS as it is now, its kernel already chosen.
    public static var current: BLASInUse {
        BLASInUse(library: BLAS.library, kernel: BLAS.kernel, threads: BLAS.threads)
    }
}

/// The best time of several runs of one workload.
public struct Measurement: Sendable {
    /// The workload's name.
    public let workload: String
    /// The shortest of the runs, in seconds.
    public let seconds: Double
    /// The workload's result, printed so the work cannot be skipped.
    public let result: Double
}

public extension Workload {
    /// Runs the workload `runs` times after one untimed warm-up and keeps the fastest.
    /// `afterEachRun` is called between runs, untimed (to interleave a peer's runs).
    func measure(runs: Int = 5, afterEachRun: () -> Void = {}) -> Measurement {
        let body = prepare()
        var result = body()
        var best = Double.infinity
        let clock = ContinuousClock()
        for _ in 0..<max(runs, 1) {
            let elapsed = clock.measure { result = body() }
            best = min(best, Double(elapsed.components.seconds) + Double(elapsed.components.attoseconds) * 1e-18)
            afterEachRun()
        }
        return Measurement(workload: name, seconds: best, result: result)
    }
}
