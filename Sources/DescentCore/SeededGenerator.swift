#if canImport(Glibc)
    import Glibc
#elseif canImport(Darwin)
    import Darwin
#endif

/// A seeded pseudo-random generator: the same seed gives the same numbers on every platform.
///
/// The state is four 64-bit words advanced by xoshiro256** (Blackman and Vigna, 2018):
/// output = rotl(s₁·5, 7)·9, then s is scrambled by shifts, xors and a rotation. The seed
/// fills the state through SplitMix64, so nearby seeds give unrelated streams.
///
///     var rng = SeededGenerator(seed: 42)
///     let u = rng.uniform(in: -1...1)
///     let z = rng.normal(mean: 0, standardDeviation: 0.01)
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var state: (UInt64, UInt64, UInt64, UInt64)
    /// The second normal deviate of the last polar-method pair, returned by the next call.
    private var spareNormal: Double?

    /// A generator whose stream is fixed by `seed`.
    public init(seed: UInt64) {
        var splitMix = seed
        state = (
            Self.splitMix64(&splitMix), Self.splitMix64(&splitMix), Self.splitMix64(&splitMix),
            Self.splitMix64(&splitMix)
        )
    }
}

// MARK: - Raw bits

public extension SeededGenerator {
    /// The next 64 random bits (xoshiro256**).
    mutating func next() -> UInt64 {
        let result = Self.rotateLeft(state.1 &* 5, 7) &* 9
        let t = state.1 << 17
        state.2 ^= state.0
        state.3 ^= state.1
        state.1 ^= state.2
        state.0 ^= state.3
        state.2 ^= t
        state.3 = Self.rotateLeft(state.3, 45)
        return result
    }
}

// MARK: - Uniform and normal numbers

public extension SeededGenerator {
    /// A uniform number in [0, 1): the top 53 bits of `next()` times 2⁻⁵³.
    mutating func unitUniform() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform number in [a, b): a + (b − a)·u with u uniform in [0, 1).
    mutating func uniform(in range: ClosedRange<Double>) -> Double {
        range.lowerBound + (range.upperBound - range.lowerBound) * unitUniform()
    }

    /// A uniform integer in 0..<n, by rejection so that every value is equally likely.
    mutating func integer(below n: Int) -> Int {
        precondition(n > 0, "cannot draw an integer below \(n)")
        let bound = UInt64(n)
        let limit = UInt64.max - UInt64.max % bound
        while true {
            let x = next()
            if x < limit { return Int(x % bound) }
        }
    }

    /// A normal number, mean μ + σ·z with z ~ N(0, 1) from Marsaglia's polar method:
    /// draw (u, v) uniform in the unit disc, s = u² + v², then u·√(−2 ln s / s) and
    /// v·√(−2 ln s / s) are two independent standard normal numbers.
    mutating func normal(mean: Double = 0, standardDeviation: Double = 1) -> Double {
        if let z = spareNormal {
            spareNormal = nil
            return mean + standardDeviation * z
        }
        let (z1, z2) = normalPair()
        spareNormal = z2
        return mean + standardDeviation * z1
    }

    /// Two independent N(0, 1) numbers from one accepted point of the polar method.
    mutating func normalPair() -> (Double, Double) {
        while true {
            let u = 2 * unitUniform() - 1
            let v = 2 * unitUniform() - 1
            let s = u * u + v * v
            if s > 0 && s < 1 {
                let scale = (-2 * log(s) / s).squareRoot()
                return (u * scale, v * scale)
            }
        }
    }
}

// MARK: - Filling a buffer, for large matrices

extension SeededGenerator {
    /// Fills `z` with N(μ, σ²) numbers: the same stream as calling `normal` for each entry,
    /// taking whole pairs from the polar method.
    mutating func fillNormal(_ z: UnsafeMutableBufferPointer<Double>, mean: Double, standardDeviation: Double) {
        var k = 0
        if let spare = spareNormal, k < z.count {
            spareNormal = nil
            z[k] = mean + standardDeviation * spare
            k += 1
        }
        while k + 1 < z.count {
            let (z1, z2) = normalPair()
            z[k] = mean + standardDeviation * z1
            z[k + 1] = mean + standardDeviation * z2
            k += 2
        }
        if k < z.count { z[k] = normal(mean: mean, standardDeviation: standardDeviation) }
    }
}

// MARK: - Helpers

private extension SeededGenerator {
    static func splitMix64(_ x: inout UInt64) -> UInt64 {
        x &+= 0x9E37_79B9_7F4A_7C15
        var z = x
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    static func rotateLeft(_ x: UInt64, _ k: UInt64) -> UInt64 {
        (x << k) | (x >> (64 - k))
    }
}
