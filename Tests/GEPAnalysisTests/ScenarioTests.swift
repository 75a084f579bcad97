import Foundation
import Testing
import GEPCore
import GEPReport
import GEPServices
@testable import GEPAnalysis

/// Scenarios on the Lianping sample: neutrality, the quantity/price decomposition, and errors.
@Suite struct ScenarioTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static let directory = repository + "/samples/lianping/scenarios"

    static func scenario(_ text: String) throws -> Scenario {
        try Scenario.parse(Array(text.utf8), file: "test.json", directory: directory)
    }

    static func run(_ scenario: Scenario) throws -> ScenarioComparison {
        try ScenarioRunner.compare(scenario, library: CoefficientLibrary.load(directory: repository + "/coefficients"), userSets: [], overrides: [])
    }

    @Test func noChangeReproducesTheBaselineToTheLastByte() throws {
        let comparison = try Self.run(Self.scenario(#"{"id": "same", "name_zh": "同", "name_en": "Same", "baseline": "../lianping-2023.json"}"#))
        #expect(AccountJSON.render(comparison.result) == AccountJSON.render(comparison.baseline))
        #expect(comparison.total.difference == 0 && comparison.total.quantityEffect == 0 && comparison.total.priceEffect == 0)
    }

    @Test func quantityAndPriceEffectsAddUpAndAreEachRight() throws {
        // land, climate and two prices change at once, at the baseline's current prices
        let comparison = try Self.run(Self.scenario("""
        {"id": "mixed", "name_zh": "混合", "name_en": "Mixed", "baseline": "../lianping-2023.json",
         "land_cover": [{"from": "grassland", "to": "mixed_forest", "area": {"value": 2000, "unit": "ha"}}],
         "adjust": [{"path": "climate.precipitation", "add": {"value": -100, "unit": "mm"}}],
         "coefficients": {"price.carbon": {"multiply": 2}, "price.reservoir_storage_cost": 7.06}}
        """))
        // both effects recomputed from the two accounts' lines: Σ (Q₁ − Q₀)·P₀ and Σ Q₁·(P₁ − P₀)
        for row in comparison.services + [comparison.total] {
            try IndependentEffects(baseline: comparison.baseline, scenario: comparison.result, service: row.service)
                .expectMatches(row, row.service?.id ?? "gep")
        }
        let water = comparison.services.first { $0.service == .waterConservation }!
        #expect(water.quantityEffect < 0 && water.priceEffect > 0)
        let carbon = comparison.services.first { $0.service == .carbonSequestration }!
        #expect(carbon.priceEffect > 0)
    }

    @Test func aPriceOnlyScenarioHasOnlyAPriceEffect() throws {
        let comparison = try Self.run(Self.scenario(try String(contentsOfFile: Self.directory + "/high-carbon-price.json", encoding: .utf8)))
        let carbon = comparison.services.first { $0.service == .carbonSequestration }!
        #expect(abs(carbon.scenario - 3 * carbon.baseline) <= 1e-9 * carbon.scenario)
        #expect(carbon.quantityEffect == 0)
        #expect(abs(comparison.total.difference - carbon.difference) <= 1e-12 * comparison.total.scenario)
    }

    @Test func conversionsMoveAreaAndScaleForestIncrements() throws {
        let scenario = try Self.scenario("""
        {"id": "c", "name_zh": "c", "name_en": "c", "baseline": "../lianping-2023.json",
         "land_cover": [{"from": "dry_farmland", "to": "evergreen_broadleaf_forest", "area": {"value": 1500, "unit": "ha"}}]}
        """)
        let bytes = try InputFile.read(scenario.baselinePath, relativeTo: "/")
        let base = try CountyInput.parse(bytes, file: "b"), changed = try scenario.apply(toBaseline: bytes)
        #expect(changed.area(of: .dryFarmland) == base.area(of: .dryFarmland) - 1500)
        #expect(changed.area(of: .evergreenBroadleafForest) == base.area(of: .evergreenBroadleafForest) + 1500)
        let before = base.forestStock[.evergreenBroadleafForest]!["annual_increment"]!.value
        let after = changed.forestStock[.evergreenBroadleafForest]!["annual_increment"]!.value
        #expect(abs(after / before - (52_000 + 1500) / 52_000.0) < 1e-12)
    }

    @Test func impossibleScenariosAreErrors() throws {
        let scenario = try Self.scenario("""
        {"id": "bad", "name_zh": "b", "name_en": "b", "baseline": "../lianping-2023.json",
         "land_cover": [{"from": "dry_farmland", "to": "shrub", "area": {"value": 5000, "unit": "ha"}}],
         "adjust": [{"path": "climate.precipitaton", "multiply": 0.9}, {"path": "climate.precipitation", "add": {"value": 1, "unit": "t"}}],
         "coefficients": {"price.carbn": 1}}
        """)
        do {
            _ = try Self.run(scenario)
            Issue.record("expected an error")
        } catch let error as GEPError {
            #expect(error.exitCode == 65)
            let text = error.description
            #expect(text.contains("converts 5000.0 ha of dry_farmland but only 3300.0 ha exist"))
            #expect(text.contains("climate.precipitaton: no \"precipitaton\" under climate; did you mean \"precipitation\"?"))
            #expect(text.contains("cannot add t (mass) to a quantity in mm (length)"))
        }
        do {
            _ = try Self.scenario(#"{"id": "x", "name_zh": "x", "name_en": "x", "baseline": "b.json", "services": {"oxygen": {}}}"#)
            Issue.record("expected an error")
        } catch let error as GEPError {
            #expect(error.description.contains("unknown service \"oxygen\""))
        }
    }
}


/// Grid scenarios on the committed synthetic grid.
@Suite struct GridScenarioTests {
    static func grid(_ rule: String) throws -> ScenarioComparison {
        let scenario = try ScenarioTests.scenario("""
        {"id": "g", "name_zh": "g", "name_en": "g", "grid_baseline": "../grid/lianping-grid-2023.json", \(rule)}
        """)
        let comparisons = try ScenarioRunner.run([scenario], library: CoefficientLibrary.load(directory: ScenarioTests.repository + "/coefficients"), threads: 2)
        return comparisons[0]
    }

    @Test func aRuleThatMatchesNothingReproducesTheBaseline() throws {
        let comparison = try Self.grid(#""land_cover_rule": {"from": [7], "to": 1, "raster": "../grid/ls.tif", "above": 1e9}"#)
        #expect(AccountJSON.render(comparison.result) == AccountJSON.render(comparison.baseline))
    }

    @Test func steepCroplandToForestAddsCarbonCellByCell() throws {
        let comparison = try Self.grid(#""land_cover_rule": {"from": [7], "to": 1, "raster": "../grid/ls.tif", "above": 4}"#)
        func broadleafCarbon(_ account: Account) -> Double {
            account.services.first { $0.id == .carbonSequestration }!.physicalByEcosystem.first { $0.ecosystem == .evergreenBroadleafForest }!.quantity
        }
        // broadleaf carbon is the stock change of the growing-stock layers, which the rule does
        // not touch: converted cells carry the cropland's zero stock, so broadleaf CO₂ does not
        // move, while the converted area still changes the area-driven services
        #expect(broadleafCarbon(comparison.result) == broadleafCarbon(comparison.baseline))
        let carbon = comparison.services.first { $0.service == .carbonSequestration }!
        let air = comparison.services.first { $0.service == .airPurification }!
        #expect(air.difference > 0, "forest absorbs SO₂, NOx and dust per hectare")
        #expect(abs(carbon.priceEffect) < 1e-6)
        for row in comparison.services + [comparison.total] {
            try IndependentEffects(baseline: comparison.baseline, scenario: comparison.result, service: row.service)
                .expectMatches(row, row.service?.id ?? "gep")
        }
    }
}
