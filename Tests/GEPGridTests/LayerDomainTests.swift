import GEPCore
@testable import GEPGrid
import GEPRaster
import Testing

/// Raster layers are checked against their role's physical domain before any model uses them.
@Suite struct LayerDomainTests {
    @Test func everyCellOutsideTheDomainIsCountedAndTheFirstAreShown() throws {
        let pawc = InMemoryBand(name: "pawc.tif", geometry: testGeometry(width: 3, height: 2), dataType: .float32, nodata: -1,
                                values: [0.1, -0.2, 7, .nan, -1, 1], blockHeight: 1)
        let problems = try GridLayers.domainProblems([("plant_available_water_content", pawc)])
        #expect(problems.map(\.description) == [
            "pawc.tif: layer \"plant_available_water_content\": 2 cells outside its domain [0, 1] (row 0, column 1: -0.2; row 0, column 2: 7.0); fix the layer, or set cells to leave out to its nodata value (-1.0)",
        ], "NaN and the nodata value are not checked; 0 … 1 are inside")
        // An infinite cell (1e39 written as Float32) is outside [0, inf).
        let rain = InMemoryBand(name: "rain.tif", geometry: testGeometry(width: 2, height: 1), dataType: .float32, nodata: nil,
                                values: [.infinity, 5], blockHeight: 1)
        #expect(try GridLayers.domainProblems([("precipitation", rain)]).map(\.message) == [
            "layer \"precipitation\": 1 cell outside its domain [0, inf) (row 0, column 0: inf); fix the layer, or set cells to leave out to its nodata value",
        ])
        // Codes have no domain: a land-cover layer is not checked.
        #expect(try GridLayers.domainProblems([("lulc", pawc)]).isEmpty)
    }

    @Test func onlyTheFirstFivePositionsAreListed() throws {
        let rain = InMemoryBand(name: "rain.tif", geometry: testGeometry(width: 4, height: 3), dataType: .float32, nodata: nil,
                                values: (0..<12).map { -Float($0) - 1 }, blockHeight: 2)
        let message = try #require(try GridLayers.domainProblems([("precipitation", rain)]).first).message
        #expect(message.hasPrefix("layer \"precipitation\": 12 cells outside its domain [0, inf) (row 0, column 0: -1.0; row 0, column 1: -2.0; row 0, column 2: -3.0; row 0, column 3: -4.0; row 1, column 0: -5.0; …)"))
    }

    @Test func theGridAccountRefusesNegativeRainfall() throws {
        var layers = GridAccountTests.layers()
        layers["p"] = GridAccountTests.band("p", [2000, -5, 2000, 2000, -9999, 2000])
        let input = try GridAccountTests.input(#"{"water_conservation": {"method": "water_balance"}}"#)
        let found = diagnostics { _ = try GridAccountTests.run(input, layers: layers) }
        #expect(found.map(\.description) == [
            "p: layer \"precipitation\": 1 cell outside its domain [0, inf) (row 0, column 1: -5.0); fix the layer, or set cells to leave out to its nodata value (-9999.0)",
        ])
        #expect(throws: Never.self) { try GridAccountTests.run(input) }
    }

    @Test func theWaterYieldModelRefusesAPAWCAboveOne() throws {
        let layers = try Fixture.waterYieldLayers()
        let pawc = layers.plantAvailableWater
        var values = try pawc.readAll()
        let cell = try #require(values.firstIndex { $0 > 0 && $0 <= 1 })
        values[cell] = 1.5
        let damaged = InMemoryBand(name: "pawc.asc", geometry: pawc.geometry, dataType: pawc.dataType, nodata: pawc.nodata, values: values)
        let model = try WaterYieldModel(table: Fixture.biophysicalTable(), seasonalityConstant: 5)
        let changed = WaterYieldLayers(landCover: layers.landCover, precipitation: layers.precipitation, referenceET: layers.referenceET,
                                       rootRestrictingDepth: layers.rootRestrictingDepth, plantAvailableWater: damaged)
        for threads in [1, 2] {
            let found = diagnostics { _ = try model.run(changed, engine: GridEngine(threadCount: threads)) }
            let row = cell / pawc.geometry.width, column = cell % pawc.geometry.width
            #expect(found.map(\.description) == [
                "pawc.asc: layer \"plant_available_water_content\": 1 cell outside its domain [0, 1] (row \(row), column \(column): 1.5); fix the layer, or set cells to leave out to its nodata value\(pawc.nodata.map { " (\($0))" } ?? "")",
            ])
        }
        #expect(throws: Never.self) { try model.run(layers) }
    }
}
