import Foundation
import GEPCore
import GEPGrid
import GEPRaster

extension ScenarioRunner {
    /// A grid scenario: the grid account of the grid input, and again with the scenario's
    /// land cover (a replacement raster or a rule) and coefficient changes, compared line by line.
    static func compareGrid(_ scenario: Scenario, gridPath: String, library: CoefficientLibrary, userSets: [CoefficientSet],
                            overrides: [(id: String, value: Double)], threads: Int,
                            open: @escaping (String) throws(GEPError) -> any RasterBand) throws(GEPError) -> ScenarioComparison {
        let (input, classes) = try scenario.gridBaseline(gridPath)
        let baselineCoefficients = try EffectiveCoefficients.resolve(library: library, setID: input.coefficientSet, userSets: userSets, overrides: overrides)
        let baseline = try GridAccountRunner.run(input: input, classes: classes, coefficients: baselineCoefficients, threads: threads, open: open)
        let coefficients = try changedCoefficients(scenario, baselineCoefficients)
        let scenarioOpen = scenario.opening(landCoverOf: input, with: open)
        let result = try GridAccountRunner.run(input: scenario.changedGridInput(input), classes: classes, coefficients: coefficients,
                                               priceBasis: scenario.priceBasis, threads: threads, open: scenarioOpen)
        return ScenarioComparison(scenario: scenario, baseline: baseline.account, baselineCoefficients: baselineCoefficients, result: result.account)
    }
}

extension Scenario {
    /// The grid input a grid scenario changes (at `gridPath`) and its land-cover classes.
    func gridBaseline(_ gridPath: String) throws(GEPError) -> (GridInput, LandCoverClasses) {
        let bytes = try GEPError.reading(namedAt: "grid_baseline", in: file) { () throws(GEPError) in try InputFile.read(gridPath, relativeTo: "/") }
        let input = try GridInput.parse(bytes, file: baselineName, directory: (gridPath as NSString).deletingLastPathComponent).readingCounty()
        let classes = try LandCoverClasses.parse(try input.readClasses(), file: input.classesPath)
        return (input, classes)
    }

    /// Opens `input`'s layers as `open` does, except its land cover: the scenario's replacement
    /// raster, or its rule applied to the input's land cover.
    func opening(landCoverOf input: GridInput, with open: @escaping (String) throws(GEPError) -> any RasterBand)
        -> (String) throws(GEPError) -> any RasterBand {
        let lulcPath = input.layers["lulc"], replacement = landCoverRaster, rule = landCoverRule, scenario = file
        return { path throws(GEPError) in
            guard path == lulcPath else { return try open(path) }
            if let replacement {
                return try GEPError.reading(namedAt: "land_cover_raster", in: scenario) { () throws(GEPError) in try open(replacement) }
            }
            if let rule {
                let condition = try GEPError.reading(namedAt: "land_cover_rule.raster", in: scenario) { () throws(GEPError) in try open(rule.raster) }
                return try LandCoverRuleBand(base: try open(path), condition: condition, rule: rule, scenario: scenario)
            }
            return try open(path)
        }
    }
}
