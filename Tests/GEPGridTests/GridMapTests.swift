import Foundation
import Testing
import GEPCore
import GEPRaster
import GEPServices
@testable import GEPGrid

/// `gep grid --out`'s per-cell maps: hand-computed cells, and maps adding up to the account
/// and to every zone's row.
@Suite struct GridMapTests {
    /// Collects the maps' rows: per map, the Double sum of its cells, per zone of one zone set,
    /// and every cell.
    final class Collector: @unchecked Sendable {
        var maps: [GridMap] = []
        var cells: [[Float]] = []
        let width: Int

        init(width: Int) { self.width = width }

        var open: ([GridMap]) throws(GEPError) -> GridRowsHandler {
            { [self] maps throws(GEPError) in
                self.maps = maps
                cells = Array(repeating: [], count: maps.count)
                return { [self] rows throws(GEPError) in
                    for (m, output) in rows.outputs.enumerated() { cells[m] += output }
                }
            }
        }

        func cells(_ name: String) throws -> [Float] { cells[try #require(maps.firstIndex { $0.name == name })] }

        /// Σ of the valid cells of map `name` over the cells `include` picks, in Double.
        func sum(_ name: String, where include: (Int) -> Bool = { _ in true }) throws -> Double {
            let values = try cells(name)
            return values.indices.reduce(0.0) { sum, cell in
                values[cell] == GridAccount.mapNodata || !include(cell) ? sum : sum + Double(values[cell])
            }
        }
    }

    /// The 2 × 3 hand grid of 1 ha cells: each map cell is the cell's quantity or value per ha.
    @Test func handComputedCells() throws {
        let input = try GridAccountTests.input(#"{"water_conservation": {"method": "water_balance"}, "soil_retention": {}, "carbon_sequestration": {}}"#)
        let layers = GridAccountTests.layers()
        let collector = Collector(width: 3)
        let grid = try GridAccountRunner.run(input: input, classes: GridAccountTests.classes, coefficients: GridAccountTests.coefficients(),
                                             threads: 2, maps: collector.open) { name throws(GEPError) in layers[name]! }
        let c = try GridAccountTests.coefficients()
        let cForest = c.entries["cover_management_factor.evergreen_broadleaf_forest"]!.value
        // RUSLE per ha, R·K·LS·(1 − C): cell 0 forest LS 2, cell 1 forest LS 1; cell 5 has no land cover
        let soil = try collector.cells("soil_retention_quantity")
        #expect(abs(Double(soil[0]) / (9000 * 0.02 * 2 * (1 - cForest)) - 1) < 1e-6)
        #expect(abs(Double(soil[1]) / (9000 * 0.02 * 1 * (1 - cForest)) - 1) < 1e-6)
        #expect(soil[5] == GridAccount.mapNodata)
        // water retained per ha: (P − α·P − ET)·10 m³ for forest cell 0; cell 4 has P = 0: nothing
        let alpha = c.entries["runoff_coefficient.evergreen_broadleaf_forest"]!.value / 100
        let water = try collector.cells("water_conservation_quantity")
        #expect(abs(Double(water[0]) / ((2000 - 2000 * alpha - 1000) * 10) - 1) < 1e-6)
        #expect(water[4] == 0)
        // carbon by per-area rate: the forest rate on every forest cell, whatever its other layers
        let carbon = try collector.cells("carbon_sequestration_quantity")
        let rate = c.entries["carbon_rate.evergreen_broadleaf_forest"]!.value
        #expect([carbon[0], carbon[1], carbon[4]].allSatisfy { abs(Double($0) / rate - 1) < 1e-6 })
        // the total map is the sum of the value maps, cell by cell
        let values = try grid.services.map { try collector.cells("\($0.id)_value") }
        let total = try collector.cells("gep_total")
        for cell in 0..<5 {
            let sum = values.reduce(0.0) { $0 + Double($1[cell]) }
            #expect(abs(Double(total[cell]) - sum) <= 1e-6 * max(1, abs(sum)))
        }
    }

    /// On the committed sample: every map's cells × cell area add up to the account's value or
    /// quantity of its service, and the value maps' cells in each township to its row
    /// (to 1e-6: a map cell is stored as Float32, 6e-8 relative).
    @Test func sampleMapsAddUpToTheAccountAndItsZones() throws {
        let directory = GridAccountTests.repository + "/samples/lianping/grid"
        let input = try GridInput.parse(InputFile.read(directory + "/lianping-grid-2023.json", relativeTo: "/"), file: "lianping-grid-2023.json",
                                        directory: directory).readingCounty()
        let classes = try LandCoverClasses.parse(InputFile.read(input.classesPath, relativeTo: "/"), file: input.classesPath)
        let lulc = try GeoTIFFBand(path: directory + "/lulc.tif")
        let collector = Collector(width: lulc.geometry.width)
        let grid = try GridAccountRunner.run(input: input, classes: classes, coefficients: GridAccountTests.coefficients(), threads: 2,
                                             maps: collector.open) { path throws(GEPError) in try GeoTIFFBand(path: path) }
        let hectares = grid.cellArea / 1e4
        let additive = grid.account.services.filter { grid.services.contains($0.id) && $0.physicalTotal != nil }.count
        #expect(collector.maps.count == grid.services.count + additive + 1)
        let towns = try GeoTIFFBand(path: directory + "/townships.tif").readAll()
        for (index, id) in grid.services.enumerated() {
            let service = try #require(grid.account.services.first { $0.id == id })
            let value = try collector.sum("\(id.id)_value") * hectares
            #expect(abs(value - service.value) <= 1e-6 * abs(service.value), "\(id.id)")
            if let quantity = service.physicalTotal {
                let mapped = try collector.sum("\(id.id)_quantity") * hectares
                #expect(abs(mapped - quantity) <= 1e-6 * abs(quantity), "\(id.id) quantity")
            }
            for row in grid.zones[0].rows where row.id > 0 {
                let mapped = try collector.sum("\(id.id)_value") { towns[$0] == Float(row.id) } * hectares
                #expect(abs(mapped - row.values[index]) <= 1e-6 * max(1, abs(row.values[index])), "\(id.id) township \(row.id)")
            }
        }
        let total = try collector.sum("gep_total") * hectares
        #expect(abs(total / grid.account.total - 1) < 1e-6)
        // cells without land cover are nodata in every map
        let codes = try lulc.readAll()
        let gep = try collector.cells("gep_total")
        #expect(codes.indices.allSatisfy { (Double(codes[$0]) == lulc.nodata) == (gep[$0] == GridAccount.mapNodata) })
    }
}
