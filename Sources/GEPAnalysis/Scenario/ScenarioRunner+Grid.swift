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
        let input = try GridInput.parse(try InputFile.read(gridPath, relativeTo: "/"), file: scenario.baselineName,
                                        directory: (gridPath as NSString).deletingLastPathComponent)
        let classes = try LandCoverClasses.parse(try InputFile.read(input.classesPath, relativeTo: "/"), file: input.classesPath)
        let baselineCoefficients = try EffectiveCoefficients.resolve(library: library, setID: input.coefficientSet, userSets: userSets, overrides: overrides)
        let baseline = try GridAccountRunner.run(input: input, classes: classes, coefficients: baselineCoefficients, threads: threads, open: open)
        let coefficients = try changedCoefficients(scenario, baselineCoefficients)
        let lulcPath = input.layers["lulc"]
        let scenarioOpen: (String) throws(GEPError) -> any RasterBand = { path throws(GEPError) in
            guard path == lulcPath else { return try open(path) }
            if let replacement = scenario.landCoverRaster { return try open(replacement) }
            if let rule = scenario.landCoverRule { return try LandCoverRuleBand(base: try open(path), condition: try open(rule.raster), rule: rule) }
            return try open(path)
        }
        var changedInput = input
        if let year = scenario.year { changedInput.year = year }
        let result = try GridAccountRunner.run(input: changedInput, classes: classes, coefficients: coefficients,
                                               priceBasis: scenario.priceBasis, threads: threads, open: scenarioOpen)
        return ScenarioComparison(scenario: scenario, baseline: baseline.account, baselineCoefficients: baselineCoefficients, result: result.account)
    }
}
