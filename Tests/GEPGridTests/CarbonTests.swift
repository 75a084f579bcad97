import Testing
import GEPCore
import GEPRaster
@testable import GEPGrid

/// Hand-computed carbon storage and sequestration.
@Suite struct CarbonTests {
    static let pools = try! CarbonPoolTable(entries: [
        .init(lucode: 1, above: 60, below: 14, soil: 110, dead: 5),
        .init(lucode: 2, above: 0.1, below: 0.2, soil: 0.3, dead: 0.4),
        .init(lucode: 3, above: 0, below: 0, soil: 30, dead: 0),
    ], file: "pools.csv")

    @Test func storageAndSequestrationPerCellZoneAndTotal() throws {
        // Cell:            0  1  2   3  4
        let current: [Float] = [1, 2, 3, -1, 1]
        let future: [Float] = [3, 2, 1, 1, -1]
        let zones: [Float] = [1, 1, 2, 2, 0]
        let collector = OutputCollector(count: 3, geometry: testGeometry(width: 5, height: 1))
        let result = try CarbonModel(pools: Self.pools).run(
            current: intBand("cur", current, width: 5), future: intBand("fut", future, width: 5),
            zones: intBand("z", zones, width: 5, nodata: 0), engine: GridEngine(threadCount: 1), output: collector.handler)
        let density2 = Float(0.1) + Float(0.2) + Float(0.3) + Float(0.4)
        #expect(collector.outputs[CarbonOutput.current.rawValue] == [189, density2, 30, -1, 189])
        #expect(collector.outputs[CarbonOutput.future.rawValue] == [30, density2, 189, 189, -1])
        #expect(collector.outputs[CarbonOutput.change.rawValue] == [-159, 0, 159, -1, -1])
        // 30 m cells: 0.09 ha. Current: (189 + d2 + 30 + 189) × 900 / 10000.
        #expect(result.currentStorage == (Double(189) + Double(density2) + 30 + 189) * 900 / 10000)
        #expect(result.futureStorage == (Double(30) + Double(density2) + 189 + 189) * 900 / 10000)
        // Sequestration counts only cells valid in both scenarios (0, 1, 2): −159 + 0 + 159 = 0,
        // while future − current storage is 0 + (189 − 189)·0.09 — both zero here but by different cells.
        #expect(result.sequestration == 0 && result.grid.changeCells == 3)
        #expect(result.zones[1]!.current == 189 + Double(density2) && result.zones[1]!.change == -159)
        #expect(result.zones[2]!.currentCells == 1 && result.zones[2]!.futureCells == 2 && result.zones[2]!.change == 159)
        #expect(result.unzoned.cells == 1)
    }

    @Test func outputNamesAreInVESTs() {
        #expect(CarbonOutput.allCases.map(\.name) == ["c_storage_bas", "c_storage_alt", "c_change_bas_alt"])
        #expect(WaterYieldOutput.allCases.map(\.name) == ["wyield", "aet", "fractp"])
    }

    @Test func withoutAFutureThereIsOneOutput() throws {
        let collector = OutputCollector(count: 1, geometry: testGeometry(width: 3, height: 1))
        let result = try CarbonModel(pools: Self.pools).run(current: intBand("cur", [1, 3, -1], width: 3), output: collector.handler)
        #expect(collector.outputs[0] == [189, 30, -1])
        #expect(result.grid.currentCells == 2 && result.grid.futureCells == 0 && !result.hasFuture)
    }

    @Test func missingCodesAreListedPerScenario() throws {
        let found = diagnostics {
            _ = try CarbonModel(pools: Self.pools).run(current: intBand("cur.tif", [1, 9, 9, 4], width: 4),
                                                     future: intBand("fut.tif", [1, 1, 5, 5], width: 4))
        }
        #expect(found.map(\.description) == [
            "cur.tif: land-cover code 4 in 1 cell is not in the carbon pools table 'pools.csv'",
            "cur.tif: land-cover code 9 in 2 cells is not in the carbon pools table 'pools.csv'",
            "fut.tif: land-cover code 5 in 2 cells is not in the carbon pools table 'pools.csv'",
        ])
    }

    @Test func valuationConstant() {
        // r = 1/1.05, n = 15: V = 200/15 · (1 − r¹⁵)/(1 − r).
        let valuation = CarbonValuation(pricePerTonne: 200, baseYear: 2020, alternateYear: 2035, discountRatePercent: 5, rateChangePercent: 0)
        let r = 1 / 1.05
        var rToN = 1.0
        for _ in 0..<15 { rToN *= r }
        #expect(relativeError(valuation.constant, 200.0 / 15 * (1 - rToN) / (1 - r)) < 1e-14)
        let flat = CarbonValuation(pricePerTonne: 50, baseYear: 2020, alternateYear: 2030, discountRatePercent: 0, rateChangePercent: 0)
        #expect(flat.constant == 50 && flat.netPresentValue(ofSequestration: 2) == 100)
    }
}
