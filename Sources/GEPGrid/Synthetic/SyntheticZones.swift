import GEPCore

/// Townships, watersheds, sub-watersheds and the Xinfengjiang drainage zone of a synthetic
/// county, as Voronoi regions of random seats on noise-warped coordinates.
struct SyntheticZones {
    /// Township seats in normalised coordinates; the first is the county seat, near the centre.
    let townshipSeats: [(x: Float, y: Float)]
    let townships: [Float]
    let watersheds: [Float]
    let subwatersheds: [Float]
    let drainsToXinfengjiang: [Float]

    init(terrain: SyntheticTerrain, random: inout SplitMix64) {
        let count = terrain.rows * terrain.columns
        let inside = terrain.inside
        let seat = Self.sampleSeeds(1, in: terrain, random: &random, separation: 0) { index in
            let (x, y) = terrain.coordinates(index)
            return inside[index] == 1 && (x - 0.5) * (x - 0.5) + (y - 0.5) * (y - 0.5) < 0.04
        }
        let seats = Self.sampleSeeds(SyntheticLianping.townshipCount, in: terrain, random: &random, separation: 0.12,
                                     initial: seat.isEmpty ? [] : seat) { inside[$0] == 1 }
        townshipSeats = seats
        var watersheds = [Float](repeating: 0, count: count)
        for index in 0..<count where inside[index] == 1 {
            watersheds[index] = terrain.warpedX[index] < 0.5 ? 1 : 2
        }
        let watershedIDs = watersheds
        let outlets = (1...SyntheticLianping.watershedCount).map { watershed in
            Self.sampleSeeds(SyntheticLianping.subwatershedsPerWatershed, in: terrain, random: &random,
                             separation: 0.12) { watershedIDs[$0] == Float(watershed) }
        }
        let zones = SharedGrid<Float>.makeArrays(2, count: count) { grids in
            let (townships, subwatersheds) = (grids[0], grids[1])
            ParallelRows.forEach(rows: terrain.rows) { range in
                for index in (range.lowerBound * terrain.columns)..<(range.upperBound * terrain.columns) {
                    townships[index] = 0
                    subwatersheds[index] = 0
                    guard inside[index] == 1 else { continue }
                    let point = (x: terrain.warpedX[index], y: terrain.warpedY[index])
                    townships[index] = Float(Self.nearest(point, seats) + 1)
                    let watershed = Int(watershedIDs[index])
                    let nearestOutlet = Self.nearest(point, outlets[watershed - 1])
                    if nearestOutlet >= 0 {
                        subwatersheds[index] = Float((watershed - 1) * SyntheticLianping.subwatershedsPerWatershed + nearestOutlet + 1)
                    }
                }
            }
        }
        (townships, subwatersheds) = (zones[0], zones[1])
        self.watersheds = watersheds
        let histogram = ScoreHistogram(scores: terrain.warpedY) { inside[$0] == 1 }
        let northern = Int(((1 - SyntheticLianping.xinfengjiangShare) * Double(terrain.insideCount)).rounded())
        let cutoff = histogram.cutoff(forLowest: northern)
        var drains = [Float](repeating: 0, count: count)
        for index in 0..<count where inside[index] == 1 && histogram.bin(terrain.warpedY[index]) > cutoff {
            drains[index] = 1
        }
        drainsToXinfengjiang = drains
    }

    /// The index of the seed nearest to `point` (squared distance; first wins ties), −1 if none.
    private static func nearest(_ point: (x: Float, y: Float), _ seeds: [(x: Float, y: Float)]) -> Int {
        var best = -1, bestDistance = Float.infinity
        for (k, seed) in seeds.enumerated() {
            let dx = point.x - seed.x, dy = point.y - seed.y
            let distance = dx * dx + dy * dy
            if distance < bestDistance {
                best = k
                bestDistance = distance
            }
        }
        return best
    }

    /// Up to `count` seeds (cell centres) at cells that `accept`, at least `separation` apart
    /// (normalised units), sampled uniformly; the separation shrinks when space runs out and
    /// sampling stops after a fixed number of draws, so tiny grids get fewer seeds.
    static func sampleSeeds(_ count: Int, in terrain: SyntheticTerrain, random: inout SplitMix64, separation: Float,
                            initial: [(x: Float, y: Float)] = [], accept: (Int) -> Bool) -> [(x: Float, y: Float)] {
        let cells = terrain.rows * terrain.columns
        var seeds = initial
        var used: Set<Int> = []
        var separation = separation
        var draws = 0, failures = 0
        while seeds.count < count, draws < 200_000 {
            draws += 1
            let index = random.nextIndex(below: cells)
            let point = terrain.coordinates(index)
            let farEnough = seeds.allSatisfy { seed in
                let dx = point.x - seed.x, dy = point.y - seed.y
                return dx * dx + dy * dy >= separation * separation
            }
            if accept(index), farEnough, used.insert(index).inserted {
                seeds.append(point)
                failures = 0
            } else {
                failures += 1
                if failures == 2_000 {
                    separation *= 0.7
                    failures = 0
                }
            }
        }
        return seeds
    }
}
