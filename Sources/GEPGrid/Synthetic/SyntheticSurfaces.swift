import GEPCore

/// The continuous layers of a synthetic county: climate, soil, DEM and RUSLE factors.
enum SyntheticSurfaces {
    /// RUSLE slope-length factor L = (λ / 22.13)^m for λ = one 30 m cell, for m = 0.2, 0.3,
    /// 0.4 and 0.5 (Wischmeier and Smith 1978), precomputed so that no libm call is needed.
    private static let lengthFactors: [Float] = [1.062742303, 1.095574593, 1.129421202, 1.164313466]

    /// Every continuous layer, nodata (−9999) outside the county.
    static func generate(terrain: SyntheticTerrain, random: inout SplitMix64) -> [SyntheticLayer: [Float]] {
        let rows = terrain.rows, columns = terrain.columns
        let extent = Float(max(rows, columns))
        func noise(_ spacing: Float, _ octaves: Int) -> ValueNoise {
            ValueNoise(rows: rows, columns: columns, spacing: spacing, octaves: octaves, seed: random.next())
        }
        let fields = [noise(0.3 * extent, 2), noise(0.3 * extent, 2), noise(0.1 * extent, 3), noise(0.08 * extent, 3),
                      noise(0.4 * extent, 2), noise(0.1 * extent, 3)]
        let layers: [SyntheticLayer] = [.precipitation, .referenceET, .soilDepth, .pawc, .elevation, .lsFactor, .erosivity, .erodibility]
        let inside = terrain.inside, relief = terrain.relief, elevation = terrain.elevation
        let made = SharedGrid<Float>.makeArrays(layers.count, count: rows * columns) { outputs in
            ParallelRows.forEach(rows: rows) { range in
                let noiseRows = UnsafeMutableBufferPointer<Float>.allocate(capacity: fields.count * columns)
                defer { noiseRows.deallocate() }
                var scratch: [Float] = []
                for y in range {
                    for (k, field) in fields.enumerated() {
                        field.row(y, into: UnsafeMutableBufferPointer(rebasing: noiseRows[(k * columns)..<((k + 1) * columns)]), scratch: &scratch)
                    }
                    let v = (Float(y) + 0.5) / Float(rows)
                    for x in 0..<columns {
                        let i = y * columns + x
                        guard inside[i] == 1 else {
                            for output in outputs { output[i] = -9999 }
                            continue
                        }
                        let e = relief[i]
                        let slope = slopeAt(x: x, y: y, elevation: elevation, rows: rows, columns: columns)
                        let precipitationNoise = noiseRows[x], etNoise = noiseRows[columns + x]
                        let soilNoise = noiseRows[2 * columns + x], waterNoise = noiseRows[3 * columns + x]
                        let erosivityNoise = noiseRows[4 * columns + x], erodibilityNoise = noiseRows[5 * columns + x]
                        outputs[0][i] = roundedValue(1880 + 170 * v + 80 * (precipitationNoise - 0.5) + 60 * e, decimals: 1)
                        outputs[1][i] = roundedValue(1215 - 100 * e - 20 * v + 50 * (stretch(etNoise) - 0.5), decimals: 1)
                        let soil = unitClamp(0.5 * (1 - e) + 0.5 * stretch(soilNoise) - 0.25 * min(slope, 1))
                        outputs[2][i] = roundedValue(500 + 1500 * soil, decimals: 0)
                        outputs[3][i] = roundedValue(0.08 + 0.12 * stretch(waterNoise), decimals: 3)
                        outputs[4][i] = elevation[i]
                        outputs[5][i] = roundedValue(lsFactor(slope: slope), decimals: 3)
                        outputs[6][i] = roundedValue(9000 + 1500 * v + 600 * (erosivityNoise - 0.5), decimals: 0)
                        outputs[7][i] = roundedValue(0.02 + 0.02 * stretch(erodibilityNoise), decimals: 4)
                    }
                }
            }
        }
        return Dictionary(uniqueKeysWithValues: zip(layers, made))
    }

    /// Fractal noise (which clusters around 0.5) spread over [0, 1].
    private static func stretch(_ value: Float) -> Float {
        unitClamp((value - 0.5) * 2.5 + 0.5)
    }

    /// Slope (rise over run) from the DEM by central differences (one-sided at edges).
    static func slopeAt(x: Int, y: Int, elevation: [Float], rows: Int, columns: Int) -> Float {
        let cell = Float(SyntheticLianping.cellSize)
        let left = max(0, x - 1), right = min(columns - 1, x + 1)
        let up = max(0, y - 1), down = min(rows - 1, y + 1)
        let dx = right > left ? (elevation[y * columns + right] - elevation[y * columns + left]) / (Float(right - left) * cell) : 0
        let dy = down > up ? (elevation[down * columns + x] - elevation[up * columns + x]) / (Float(down - up) * cell) : 0
        return (dx * dx + dy * dy).squareRoot()
    }

    /// RUSLE LS for one cell of slope `slope` (tan θ): L from `lengthFactors` by slope class,
    /// S = 10.8 sin θ + 0.03 below 9 % and 16.8 sin θ − 0.5 above (McCool et al. 1987).
    private static func lsFactor(slope: Float) -> Float {
        let sine = slope / (1 + slope * slope).squareRoot()
        let steepness = slope < 0.09 ? 10.8 * sine + 0.03 : 16.8 * sine - 0.5
        let length = slope >= 0.05 ? lengthFactors[3] : slope >= 0.03 ? lengthFactors[2] : slope >= 0.01 ? lengthFactors[1] : lengthFactors[0]
        return length * steepness
    }
}
