import Foundation
import Testing
import GEPCore
import GEPRaster
import GEPServices
@testable import GEPGrid

/// `gep grid`'s account: hand-computed cells, zones adding up to the total, thread-count
/// independence, and the errors a user meets.
@Suite struct GridAccountTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path

    static func coefficients(_ overrides: [(id: String, value: Double)] = []) throws -> EffectiveCoefficients {
        let library = try CoefficientLibrary.load(directory: repository + "/coefficients")
        return try EffectiveCoefficients.resolve(library: library, setID: "lianping", overrides: overrides)
    }

    /// A 2 × 3 grid of 100 m cells (1 ha each) held in memory.
    static let geometry = GridGeometry(width: 3, height: 2, originX: 0, originY: 200, cellWidth: 100, cellHeight: 100, epsg: 32650)

    static func band(_ name: String, _ values: [Float], nodata: Double? = -9999, geometry: GridGeometry = geometry) -> InMemoryBand {
        InMemoryBand(name: name, geometry: geometry, dataType: .float32, nodata: nodata, values: values, blockHeight: 1)
    }

    static func input(_ services: String, zones: String = #"{"towns": "towns"}"#) throws -> GridInput {
        let text = """
        {"region": {"id": "t", "name_zh": "测试", "name_en": "Test"}, "accounting_year": 2023, "coefficient_set": "lianping",
         "layers": {"lulc": "lulc", "precipitation": "p", "evapotranspiration": "et", "rainfall_erosivity": "r",
                    "soil_erodibility": "k", "slope_length_factor": "ls"},
         "land_cover_classes": "classes.csv", "zones": \(zones), "services": \(services)}
        """
        return try GridInput.parse(Array(text.utf8), file: "grid.json", directory: "")
    }

    static let classes = LandCoverClasses(types: [1: .evergreenBroadleafForest, 2: .paddy, 9: .water])

    static func layers(lulc: [Float] = [1, 1, 2, 9, 1, -1]) -> [String: InMemoryBand] {
        ["lulc": band("lulc", lulc, nodata: -1), "p": band("p", [2000, 2000, 2000, 2000, 0, 2000]),
         "et": band("et", [1000, 1100, 900, 1100, 1000, 1000]), "r": band("r", [9000, 9000, 9000, 9000, 9000, 9000]),
         "k": band("k", [0.02, 0.02, 0.02, 0.02, 0.02, 0.02]), "ls": band("ls", [2, 1, 0.5, 0, 2, 2]),
         "towns": band("towns", [1, 1, 2, 2, 0, 0], nodata: 0)]
    }

    static func run(_ input: GridInput, layers: [String: InMemoryBand] = layers(), threads: Int = 2,
                    overrides: [(id: String, value: Double)] = []) throws -> GridAccount {
        try GridAccountRunner.run(input: input, classes: classes, coefficients: coefficients(overrides), threads: threads) { name throws(GEPError) in
            guard let band = layers[name] else { throw GEPError.missingInput(path: name, reason: "no such layer") }
            return band
        }
    }

    @Test func handComputedCells() throws {
        let grid = try Self.run(Self.input(#"{"water_conservation": {"method": "water_balance"}, "soil_retention": {}, "carbon_sequestration": {}}"#))
        let c = try Self.coefficients()
        let alpha = c.entries["runoff_coefficient.evergreen_broadleaf_forest"]!.value / 100
        // cells: (0,0) forest P 2000 ET 1000; (0,1) forest ET 1100; (0,2) paddy (not counted for water);
        // (1,0) water α = 0, ET 1100; (1,1) forest with P = 0 → nodata for water; (1,2) land-cover nodata.
        let forestWater = (2000 - 2000 * alpha - 1000) * 1e-3 * 1e4 + (2000 - 2000 * alpha - 1100) * 1e-3 * 1e4
        let waterBody = (2000 - 0 - 1100) * 1e-3 * 1e4
        let water = grid.account.services.first { $0.id == .waterConservation }!
        // per-cell arithmetic is Float32 (as InVEST), sums Double: agree to Float32 precision
        #expect(abs(water.physicalTotal! / (forestWater + waterBody) - 1) < 1e-6)
        // RUSLE per ha: R·K·LS·(1 − C·P); cell (1,1) has P = 0 but still counts soil and carbon
        let cForest = c.entries["cover_management_factor.evergreen_broadleaf_forest"]!.value
        let cPaddy = c.entries["cover_management_factor.paddy"]!.value * c.entries["support_practice_factor.paddy"]!.value
        let soil = 180 * 2 * (1 - cForest) + 180 * 1 * (1 - cForest) + 180 * 0.5 * (1 - cPaddy) + 180 * 2 * (1 - cForest)
        #expect(abs(grid.account.services.first { $0.id == .soilRetention }!.physicalTotal! / soil - 1) < 1e-6)
        let carbon = 3 * c.entries["carbon_rate.evergreen_broadleaf_forest"]!.value
        #expect(abs(grid.account.services.first { $0.id == .carbonSequestration }!.physicalTotal! / carbon - 1) < 1e-6)
        #expect(grid.nodataCells == 1)
        #expect(grid.cellCount == 6)
    }

    @Test func zonesAddUpToTheTotalAndThreadsDoNotMatter() throws {
        let input = try Self.input(#"{"water_conservation": {"method": "water_balance"}, "soil_retention": {}, "carbon_sequestration": {}, "oxygen_release": {}}"#)
        let one = try Self.run(input, threads: 1)
        for threads in [2, 8] {
            let many = try Self.run(input, threads: threads)
            #expect(many.account.total == one.account.total)
            #expect(many.zones[0].rows.map(\.values) == one.zones[0].rows.map(\.values))
        }
        for zone in one.zones {
            let sum = zone.rows.reduce(0.0) { $0 + $1.total }
            #expect(abs(sum - one.account.total) <= 1e-9 * one.account.total)
        }
        #expect(one.zones[0].rows.map(\.id) == [0, 1, 2])
        let classSum = one.classes.reduce(0.0) { $0 + $1.total }
        #expect(abs(classSum - one.account.total) <= 1e-9 * one.account.total)
    }

    /// Zone ids that Float32 cannot hold (12-digit administrative codes in Float64, UInt32 ids
    /// above 2^32 − 2^9) are read exactly: the zones stay apart and keep their codes. Fixtures by
    /// GDAL (`Fixtures/make_zone_code_fixtures.py`), with the zones of the "towns" layer.
    @Test func zoneIdsBeyondFloat32AreExact() throws {
        let input = try Self.input(#"{"water_conservation": {"method": "water_balance"}, "soil_retention": {}, "carbon_sequestration": {}}"#)
        let base = try Self.run(input)
        let fixtures = Self.repository + "/Tests/GEPGridTests/Fixtures/"
        for (file, ids) in [("zones_admin_codes_float64.tif", [441_623_100_000, 441_623_101_001]), ("zones_wide_uint32.tif", [4_000_000_001, 4_000_000_002])] {
            #expect(Float(ids[0]) == Float(ids[1]), "the fixture's two ids must be one Float32 value")
            let layers = Self.layers()
            let grid = try GridAccountRunner.run(input: input, classes: Self.classes, coefficients: Self.coefficients(), threads: 2) { name throws(GEPError) in
                if name == "towns" { return try GeoTIFFBand(path: fixtures + file) }
                guard let band = layers[name] else { throw GEPError.missingInput(path: name, reason: "no such layer") }
                return band
            }
            #expect(grid.zones[0].rows.map(\.id) == [0] + ids, "\(file)")
            #expect(grid.zones[0].rows.map(\.values) == base.zones[0].rows.map(\.values), "\(file)")
            // the layers decoded into memory for sensitivity runs keep the ids too (seen failing
            // with zones loaded as Float: one merged zone 441623085056)
            let incremental = try IncrementalGridAccount(input: input, classes: Self.classes, coefficients: Self.coefficients(), threads: 2) { name throws(GEPError) in
                if name == "towns" { return try GeoTIFFBand(path: fixtures + file) }
                guard let band = layers[name] else { throw GEPError.missingInput(path: name, reason: "no such layer") }
                return band
            }
            #expect(incremental.isResident)
            let refolded = try incremental.account(coefficients: Self.coefficients([("runoff_coefficient.evergreen_broadleaf_forest", 0.05)]))
            #expect(refolded.zones[0].rows.map(\.id) == [0] + ids, "\(file)")
        }
    }

    @Test func doublingAPriceDoublesOnlyItsService() throws {
        let input = try Self.input(#"{"water_conservation": {"method": "water_balance"}, "carbon_sequestration": {}}"#)
        let base = try Self.run(input)
        let price = try Self.coefficients().entries["price.carbon"]!.value
        let doubled = try Self.run(input, overrides: [("price.carbon", price * 2)])
        func value(_ grid: GridAccount, _ id: ServiceID) -> Double { grid.account.services.first { $0.id == id }!.value }
        #expect(abs(value(doubled, .carbonSequestration) - 2 * value(base, .carbonSequestration)) < 1e-9)
        #expect(value(doubled, .waterConservation) == value(base, .waterConservation))
    }

    @Test func unmappedCodesAndMisalignmentAreReported() throws {
        let input = try Self.input(#"{"carbon_sequestration": {}}"#)
        do {
            _ = try Self.run(input, layers: Self.layers(lulc: [1, 5, 5, 7, 1, 1]))
            Issue.record("expected an error")
        } catch let error as GEPError {
            let text = error.description
            #expect(text.contains("land-cover code 5 in lulc (2 cells) is not in the classes table"))
            #expect(text.contains("land-cover code 7 in lulc (1 cells) is not in the classes table"))
        }
        var layers = Self.layers()
        let shifted = GridGeometry(width: 3, height: 2, originX: 30, originY: 200, cellWidth: 100, cellHeight: 100, epsg: 32651)
        layers["towns"] = Self.band("towns", [1, 1, 2, 2, 0, 0], nodata: 0, geometry: shifted)
        do {
            _ = try Self.run(input, layers: layers)
            Issue.record("expected an error")
        } catch let error as GEPError {
            #expect(error.description.contains("zone layer \"towns\" is not aligned with the land-cover layer lulc: origin (30.0, 200.0), expected (0.0, 200.0)"))
            #expect(error.description.contains("CRS EPSG:32651, expected EPSG:32650"))
        }
    }

    /// The committed synthetic sample's grid input (with its county input) and account.
    /// The committed sample's grid account, its layers read from the GeoTIFFs as the engine
    /// streams them, or (`resident`) first read whole into `InMemoryBand`s; `fuBudyko` switches
    /// water conservation to the water-yield method.
    static func sample(threads: Int = 2, bandHeight: Int? = nil, resident: Bool = false, fuBudyko: Bool = false,
                       overrides: [(id: String, value: Double)] = [], townships: String? = nil) throws -> (GridInput, GridAccount) {
        let directory = repository + "/samples/lianping/grid"
        var text = try InputFile.read(directory + "/lianping-grid-2023.json", relativeTo: "/")
        if let townships {
            text = Array(String(decoding: text, as: UTF8.self).replacingOccurrences(of: "\"townships.tif\"", with: townships).utf8)
        }
        if fuBudyko {
            text = Array(String(decoding: text, as: UTF8.self).replacingOccurrences(of: "\"county_input\"", with: "\"services\": {\"water_conservation\": {\"method\": \"water_yield\"}},\n  \"county_input\"").utf8)
        }
        let input = try GridInput.parse(text, file: "lianping-grid-2023.json", directory: directory).readingCounty()
        let classes = try LandCoverClasses.parse(InputFile.read(input.classesPath, relativeTo: "/"), file: input.classesPath)
        let grid = try GridAccountRunner.run(input: input, classes: classes, coefficients: coefficients(overrides), threads: threads,
                                             bandHeight: bandHeight) { path throws(GEPError) -> any RasterBand in
            let file = try GeoTIFFBand(path: path)
            guard resident else { return file }
            return InMemoryBand(name: file.name, geometry: file.geometry, dataType: file.dataType, nodata: file.nodata, values: try file.readAll(),
                                blockHeight: file.blockHeight)
        }
        return (input, grid)
    }

    /// Every value of a grid account (lines, quantities, zone and class rows) as bits.
    static func bits(_ grid: GridAccount) -> [UInt64] {
        var values: [Double] = []
        for service in grid.account.services { values += service.lineValues + service.lines.map(\.quantity) }
        for zone in grid.zones {
            for row in zone.rows { values += row.values + row.physical + [row.cells, row.waterYield] }
        }
        for row in grid.classes { values += row.values + row.physical }
        return values.map(\.bitPattern)
    }

    /// The sample's account, zones and classes are the same bits for any thread count and band
    /// height (sums are formed row by row; seen failing with band partials summed per band).
    @Test func sampleIsIdenticalForAnyThreadsAndBandHeight() throws {
        let (_, reference) = try Self.sample(threads: 1, bandHeight: 1)
        for (threads, height) in [(2, 7), (8, 64), (2, nil)] as [(Int, Int?)] {
            let (_, grid) = try Self.sample(threads: threads, bandHeight: height)
            let (found, expected) = (Self.bits(grid), Self.bits(reference))
            let differing = zip(found, expected).filter { $0 != $1 }.count
            #expect(found.count == expected.count && differing == 0,
                    "threads \(threads), band height \(height.map(String.init) ?? "default"): \(differing) of \(expected.count) values differ")
        }
    }

    /// Layers held in memory give the same bits as the same GeoTIFFs streamed: zone layers kept
    /// as Float in memory are scanned on their Float bits, files are read exactly as Double
    /// (both the water balance and Fu–Budyko, whose zone yield is summed over zone runs; seen
    /// failing with a run of a Float zone layer ended one cell late).
    @Test(arguments: [false, true]) func residentLayersGiveTheBitsOfTheFiles(fuBudyko: Bool) throws {
        let (_, streamed) = try Self.sample(fuBudyko: fuBudyko)
        let (_, resident) = try Self.sample(resident: true, fuBudyko: fuBudyko)
        #expect(streamed.zones.map(\.rows.count) == [13, 8, 2])
        let (found, expected) = (Self.bits(resident), Self.bits(streamed))
        #expect(found.count == expected.count && zip(found, expected).allSatisfy { $0 == $1 })
    }

    /// On the sample grid (all 16 services), doubling any price used doubles exactly the lines
    /// priced with it (V = Q·p, so to 1e-12) and leaves every other line, every quantity, and the
    /// zone values of every service without such a line, the same bits (seen failing with 1 yuan
    /// added to each carbon-priced line, and with a zone value leaking another service's line).
    @Test func doublingAPriceDoublesExactlyItsLinesOnTheSample() throws {
        let (_, base) = try Self.sample()
        let lines = base.account.services.filter { $0.status == .accounted }.flatMap { zip($0.lines, $0.lineValues) }
        let prices = Set(lines.map(\.0.priceID)).sorted()
        #expect(prices.count >= 10)
        let library = try Self.coefficients()
        for id in prices {
            let price = try #require(library.entries[id]?.value, "\(id)")
            let (_, doubled) = try Self.sample(overrides: [(id, price * 2)])
            var changed = 0
            for (before, after) in zip(base.account.services, doubled.account.services) {
                for (k, line) in before.lines.enumerated() {
                    #expect(after.lines[k].quantity.bitPattern == line.quantity.bitPattern, "\(id): \(line.component)")
                    if line.priceID == id {
                        changed += 1
                        #expect(abs(after.lineValues[k] - 2 * before.lineValues[k]) <= 1e-12 * abs(before.lineValues[k]), "\(id): \(line.component)")
                    } else {
                        #expect(after.lineValues[k].bitPattern == before.lineValues[k].bitPattern, "\(id): \(line.component)")
                    }
                }
            }
            #expect(changed > 0, "\(id)")
            let untouched = base.services.enumerated().filter { _, service in
                !(base.account.services.first { $0.id == service }!.lines.contains { $0.priceID == id })
            }.map(\.offset)
            for (zone, other) in zip(base.zones, doubled.zones) {
                for (row, otherRow) in zip(zone.rows, other.rows) {
                    for k in untouched { #expect(otherRow.values[k].bitPattern == row.values[k].bitPattern, "\(id): zone \(zone.name) \(row.id)") }
                }
            }
        }
    }

    /// Townships given as polygons (GeoJSON, 12-digit codes, Chinese names) give the account of
    /// the same polygons rasterised by GDAL's `gdal_rasterize` onto the sample grid, bit for bit,
    /// and name every zone in the rows.
    @Test func polygonZonesEqualGDALRasterisedZones() throws {
        let fixtures = Self.repository + "/Tests/GEPGridTests/Fixtures/vector/"
        let (_, polygons) = try Self.sample(townships: #"{"polygons": "\#(fixtures)sample_townships.geojson", "id": "code", "name": "name"}"#)
        let (_, raster) = try Self.sample(townships: "\"\(fixtures)sample_townships_gdal.tif\"")
        #expect(polygons.zones[0].rows.map(\.id) == [0, 441_623_100_000, 441_623_101_000, 441_623_102_000])
        #expect(polygons.zones[0].rows.map(\.name) == [nil, "元善镇", "上坪镇", "内莞镇"])
        #expect(polygons.zones[0].rows.map(\.id) == raster.zones[0].rows.map(\.id))
        #expect(Self.bits(polygons) == Self.bits(raster))
        let sum = polygons.zones[0].rows.reduce(0.0) { $0 + $1.total }
        #expect(abs(sum / polygons.account.total - 1) < 1e-12)
        // with all_touched, as gdal_rasterize -at
        let (_, touched) = try Self.sample(townships: #"{"polygons": "\#(fixtures)sample_townships.geojson", "id": "code", "all_touched": true}"#)
        let (_, touchedRaster) = try Self.sample(townships: "\"\(fixtures)sample_townships_gdal_all_touched.tif\"")
        #expect(Self.bits(touched) == Self.bits(touchedRaster))
        #expect(touched.zones[0].rows.map(\.cells) != polygons.zones[0].rows.map(\.cells))
    }

    /// The committed synthetic sample: every zone set adds up to the grid total.
    @Test func committedSampleZonesAddUp() throws {
        let (_, grid) = try Self.sample()
        #expect(grid.zones.map(\.name) == ["township", "subwatershed", "xinfengjiang"])
        for zone in grid.zones {
            let sum = zone.rows.reduce(0.0) { $0 + $1.total }
            #expect(abs(sum / grid.account.total - 1) < 1e-12, "\(zone.name)")
        }
        #expect(grid.zones[0].rows.count == 13)
        #expect(grid.account.total > 0)
    }

    /// County totals on the sample grid: each county line times the grid's share of the
    /// county's area of its type (of the whole county for lines without a type), recomputed
    /// here from the county account and the grid's class cells; and in each zone, the line
    /// times the zone's share of that area.
    @Test func countyTotalsAreScaledAndAllocatedByArea() throws {
        let (input, grid) = try Self.sample()
        let countyInput = try #require(input.county)
        let county = try AccountBuilder.build(input: countyInput, coefficients: Self.coefficients())
        let hectaresPerCell = grid.cellArea / 1e4
        func gridHectares(_ type: EcosystemType) -> Double {
            grid.classes.filter { $0.ecosystem == type }.reduce(0) { $0 + $1.cells } * hectaresPerCell
        }
        let gridTotal = grid.classes.reduce(0) { $0 + $1.cells } * hectaresPerCell
        func line(_ account: Account, _ service: ServiceID, _ component: String) throws -> (ValueLine, Double) {
            let accounted = try #require(account.services.first { $0.id == service })
            let index = try #require(accounted.lines.firstIndex { $0.component == component })
            return (accounted.lines[index], accounted.lineValues[index])
        }
        // rice is attributed to paddy: scaled by the grid's paddy area over the county's
        let (countyRice, countyRiceValue) = try line(county, .agriculturalProducts, "rice")
        let (gridRice, gridRiceValue) = try line(grid.account, .agriculturalProducts, "rice")
        let paddyShare = gridHectares(.paddy) / countyInput.area(of: .paddy)
        #expect(paddyShare > 0.005 && paddyShare < 0.05)
        #expect(abs(gridRice.quantity / (countyRice.quantity * paddyShare) - 1) < 1e-12)
        #expect(abs(gridRiceValue / (countyRiceValue * paddyShare) - 1) < 1e-12)
        // visits belong to no type: scaled by the grid's share of the county's whole area
        let (countyVisits, _) = try line(county, .recreationTourism, "visits")
        let (gridVisits, gridVisitsValue) = try line(grid.account, .recreationTourism, "visits")
        #expect(abs(gridVisits.quantity / (countyVisits.quantity * gridTotal / countyInput.ecosystemAreaTotal) - 1) < 1e-12)
        // in each township, recreation is its share of the grid's area
        let recreation = try #require(grid.services.firstIndex(of: .recreationTourism))
        for row in grid.zones[0].rows {
            #expect(abs(row.values[recreation] - gridVisitsValue * row.cells * hectaresPerCell / gridTotal) <= 1e-9 * gridVisitsValue, "zone \(row.id)")
        }
        // the reconciliation keeps the county account beside the grid's
        #expect(grid.county?.total == county.total)
    }
}
