import GEPCore

extension SplitMix64 {
    /// A uniform `Float` in [0, 1) from the top 24 bits, for synthetic surfaces.
    mutating func nextUnit() -> Float {
        Float(next() >> 40) * (1 / 16_777_216)
    }
}
