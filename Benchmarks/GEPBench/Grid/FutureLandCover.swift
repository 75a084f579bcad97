/// A future land cover for the carbon cases, derived deterministically from the current
/// one (the synthetic grid has a single land cover): per cell, by a hash of its index,
/// 25 % of paddy and dry farmland (7) becomes built-up land (10), 30 % of grassland (6)
/// becomes mixed forest (3) and 10 % of shrub (5) becomes bamboo (4). Nodata stays nodata.
enum FutureLandCover {
    static func derive(from current: [Float]) -> [Float] {
        var future = current
        for index in future.indices {
            let draw = unitFraction(cellHash(UInt64(index) ^ 0x5EED_F0E5))
            switch future[index] {
            case 7 where draw < 0.25: future[index] = 10
            case 6 where draw < 0.30: future[index] = 3
            case 5 where draw < 0.10: future[index] = 4
            default: break
            }
        }
        return future
    }
}
