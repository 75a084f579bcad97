/// A small, fast, seedable 64-bit pseudo-random generator.
///
/// Algorithm: SplitMix64 (G. Steele, D. Lea, C. Flood, "Fast splittable
/// pseudorandom number generators", OOPSLA 2014; constants as in
/// S. Vigna's public-domain reference description):
/// `state += 0x9E3779B97F4A7C15; z = state;`
/// `z = (z ^ (z >> 30)) · 0xBF58476D1CE4E5B9; z = (z ^ (z >> 27)) · 0x94D049BB133111EB;`
/// `return z ^ (z >> 31)`.
/// The sequence depends only on the seed and is the same on every platform, so synthetic grids,
/// sensitivity designs and test data are reproducible from their seeds.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    /// The internal 64-bit counter state.
    public private(set) var state: UInt64

    /// Creates a generator whose output is fully determined by `seed`.
    public init(seed: UInt64) { state = seed }

    /// Returns the next 64 pseudo-random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform double strictly inside (0, 1): `u = (⌊x / 2¹¹⌋ + ½) · 2⁻⁵³`.
    public mutating func nextOpenUnit() -> Double {
        (Double(next() >> 11) + 0.5) * 0x1p-53
    }

    /// A uniform integer in `0..<bound` (Lemire's multiply-shift with rejection).
    public mutating func nextIndex(below bound: Int) -> Int {
        precondition(bound > 0, "bound must be positive")
        let b = UInt64(bound)
        while true {
            let r = next().multipliedFullWidth(by: b)
            if r.low >= (0 &- b) % b { return Int(r.high) }
        }
    }

    /// Derives an independent stream seed for sub-task `index` of a run seeded with `seed`
    /// (one SplitMix64 step of `seed ⊕ index·φ`), so parallel work is thread-count independent.
    public static func derivedSeed(_ seed: UInt64, _ index: Int) -> UInt64 {
        var g = SplitMix64(seed: seed ^ (UInt64(truncatingIfNeeded: index) &* 0xD1B5_4A32_D192_ED03))
        return g.next()
    }
}
