/// SplitMix64 (Steele, Lea and Flood 2014): a small, fast, seedable generator whose output
/// is identical on every platform. Used instead of `SystemRandomNumberGenerator` so that
/// synthetic grids are reproducible from their seed.
struct SplitMix64 {
    private var state: UInt64

    /// A generator for `seed`.
    init(seed: UInt64) {
        state = seed
    }

    /// The next 64 random bits.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform `Float` in [0, 1) from the top 24 bits.
    mutating func nextUnit() -> Float {
        Float(next() >> 40) * (1 / 16_777_216)
    }

    /// An integer in 0..<bound (bound > 0): the high word of bound × 64 random bits
    /// (Lemire's method without rejection; the bias, below bound/2⁶⁴, is immaterial here).
    mutating func nextIndex(below bound: Int) -> Int {
        Int(UInt64(bound).multipliedFullWidth(by: next()).high)
    }
}
