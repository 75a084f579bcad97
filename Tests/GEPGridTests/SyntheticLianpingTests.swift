import Testing
import GEPRaster
@testable import GEPGrid

/// The synthetic Lianping generator: determinism, shares, zones, forest stock, nodata edges.
@Suite struct SyntheticLianpingTests {
    /// FNV-1a over the bit patterns of a layer.
    private func checksum(_ values: [Float]) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for value in values {
            var bits = value.bitPattern
            for _ in 0..<4 {
                hash = (hash ^ UInt64(bits & 0xFF)) &* 0x100_0000_01B3
                bits >>= 8
            }
        }
        return hash
    }

    @Test func sameSeedSameGridOtherSeedOtherGrid() {
        let a = SyntheticLianping.generate(rows: 40, cols: 56, seed: 7)
        let b = SyntheticLianping.generate(rows: 40, cols: 56, seed: 7)
        let c = SyntheticLianping.generate(rows: 40, cols: 56, seed: 8)
        for layer in SyntheticLayer.allCases {
            #expect(checksum(a[layer]) == checksum(b[layer]), "\(layer)")
        }
        #expect(checksum(a[.landCover]) != checksum(c[.landCover]))
        #expect(checksum(a[.precipitation]) != checksum(c[.precipitation]))
    }

    /// Golden checksums: a change here means grids differ across platforms or versions.
    @Test func goldenChecksums() {
        let grid = SyntheticLianping.generate(rows: 64, cols: 80, seed: 20_240_601)
        let sums = Dictionary(uniqueKeysWithValues: SyntheticLayer.allCases.map { ($0, checksum(grid[$0])) })
        #expect(sums == Self.golden)
    }

    static let golden: [SyntheticLayer: UInt64] = [
        .landCover: 0xB63B7A04E82F769B,
        .precipitation: 0x4B802791CBB77F7F,
        .referenceET: 0xC3EF9442E8D00BC9,
        .soilDepth: 0xB3097EF1E238DF0E,
        .pawc: 0x4667DE4CA13EF95F,
        .elevation: 0x731C7158FE35F05C,
        .lsFactor: 0x916728F817A81655,
        .erosivity: 0xBF0010DECF7A341E,
        .erodibility: 0xF3C3AEA75DAAAF99,
        .watersheds: 0x34A6EA63D8FFD618,
        .subwatersheds: 0xC50CC39ED4418788,
        .townships: 0x67DDC890D059F462,
        .drainsToXinfengjiang: 0x95AFC05B9A4CA0F5,
        .forestStockStart: 0x1A364D39514172CE,
        .forestStockEnd: 0xCC151EA54641E9D7,
    ]

    @Test func geometryIsLianpingsUTMZone() {
        let grid = SyntheticFixture.small
        #expect(grid.geometry == GridGeometry(width: 131, height: 150, originX: 240_000, originY: 2_720_000,
                                              cellWidth: 30, cellHeight: 30, epsg: 32650))
        #expect(grid.band(.landCover).dataType == .int32 && grid.band(.precipitation).nodata == -9999)
    }

    @Test func landCoverSharesAreLianpings() {
        let grid = SyntheticFixture.small
        var counts: [Int: Int] = [:]
        for code in grid[.landCover] where code >= 1 { counts[Int(code), default: 0] += 1 }
        let county = Double(grid.countyCells)
        for (code, share) in SyntheticLianping.landCoverShares {
            #expect(abs(Double(counts[code] ?? 0) / county - share) < 0.005, "lucode \(code)")
        }
        let forest = [1, 2, 3, 4].reduce(0) { $0 + (counts[$1] ?? 0) }
        #expect(abs(Double(forest) / county - 0.75) < 0.01)
    }

    @Test func everyLayerIsNodataExactlyOutsideTheCounty() {
        let grid = SyntheticFixture.small
        let inside = grid[.landCover].map { $0 != -1 }
        let fraction = Double(inside.filter { $0 }.count) / Double(inside.count)
        #expect(fraction > 0.4 && fraction < 0.8)
        for layer in SyntheticLayer.allCases {
            let values = grid[layer]
            for index in values.indices where !inside[index] {
                #expect(values[index] == Float(layer.nodata), "\(layer) at \(index)")
            }
            if layer != .drainsToXinfengjiang {
                #expect(values.indices.allSatisfy { !inside[$0] || values[$0] != Float(layer.nodata) }, "\(layer)")
            }
        }
        // The boundary is ragged: rows do not have a symmetric run of county cells.
        let width = grid.geometry.width
        let asymmetricRows = (0..<grid.geometry.height).filter { row in
            let cells = (0..<width).filter { inside[row * width + $0] }
            guard let first = cells.first, let last = cells.last else { return false }
            return abs(first - (width - 1 - last)) > 2
        }
        #expect(asymmetricRows.count > 10)
    }

    @Test func continuousLayersStayInTheirRanges() {
        let grid = SyntheticFixture.small
        let ranges: [(SyntheticLayer, ClosedRange<Float>)] = [
            (.precipitation, 1850...2150), (.referenceET, 1050...1250), (.soilDepth, 500...2000), (.pawc, 0.08...0.2),
            (.elevation, 0...1500), (.lsFactor, 0...40), (.erosivity, 8000...11000), (.erodibility, 0.02...0.04),
            (.forestStockStart, 0...120), (.forestStockEnd, 0...130),
        ]
        for (layer, range) in ranges {
            let values = grid[layer].filter { $0 != -9999 }
            #expect(!values.isEmpty && values.allSatisfy { range.contains($0) }, "\(layer)")
        }
    }

    /// Mean start density per forest lucode, m³/ha: `forest_stock.<type>.standing_volume /
    /// ecosystems.<type>.area` of the sample county input `samples/lianping/lianping-2023.json`
    /// (evergreen broadleaf 3,700,000 m³ / 52,000 ha, coniferous 3,900,000 / 62,000, mixed
    /// 3,389,900 / 45,000); that file has no bamboo standing volume, and 45 m³/ha is the
    /// generator's own choice (`SyntheticForestStock.meanStartDensity`).
    static let countyStartDensity: [Int: Double] = [1: 3_700_000.0 / 52_000, 2: 3_900_000.0 / 62_000, 3: 3_389_900.0 / 45_000, 4: 45]

    @Test(arguments: [(150, 131, UInt64(20_240_601)), (250, 250, 2023), (97, 203, 7)])
    func forestStockMatchesTheCountyInput(rows: Int, cols: Int, seed: UInt64) throws {
        let grid = rows == 150 && cols == 131 && seed == 20_240_601 ? SyntheticFixture.small : SyntheticLianping.generate(rows: rows, cols: cols, seed: seed)
        let codes = grid[.landCover], start = grid[.forestStockStart], end = grid[.forestStockEnd]
        var sums: [Int: (start: Double, end: Double, cells: Int, low: Float, high: Float)] = [:]
        var ratios = 0.0, forestCells = 0, nonForestNonZero: [Int] = [], notGrowing: [Int] = []
        // Spatial coherence: neighbours (one cell east) against cells half the grid's width away.
        let width = grid.geometry.width
        var near = (difference: 0.0, pairs: 0), far = (difference: 0.0, pairs: 0)
        for index in codes.indices where codes[index] >= 1 {
            let code = Int(codes[index])
            guard code <= 4 else {
                if start[index] != 0 || end[index] != 0 { nonForestNonZero.append(index) }
                continue
            }
            if !(start[index] > 0 && end[index] >= start[index]) { notGrowing.append(index) }
            let column = index % width
            if column + 1 < width, codes[index + 1] == codes[index] {
                near = (near.difference + Double(abs(start[index + 1] - start[index])), near.pairs + 1)
            }
            if column + width / 2 < width, codes[index + width / 2] == codes[index] {
                far = (far.difference + Double(abs(start[index + width / 2] - start[index])), far.pairs + 1)
            }
            var sum = sums[code] ?? (0, 0, 0, .infinity, -.infinity)
            sum.start += Double(start[index])
            sum.end += Double(end[index])
            sum.cells += 1
            sum.low = min(sum.low, start[index])
            sum.high = max(sum.high, start[index])
            sums[code] = sum
            ratios += Double(end[index]) / Double(start[index]) - 1
            forestCells += 1
        }
        for (code, county) in Self.countyStartDensity {
            let sum = try #require(sums[code], "lucode \(code) is missing")
            let mean = sum.start / Double(sum.cells)
            #expect(abs(mean / county - 1) <= 0.1, "lucode \(code): mean start density \(mean) m³/ha against \(county)")
            // The field varies with relief rather than being flat, and stays within about ±30 %.
            #expect(Double(sum.low) < 0.9 * county && Double(sum.high) > 1.1 * county, "lucode \(code): \(sum.low)…\(sum.high)")
            #expect(Double(sum.low) > 0.5 * county && Double(sum.high) < 1.5 * county, "lucode \(code): \(sum.low)…\(sum.high)")
            let growth = sum.end / sum.start - 1
            #expect((0.035...0.055).contains(growth), "lucode \(code): growth \(growth)")
        }
        #expect(nonForestNonZero.count == 0, "\(nonForestNonZero.count) non-forest cells are not 0, first \(nonForestNonZero.prefix(3))")
        #expect(notGrowing.count == 0, "\(notGrowing.count) forest cells with start ≤ 0 or end < start, first \(notGrowing.prefix(3).map { ($0, start[$0], end[$0]) })")
        #expect(near.difference / Double(near.pairs) < 0.5 * far.difference / Double(far.pairs))
        let meanRatio = ratios / Double(forestCells)
        #expect((0.035...0.055).contains(meanRatio), "mean growth ratio \(meanRatio)")
    }

    @Test func zonesNestAndCoverTheCounty() {
        let grid = SyntheticFixture.small
        let towns = Set(grid[.townships].filter { $0 > 0 })
        #expect(towns == Set((1...13).map(Float.init)))
        for (subwatershed, watershed) in zip(grid[.subwatersheds], grid[.watersheds]) where watershed > 0 {
            #expect(Int(subwatershed - 1) / SyntheticLianping.subwatershedsPerWatershed + 1 == Int(watershed))
        }
        #expect(Set(grid[.subwatersheds].filter { $0 > 0 }).count == 8)
        let drains = grid[.drainsToXinfengjiang].filter { $0 == 1 }.count
        #expect(abs(Double(drains) / Double(grid.countyCells) - SyntheticLianping.xinfengjiangShare) < 0.01)
    }

    @Test func theReferenceTablesCoverEveryCode() throws {
        let grid = SyntheticFixture.small
        let model = try WaterYieldModel(table: Fixture.biophysicalTable(), seasonalityConstant: 10)
        let result = try model.run(grid.waterYieldLayers, zones: grid.band(.townships))
        #expect(result.grid.validCells == grid.countyCells)
        let carbon = try CarbonModel(pools: Fixture.carbonPools()).run(current: grid.band(.landCover))
        #expect(carbon.grid.currentCells == grid.countyCells)
    }
}
