import GEPCore

/// Forest growing-stock density at the start and at the end of the accounting year, m³/ha, for
/// the IPCC stock-change method per cell: ΔV = (V_end − V_start) · cell area / 10⁴ m³.
///
/// On forest (lucodes 1–4) the start density follows a spatially coherent score: relief, slope
/// and distance from the nearest township seat (denser stands on higher, steeper, more remote
/// ground) plus value noise. Within each class the score is standardised, two standard
/// deviations spanning `densitySpread` (±30 %, limited there), and the factor is rescaled so that
/// the class's mean density is its `meanStartDensity`. The end density is the start density
/// times 1 + g, with g from a noise field of its own, standardised the same way within each
/// class: `meanGrowth` (4.5 %) ± `growthSpread` (1.5 percentage points), so the end density is
/// never below the start. Non-forest cells (lucodes 5–10) hold 0; cells outside the county hold
/// −9999. Both layers are rounded to 0.1 m³/ha (`roundedValue`); the class sums are taken in
/// row-major order in `Double`, so the result does not depend on the number of threads.
///
/// All randomness comes from a stream of its own (`streamKey` mixed with the seed), so adding
/// these layers leaves every other layer bit-identical for every seed and size. The constants
/// here are parameters of the synthetic generator, not accounting coefficients.
enum SyntheticForestStock {
    /// Mean start density per forest lucode, m³/ha. Lucodes 1–3 are the sample county input's
    /// (`samples/lianping/lianping-2023.json`) `forest_stock.<type>.standing_volume` divided by
    /// `ecosystems.<type>.area`: evergreen broadleaf 3,700,000 m³ / 52,000 ha ≈ 71.2, coniferous
    /// 3,900,000 / 62,000 ≈ 62.9, mixed 3,389,900 / 45,000 ≈ 75.3. The county input gives no
    /// standing volume for bamboo (its 10,989,900 m³ of standing timber is split among the three
    /// tree types only), so bamboo's 45 m³/ha is a synthetic choice: a culm-wood equivalent of a
    /// south-China bamboo stand, about 3,000 culms/ha of some 0.015 m³ each.
    static let meanStartDensity: [Int: Double] = [
        1: 3_700_000.0 / 52_000.0, 2: 3_900_000.0 / 62_000.0, 3: 3_389_900.0 / 45_000.0, 4: 45,
    ]
    /// Mean annual growth ratio g = V_end / V_start − 1: the sample county input's
    /// `annual_increment / standing_volume`, 4.5 % for each of the three tree types.
    static let meanGrowth: Float = 0.045
    /// Relative departure of a cell's start density from its class mean at two standard
    /// deviations of the class's score, and the most it departs (before the class is rescaled to
    /// its mean, which moves it by well under a percentage point): ±30 %.
    static let densitySpread: Float = 0.3
    /// Departure of a cell's growth ratio from `meanGrowth` at two standard deviations of the
    /// class's growth noise, and the most it departs: ±1.5 percentage points.
    static let growthSpread: Float = 0.015
    /// Mixed with the seed to seed this layer pair's own random stream (apart from the stream
    /// the other layers draw from).
    static let streamKey: UInt64 = 0xF0E5_7570_C4B0_2023

    /// The start and end densities, row-major, −9999 outside the county.
    static func generate(terrain: SyntheticTerrain, landCover: [Float], seats: [(x: Float, y: Float)],
                         seed: UInt64) -> (start: [Float], end: [Float]) {
        let rows = terrain.rows, columns = terrain.columns, count = rows * columns
        var mixer = SplitMix64(seed: seed ^ streamKey)
        var random = SplitMix64(seed: mixer.next())
        let extent = Float(max(rows, columns))
        let densityNoise = ValueNoise(rows: rows, columns: columns, spacing: 0.1 * extent, octaves: 3, seed: random.next())
        let growthNoise = ValueNoise(rows: rows, columns: columns, spacing: 0.08 * extent, octaves: 3, seed: random.next())
        let inside = terrain.inside, relief = terrain.relief, elevation = terrain.elevation
        let made = SharedGrid<Float>.makeArrays(2, count: count) { grids in
            let (start, end) = (grids[0], grids[1])
            // Pass 1: the raw relief score into `start`, the raw growth noise into `end`.
            ParallelRows.forEach(rows: rows) { range in
                let noiseRows = UnsafeMutableBufferPointer<Float>.allocate(capacity: 2 * columns)
                defer { noiseRows.deallocate() }
                var scratch: [Float] = []
                for y in range {
                    densityNoise.row(y, into: UnsafeMutableBufferPointer(rebasing: noiseRows[0..<columns]), scratch: &scratch)
                    growthNoise.row(y, into: UnsafeMutableBufferPointer(rebasing: noiseRows[columns..<(2 * columns)]), scratch: &scratch)
                    for x in 0..<columns {
                        let i = y * columns + x
                        guard inside[i] == 1, (1...4).contains(landCover[i]) else {
                            start[i] = inside[i] == 1 ? 0 : -9999
                            end[i] = start[i]
                            continue
                        }
                        let slope = SyntheticSurfaces.slopeAt(x: x, y: y, elevation: elevation, rows: rows, columns: columns)
                        let remoteness = min(1, 4 * nearestSeatDistance(terrain.coordinates(i), seats))
                        start[i] = 0.4 * relief[i] + 0.2 * min(1, 2 * slope) + 0.15 * remoteness + 0.25 * noiseRows[x]
                        end[i] = noiseRows[columns + x]
                    }
                }
            }
            // Pass 2: each class's score and noise standardised (±2 standard deviations spanning
            // the full spread) into the density factor and the growth ratio.
            let score = ClassMoments(start, landCover: landCover, inside: inside)
            let noise = ClassMoments(end, landCover: landCover, inside: inside)
            ParallelRows.forEach(rows: rows) { range in
                for i in (range.lowerBound * columns)..<(range.upperBound * columns) where inside[i] == 1 && (1...4).contains(landCover[i]) {
                    let code = Int(landCover[i])
                    start[i] = Float(1 + Double(densitySpread) * score.standardised(start[i], code))
                    end[i] = Float(Double(meanGrowth) + Double(growthSpread) * noise.standardised(end[i], code))
                }
            }
            // Pass 3: densities from the factors, rescaled so that each class's mean is its
            // `meanStartDensity` exactly (before rounding), and the end densities.
            let factor = ClassMoments(start, landCover: landCover, inside: inside)
            let scales = (0...4).map { code in code == 0 || factor.cells[code] == 0 ? 0 : meanStartDensity[code]! / factor.mean[code] }
            ParallelRows.forEach(rows: rows) { range in
                for i in (range.lowerBound * columns)..<(range.upperBound * columns) where inside[i] == 1 && (1...4).contains(landCover[i]) {
                    let density = roundedValue(Float(Double(start[i]) * scales[Int(landCover[i])]), decimals: 1)
                    start[i] = density
                    end[i] = roundedValue(density * (1 + end[i]), decimals: 1)
                }
            }
        }
        return (made[0], made[1])
    }

    /// Mean and standard deviation of a field over each forest class's cells, summed in
    /// row-major order in `Double` (so deterministic), indexed by lucode (0 unused).
    private struct ClassMoments {
        var cells = [Int](repeating: 0, count: 5)
        var mean = [Double](repeating: 0, count: 5)
        var deviation = [Double](repeating: 0, count: 5)

        init(_ field: SharedGrid<Float>, landCover: [Float], inside: [UInt8]) {
            var sums = [Double](repeating: 0, count: 5), squares = sums
            for i in landCover.indices where inside[i] == 1 && (1...4).contains(landCover[i]) {
                let code = Int(landCover[i]), value = Double(field[i])
                cells[code] += 1
                sums[code] += value
                squares[code] += value * value
            }
            for code in 1...4 where cells[code] > 0 {
                mean[code] = sums[code] / Double(cells[code])
                deviation[code] = max(0, squares[code] / Double(cells[code]) - mean[code] * mean[code]).squareRoot()
            }
        }

        /// `value`'s departure from its class mean in units of two standard deviations, limited
        /// to −1…1 (0 when the class does not vary).
        func standardised(_ value: Float, _ code: Int) -> Double {
            guard deviation[code] > 0 else { return 0 }
            return max(-1, min(1, (Double(value) - mean[code]) / (2 * deviation[code])))
        }
    }

    /// Distance from `point` to the nearest seat, in normalised coordinates (1 if there are none).
    private static func nearestSeatDistance(_ point: (x: Float, y: Float), _ seats: [(x: Float, y: Float)]) -> Float {
        var nearest: Float = 1
        for seat in seats {
            let dx = point.x - seat.x, dy = point.y - seat.y
            nearest = min(nearest, dx * dx + dy * dy)
        }
        return nearest.squareRoot()
    }
}
