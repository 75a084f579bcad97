/// Allocates land cover to the county's cells in Lianping's shares, class by class on score
/// fields, so that each class forms coherent patches where it belongs.
enum SyntheticLandCover {
    /// Lucodes of the natural classes in order of rising patch score: bamboo, evergreen
    /// broadleaf, mixed, coniferous, shrub, grassland.
    private static let naturalOrder = [4, 1, 3, 2, 5, 6]

    /// Land-cover codes (1…10; −1 outside the county).
    static func allocate(terrain: SyntheticTerrain, seats: [(x: Float, y: Float)]) -> [Float] {
        let count = terrain.rows * terrain.columns
        let inside = terrain.inside
        var codes = [UInt8](repeating: 0, count: count)
        let shares = SyntheticLianping.landCoverShares
        func target(_ code: Int) -> Int { Int((shares[code]! * Double(terrain.insideCount)).rounded()) }
        func assignLowest(_ code: Int, _ scores: [Float]) {
            let histogram = ScoreHistogram(scores: scores) { inside[$0] == 1 && codes[$0] == 0 }
            let cutoff = histogram.cutoff(forLowest: target(code))
            for index in 0..<count where inside[index] == 1 && codes[index] == 0 && histogram.bin(scores[index]) <= cutoff {
                codes[index] = UInt8(code)
            }
        }
        assignLowest(9, terrain.waterScore)
        assignLowest(10, builtScore(terrain: terrain, seats: seats))
        assignLowest(7, terrain.farmScore)
        assignLowest(8, terrain.orchardScore)

        let remaining = codes.indices.reduce(0) { $0 + (inside[$1] == 1 && codes[$1] == 0 ? 1 : 0) }
        let naturalTotal = naturalOrder.reduce(0) { $0 + shares[$1]! }
        let histogram = ScoreHistogram(scores: terrain.patchScore) { inside[$0] == 1 && codes[$0] == 0 }
        var running = 0.0
        let cutoffs = naturalOrder.map { code in
            running += shares[code]!
            return code == naturalOrder.last ? ScoreHistogram.binCount : histogram.cutoff(forLowest: Int((running / naturalTotal * Double(remaining)).rounded()))
        }
        for index in 0..<count where inside[index] == 1 && codes[index] == 0 {
            let bin = histogram.bin(terrain.patchScore[index])
            codes[index] = UInt8(naturalOrder[cutoffs.firstIndex { bin <= $0 }!])
        }
        return codes.indices.map { inside[$0] == 1 ? Float(codes[$0]) : -1 }
    }

    /// Low near township seats (the county seat counts 2.5 × nearer), in valleys, with noise.
    private static func builtScore(terrain: SyntheticTerrain, seats: [(x: Float, y: Float)]) -> [Float] {
        SharedGrid<Float>.makeArrays(1, count: terrain.rows * terrain.columns) { grids in
            let scores = grids[0]
            ParallelRows.forEach(rows: terrain.rows) { range in
                for index in (range.lowerBound * terrain.columns)..<(range.upperBound * terrain.columns) {
                    let (x, y) = terrain.coordinates(index)
                    var nearest = Float.infinity
                    for (k, seat) in seats.enumerated() {
                        let dx = x - seat.x, dy = y - seat.y
                        let weight: Float = k == 0 ? 1 : 2.5
                        nearest = min(nearest, (dx * dx + dy * dy) * (weight * weight))
                    }
                    scores[index] = nearest.squareRoot() + 0.1 * terrain.builtNoise[index] + 0.3 * terrain.relief[index]
                }
            }
        }[0]
    }
}
