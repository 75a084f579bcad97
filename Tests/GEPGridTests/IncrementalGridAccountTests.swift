import Foundation
import Testing
import GEPCore
import GEPRaster
@testable import GEPGrid

/// `IncrementalGridAccount`: recomputations equal full runs bit for bit, and only the per-cell
/// parts whose coefficients changed are folded again.
@Suite struct IncrementalGridAccountTests {
    static let directory = GridAccountTests.repository + "/samples/lianping/grid"

    static func sample() throws -> (GridInput, LandCoverClasses) {
        let input = try GridInput.parse(InputFile.read(directory + "/lianping-grid-2023.json", relativeTo: "/"), file: "lianping-grid-2023.json", directory: directory).readingCounty()
            .withWaterMethod("water_yield")
        let classes = try LandCoverClasses.parse(InputFile.read(input.classesPath, relativeTo: "/"), file: input.classesPath)
        return (input, classes)
    }

    static func open(_ path: String) throws(GEPError) -> any RasterBand { try GeoTIFFBand(path: path) }

    /// Every number of the two accounts, in order, as bit patterns.
    static func bits(_ grid: GridAccount) -> [UInt64] {
        var values = [grid.account.total, grid.waterYield] + grid.account.services.map(\.value)
        for service in grid.account.services { values += service.lineValues + service.lines.map(\.quantity) }
        for zone in grid.zones { for row in zone.rows { values += [row.cells, row.waterYield] + row.physical + row.values } }
        for row in grid.classes { values += [row.cells, row.waterYield] + row.physical + row.values }
        values += grid.account.coefficientsUsed.map(\.coefficient.value)
        return values.map(\.bitPattern) + [UInt64(grid.nodataCells)]
    }

    /// One change per part, a change of valuation coefficients only, and all of them at once.
    static let changes: [[(id: String, value: Double)]] = [
        [("price.carbon", 136.2), ("price.reservoir_storage_cost", 7.06)],
        [("soil.bulk_density", 1.1), ("const.o2_per_co2", 0.73)],
        [("water_yield.seasonality_z", 21)],
        [("runoff_coefficient.evergreen_broadleaf_forest", 6.2), ("crop_coefficient.orchard", 0.9)],
        [("cover_management_factor.orchard", 0.2), ("support_practice_factor.paddy", 0.25)],
        [("carbon_rate.shrub", 12)],
        [("price.carbon", 90), ("water_yield.seasonality_z", 4.5), ("root_depth.mixed_forest", 2500),
         ("cover_management_factor.shrub", 0.03), ("carbon_rate.bamboo_forest", 20)],
    ]

    @Test(arguments: [0, IncrementalGridAccount.defaultResidentLimit])
    func recomputationsEqualFullRuns(residentLimit: Int) throws {
        let (input, classes) = try Self.sample()
        let incremental = try IncrementalGridAccount(input: input, classes: classes, coefficients: GridAccountTests.coefficients(),
                                                     threads: 2, residentLimit: residentLimit, open: Self.open)
        #expect(incremental.isResident == (residentLimit > 0))
        let full = try GridAccountRunner.run(input: input, classes: classes, coefficients: GridAccountTests.coefficients(), threads: 1, open: Self.open)
        #expect(Self.bits(incremental.base) == Self.bits(full))
        for change in Self.changes {
            let coefficients = try GridAccountTests.coefficients(change)
            let rebuilt = try GridAccountRunner.run(input: input, classes: classes, coefficients: coefficients, threads: 2, open: Self.open)
            let recomputed = try incremental.account(coefficients: coefficients)
            #expect(Self.bits(recomputed) == Self.bits(rebuilt), "\(change)")
            #expect(recomputed.account.total != full.account.total, "\(change) changes GEP")
        }
    }

    @Test func foldsOnlyThePartsWhoseCoefficientsChanged() throws {
        let (input, classes) = try Self.sample()
        let incremental = try IncrementalGridAccount(input: input, classes: classes, coefficients: GridAccountTests.coefficients(),
                                                     threads: 1, open: Self.open)
        func folds(after change: [(id: String, value: Double)]) throws -> [String: Int] {
            _ = try incremental.account(coefficients: GridAccountTests.coefficients(change))
            return incremental.statistics.folds
        }
        #expect(incremental.statistics == .init(accounts: 1, folds: ["all": 1]))
        // valuation coefficients re-price the sums
        #expect(try folds(after: Self.changes[0]) == ["all": 1])
        #expect(try folds(after: Self.changes[1]) == ["all": 1])
        // the water part's coefficients fold it alone, once per new value
        #expect(try folds(after: Self.changes[2]) == ["all": 1, "water": 1])
        #expect(try folds(after: Self.changes[2]) == ["all": 1, "water": 1])
        #expect(try folds(after: Self.changes[3]) == ["all": 1, "water": 2])
        // soil and carbon drivers are linear in their per-type coefficients: C·P and rates only re-price
        #expect(try folds(after: Self.changes[4]) == ["all": 1, "water": 2])
        #expect(try folds(after: Self.changes[5]) == ["all": 1, "water": 2])
        #expect(try folds(after: Self.changes[6]) == ["all": 1, "water": 3])
        // back to the base values: the water part is known
        #expect(try folds(after: []) == ["all": 1, "water": 3])
        #expect(incremental.statistics.accounts == 10)
    }

    @Test func aSmallCacheDropsTheOldestSumsAndStaysRight() throws {
        let (input, classes) = try Self.sample()
        let incremental = try IncrementalGridAccount(input: input, classes: classes, coefficients: GridAccountTests.coefficients(),
                                                     threads: 1, cacheLimit: 0, open: Self.open)
        let z21 = try GridAccountTests.coefficients(Self.changes[2])
        _ = try incremental.account(coefficients: z21)
        _ = try incremental.account(coefficients: GridAccountTests.coefficients())   // the base sums were dropped for Z = 21
        let again = try incremental.account(coefficients: z21)
        #expect(incremental.statistics.folds["water"] == 3)
        let rebuilt = try GridAccountRunner.run(input: input, classes: classes, coefficients: z21, threads: 1, open: Self.open)
        #expect(Self.bits(again) == Self.bits(rebuilt))
    }

    /// Focused on a zone, the account is that zone's row of the full run (every service, at any
    /// coefficients); zone 0 is the cells outside the zone set; unknown zones are errors.
    @Test func aZoneFocusedAccountIsThatZonesRow() throws {
        let (input, classes) = try Self.sample()
        let changed = try GridAccountTests.coefficients(Self.changes[6])
        for zone in [GridZone(set: "xinfengjiang", id: 1), GridZone(set: "xinfengjiang", id: 0), GridZone(set: "township", id: 5)] {
            let focused = try IncrementalGridAccount(input: input, classes: classes, coefficients: GridAccountTests.coefficients(),
                                                     threads: 2, focus: zone, open: Self.open)
            for (coefficients, account) in [(try GridAccountTests.coefficients(), focused.base), (changed, try focused.account(coefficients: changed))] {
                let full = try GridAccountRunner.run(input: input, classes: classes, coefficients: coefficients, threads: 2, open: Self.open)
                let row = try #require(full.zones.first { $0.name == zone.set }?.rows.first { $0.id == zone.id })
                #expect(abs(account.account.total / row.total - 1) < 1e-12, "\(zone)")
                for (service, value) in zip(full.services, row.values) {
                    let mine = try #require(account.account.services.first { $0.id == service })
                    #expect(abs(mine.value - value) <= 1e-12 * abs(value), "\(zone) \(service)")
                }
                #expect(account.account.areaKm2 == row.cells * full.cellArea / 1e6)
                #expect(account.account.regionNameEN.hasSuffix("(\(zone.set) \(zone.id))"))
            }
        }
        #expect(GridZone(parsing: "xinfengjiang=1") == GridZone(set: "xinfengjiang", id: 1))
        #expect(GridZone(parsing: "xinfengjiang") == nil && GridZone(parsing: "=1") == nil && GridZone(parsing: "a=b") == nil)
        for (zone, message) in [(GridZone(set: "town", id: 1), "no zone set \"town\" (zone sets: township, subwatershed, xinfengjiang)"),
                                (GridZone(set: "xinfengjiang", id: 7), "zone 7 has no valid cells (zones with cells: 0, 1)")] {
            #expect { try IncrementalGridAccount(input: input, classes: classes, coefficients: GridAccountTests.coefficients(), threads: 1, focus: zone, open: Self.open) }
                throws: { ($0 as? GEPError)?.description.contains(message) ?? false }
        }
    }

    /// The water-balance method and inputs requesting only some services (the in-memory 2 × 3
    /// grid of `GridAccountTests`, one-row blocks): recomputations equal full runs bit for bit.
    @Test(arguments: [#"{"water_conservation": {"method": "water_balance"}, "soil_retention": {}, "carbon_sequestration": {}}"#,
                      #"{"carbon_sequestration": {}, "oxygen_release": {}}"#, #"{"soil_retention": {}}"#])
    func otherMethodsAndServiceSubsets(services: String) throws {
        let input = try GridAccountTests.input(services)
        let layers = GridAccountTests.layers(lulc: [1, 1, 2, 9, 1, 2])
        let open = { (name: String) throws(GEPError) -> any RasterBand in
            guard let band = layers[name] else { throw GEPError.missingInput(path: name, reason: "no such layer") }
            return band
        }
        let incremental = try IncrementalGridAccount(input: input, classes: GridAccountTests.classes, coefficients: GridAccountTests.coefficients(),
                                                     threads: 2, open: open)
        for change in [[("runoff_coefficient.evergreen_broadleaf_forest", 8.0)], [("cover_management_factor.paddy", 0.2)],
                       [("carbon_rate.evergreen_broadleaf_forest", 11.0), ("price.oxygen", 900.0)]] {
            let coefficients = try GridAccountTests.coefficients(change)
            let full = try GridAccountRunner.run(input: input, classes: GridAccountTests.classes, coefficients: coefficients, threads: 1, open: open)
            #expect(Self.bits(try incremental.account(coefficients: coefficients)) == Self.bits(full), "\(change)")
        }
        // only the water part depends on per-class coefficients in a non-linear way; soil and carbon re-price
        #expect(Set(incremental.statistics.folds.keys) == Set(services.contains("water") ? ["all", "water"] : ["all"]))
    }

    /// Layers are decoded into memory only when some varying coefficient feeds the per-cell
    /// kernel; valuation coefficients alone leave them on disk, and results are the same.
    @Test func layersStayOnDiskWhenNothingWillBeRefolded() throws {
        let (input, classes) = try Self.sample()
        func account(_ varying: Set<String>?) throws -> IncrementalGridAccount {
            try IncrementalGridAccount(input: input, classes: classes, coefficients: GridAccountTests.coefficients(), threads: 2,
                                       varying: varying, open: Self.open)
        }
        let valuation = try account(["price.carbon", "soil.bulk_density", "const.o2_per_co2"])
        #expect(!valuation.isResident)
        #expect(try account(["price.carbon", "water_yield.seasonality_z"]).isResident)
        #expect(try !account(["carbon_rate.bamboo_forest", "cover_management_factor.shrub"]).isResident)
        #expect(try account(["runoff_coefficient.shrub"]).isResident)
        #expect(try account(nil).isResident)
        let coefficients = try GridAccountTests.coefficients(Self.changes[1])
        let full = try GridAccountRunner.run(input: input, classes: classes, coefficients: coefficients, threads: 1, open: Self.open)
        #expect(Self.bits(try valuation.account(coefficients: coefficients)) == Self.bits(full))
    }
}

extension GridInput {
    /// The input with the county's services but water conservation by `method`.
    func withWaterMethod(_ method: String) throws -> GridInput {
        var copy = self
        copy.services = county?.serviceSections ?? [:]
        copy.services[.waterConservation] = try JSONParser.parse(Array("{\"method\": \"\(method)\"}".utf8), file: "test")
        return copy
    }
}
