import GEPCore

/// The county mask, relief and the score fields that land cover and zones are drawn from.
///
/// All fields are row-major over the whole grid; coordinates are normalised so that (0, 0)
/// is the top-left corner and (1, 1) the bottom-right one.
struct SyntheticTerrain {
    let rows: Int
    let columns: Int
    /// 1 inside the county boundary, 0 outside.
    let inside: [UInt8]
    /// Number of cells inside.
    let insideCount: Int
    /// Relief in [0, 1]: higher to the north, low along valley lines.
    let relief: [Float]
    /// Elevation, m (0.1 m), including hillslope roughness.
    let elevation: [Float]
    /// Normalised coordinates displaced by smooth noise, for ragged zone borders.
    let warpedX: [Float]
    let warpedY: [Float]
    /// Low along low valley lines (rivers and the reservoir).
    let waterScore: [Float]
    /// Low on low, flat valley floors.
    let farmScore: [Float]
    /// Low on lower hillsides.
    let orchardScore: [Float]
    /// Orders the natural classes: low for bamboo and broadleaf, high for shrub and grassland.
    let patchScore: [Float]
    /// Noise added to the distance-to-seat score of built-up land.
    let builtNoise: [Float]

    init(rows: Int, columns: Int, random: inout SplitMix64) {
        self.rows = rows
        self.columns = columns
        let extent = Float(max(rows, columns))
        func noise(_ spacing: Float, _ octaves: Int, _ random: inout SplitMix64) -> ValueNoise {
            ValueNoise(rows: rows, columns: columns, spacing: spacing, octaves: octaves, seed: random.next())
        }
        // Boundary, terrain, valleys, hills, warp x, warp y, farm, orchard, built, patch.
        let fields = [noise(0.25 * extent, 5, &random), noise(0.35 * extent, 6, &random), noise(0.2 * extent, 3, &random),
                      noise(24, 3, &random), noise(0.3 * extent, 2, &random), noise(0.3 * extent, 2, &random),
                      noise(0.1 * extent, 3, &random), noise(0.08 * extent, 3, &random), noise(0.05 * extent, 3, &random),
                      noise(0.12 * extent, 4, &random)]
        var made: [[Float]] = []
        let inside = SharedGrid<UInt8>.makeArrays(1, count: rows * columns) { insideGrids in
            made = SharedGrid<Float>.makeArrays(9, count: rows * columns) { grids in
                Self.fill(rows: rows, columns: columns, fields: fields, inside: insideGrids[0], grids: grids)
            }
        }[0]
        self.inside = inside
        insideCount = inside.reduce(0) { $0 + Int($1) }
        relief = made[0]
        elevation = made[1]
        warpedX = made[2]
        warpedY = made[3]
        waterScore = made[4]
        farmScore = made[5]
        orchardScore = made[6]
        builtNoise = made[7]
        patchScore = made[8]
    }

    /// Fills the mask and the nine fields (relief, elevation, warped x, warped y, water, farm,
    /// orchard, built noise, patch), rows in parallel.
    private static func fill(rows: Int, columns: Int, fields: [ValueNoise], inside: SharedGrid<UInt8>, grids: [SharedGrid<Float>]) {
        ParallelRows.forEach(rows: rows) { range in
            let noise = UnsafeMutableBufferPointer<Float>.allocate(capacity: fields.count * columns)
            defer { noise.deallocate() }
            var scratch: [Float] = []
            for y in range {
                for (k, field) in fields.enumerated() {
                    field.row(y, into: UnsafeMutableBufferPointer(rebasing: noise[(k * columns)..<((k + 1) * columns)]), scratch: &scratch)
                }
                let v = (Float(y) + 0.5) / Float(rows)
                for x in 0..<columns {
                    let i = y * columns + x
                    let u = (Float(x) + 0.5) / Float(columns)
                    let du = (u - 0.5) / 0.46, dv = (v - 0.5) / 0.44
                    inside[i] = du * du + dv * dv + 1.2 * (noise[x] - 0.5) < 1 ? 1 : 0
                    let ridge = min(1, abs(noise[2 * columns + x] - 0.5) * 6)
                    let e = unitClamp(0.45 * noise[columns + x] + 0.3 * (1 - v) + 0.25 * ridge)
                    grids[0][i] = e
                    grids[1][i] = roundedValue(150 + 950 * e + 300 * (noise[3 * columns + x] - 0.5), decimals: 1)
                    grids[2][i] = u + 0.12 * (noise[4 * columns + x] - 0.5)
                    grids[3][i] = v + 0.12 * (noise[5 * columns + x] - 0.5)
                    grids[4][i] = ridge + 0.8 * e
                    grids[5][i] = e + 0.4 * ridge + 0.3 * noise[6 * columns + x]
                    grids[6][i] = abs(e - 0.4) + 0.4 * noise[7 * columns + x]
                    grids[7][i] = noise[8 * columns + x]
                    grids[8][i] = 0.6 * noise[9 * columns + x] + 0.4 * e
                }
            }
        }
    }

    /// Normalised coordinates of cell `index`'s centre.
    func coordinates(_ index: Int) -> (x: Float, y: Float) {
        ((Float(index % columns) + 0.5) / Float(columns), (Float(index / columns) + 0.5) / Float(rows))
    }
}
