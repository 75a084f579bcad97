import Foundation
import Testing
import GEPCore
import GEPRaster
import GEPSensitivity
@testable import GEPAnalysis
import GEPGrid

/// A scenario's difference from its baseline as a sensitivity model: at the base it is the
/// scenario comparison's difference, and at any drawn values it is the comparison run with
/// those values (`--set` on both sides).
@Suite struct ScenarioDifferenceTests {
    static func setUp(_ file: String, _ parameters: String) throws -> (Scenario, ScenarioDifferenceModel, [SensitivityParameter], CoefficientLibrary) {
        let path = ScenarioTests.directory + "/" + file
        let scenario = try Scenario.parse(InputFile.read(path, relativeTo: "/"), file: file, directory: ScenarioTests.directory)
        let library = try CoefficientLibrary.load(directory: ScenarioTests.repository + "/coefficients")
        let coefficients = try EffectiveCoefficients.resolve(library: library, setID: "lianping")
        let parsed = try SensitivityParameters.parse(Array(parameters.utf8), file: "p.json", coefficients: coefficients)
        let model = try ScenarioDifferenceModel(scenario: scenario, baselineBytes: InputFile.read(scenario.baselinePath, relativeTo: "/"),
                                                coefficients: coefficients, parameters: parsed)
        return (scenario, model, parsed, library)
    }

    static func outputs(_ model: ScenarioDifferenceModel, _ x: [Double]) -> [Double] {
        var y = [Double](repeating: 0, count: model.outputCount)
        x.withUnsafeBufferPointer { xs in y.withUnsafeMutableBufferPointer { model.evaluate(xs, into: $0) } }
        return y
    }

    @Test(arguments: [("plan-2028.json", true), ("slope-cropland-to-forest.json", false)])
    func theDifferenceIsTheComparisonsAtEveryDraw(file: String, pricesOnly: Bool) throws {
        let parameters = pricesOnly ? #"{"parameters": [{"coefficient": "price.travel_cost_per_visit"}, {"coefficient": "price.peach"}]}"#
            : #"{"parameters": [{"coefficient": "price.electricity"}, {"coefficient": "runoff_coefficient.coniferous_forest"}]}"#
        let (scenario, model, parsed, library) = try Self.setUp(file, parameters)
        #expect(model.isLinearInPrices == pricesOnly)
        let base = try ScenarioRunner.compare(scenario, library: library, userSets: [], overrides: [])
        #expect(model.baseTotal == base.total.difference)
        let draw = parsed.map { $0.high }
        let drawn = try ScenarioRunner.compare(scenario, library: library, userSets: [], overrides: zip(parsed, draw).map { ($0.id, $1) })
        let y = Self.outputs(model, draw)
        #expect(abs(y[0] - drawn.total.difference) <= 1e-9 * abs(drawn.result.total), "\(file)")
        for (k, row) in drawn.services.enumerated() {
            #expect(abs(y[k + 1] - row.difference) <= 1e-9 * max(1, abs(row.scenario)), "\(file) \(row.service?.id ?? "")")
        }
    }

    @Test func whatCannotBeVariedIsRefused() throws {
        #expect { _ = try Self.setUp("high-carbon-price.json", #"{"parameters": [{"coefficient": "price.carbon"}]}"#) }
            throws: { ($0 as? GEPError)?.description.contains("the scenario changes price.carbon, so it cannot also be a parameter of the difference") ?? false }
        #expect { _ = try Self.setUp("plan-2028.json", #"{"parameters": [{"switch": "oxygen_release", "values": [true, false]}]}"#) }
            throws: { ($0 as? GEPError)?.description.contains("method switches and input quantities are not varied in a scenario difference") ?? false }
    }

    /// A grid scenario (cropland on steep slopes back to forest, a land-cover rule): both sides are
    /// incremental grid accounts; the difference equals the grid comparison bit for bit, at the
    /// base and at a draw that refolds the water part.
    @Test func aGridScenariosDifferenceIsTheGridComparisons() throws {
        let file = "grid-steep-cropland-to-forest.json"
        let scenario = try Scenario.parse(InputFile.read(ScenarioTests.directory + "/" + file, relativeTo: "/"), file: file, directory: ScenarioTests.directory)
        let library = try CoefficientLibrary.load(directory: ScenarioTests.repository + "/coefficients")
        let coefficients = try EffectiveCoefficients.resolve(library: library, setID: "lianping")
        let parameters = try SensitivityParameters.parse(Array(#"{"parameters": [{"coefficient": "water_yield.seasonality_z"}, {"coefficient": "price.carbon"}]}"#.utf8),
                                                         file: "p.json", coefficients: coefficients)
        let model = try ScenarioDifferenceModel(gridScenario: scenario, coefficients: coefficients, parameters: parameters, threads: 2) { path throws(GEPError) in
            try GeoTIFFBand(path: path)
        }
        func compared(_ overrides: [(id: String, value: Double)]) throws -> ScenarioComparison {
            try #require(try ScenarioRunner.run([scenario], library: library, overrides: overrides, threads: 2).first)
        }
        #expect(model.baseTotal == (try compared([])).total.difference)
        let draw = [20.0, 150.0]
        let expected = try compared([("water_yield.seasonality_z", 20), ("price.carbon", 150)])
        let y = Self.outputs(model, draw)
        #expect(y[0] == expected.total.difference)
        #expect(zip(y.dropFirst(), expected.services).allSatisfy { $0 == $1.difference })
    }

    /// Focused on a zone, a grid scenario's difference is the difference of that zone's rows.
    @Test func aGridScenariosZoneDifferenceIsTheZoneRows() throws {
        let file = "grid-steep-cropland-to-forest.json"
        let scenario = try Scenario.parse(InputFile.read(ScenarioTests.directory + "/" + file, relativeTo: "/"), file: file, directory: ScenarioTests.directory)
        let library = try CoefficientLibrary.load(directory: ScenarioTests.repository + "/coefficients")
        let coefficients = try EffectiveCoefficients.resolve(library: library, setID: "lianping")
        let parameters = try SensitivityParameters.parse(Array(#"{"parameters": [{"coefficient": "price.carbon"}]}"#.utf8), file: "p.json", coefficients: coefficients)
        let open: @Sendable (String) throws(GEPError) -> any RasterBand = { path throws(GEPError) in try GeoTIFFBand(path: path) }
        let zone = GridZone(set: "xinfengjiang", id: 1)
        let model = try ScenarioDifferenceModel(gridScenario: scenario, coefficients: coefficients, parameters: parameters, threads: 2, focus: zone, open: open)
        let (input, classes) = try scenario.gridBaseline(try #require(scenario.gridBaselinePath))
        let before = try GridAccountRunner.run(input: input, classes: classes, coefficients: coefficients, threads: 2, open: open)
        let after = try GridAccountRunner.run(input: input, classes: classes, coefficients: coefficients, threads: 2,
                                              open: scenario.opening(landCoverOf: input, with: open))
        func row(_ grid: GridAccount) throws -> GridAccount.Row {
            try #require(grid.zones.first { $0.name == zone.set }?.rows.first { $0.id == zone.id })
        }
        let expected = try row(after).total - row(before).total
        #expect(abs(model.baseTotal - expected) <= 1e-12 * (try row(after).total))
        #expect(expected != 0)
    }
}
