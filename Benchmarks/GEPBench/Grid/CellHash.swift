/// A deterministic 64-bit mix of an integer (the SplitMix64 finaliser), for values derived
/// from a cell's index without storage.
@inline(__always)
func cellHash(_ value: UInt64) -> UInt64 {
    var x = value &+ 0x9E37_79B9_7F4A_7C15
    x = (x ^ (x >> 30)) &* 0xBF58_476D_1CE4_E5B9
    x = (x ^ (x >> 27)) &* 0x94D0_49BB_1331_11EB
    return x ^ (x >> 31)
}

/// A uniform value in 0..<1 from a hash's top 24 bits.
@inline(__always)
func unitFraction(_ hash: UInt64) -> Float {
    Float(hash >> 40) * (1 / 16_777_216)
}
