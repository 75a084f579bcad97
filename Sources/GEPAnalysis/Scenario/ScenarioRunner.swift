import Dispatch
import Foundation
import GEPCore
import GEPRaster
import GEPServices

/// Runs scenarios against their baselines, several at once.
public enum ScenarioRunner {
    /// Builds each scenario's baseline and scenario accounts and compares them. Scenarios run
    /// in parallel; results come back in the order given and do not depend on the thread count.
    ///
    /// - Parameters:
    ///   - scenarios: parsed scenario files.
    ///   - library: the coefficient library; each baseline resolves the set its input names.
    ///   - userSets: `--coefficients` layers applied to baselines and scenarios alike.
    ///   - overrides: `--set` overrides applied to baselines and scenarios alike.
    /// - Throws: every problem of every scenario together (`.invalidData`), or the first
    ///   missing-file or I/O error.
    ///   - threads: worker threads for grid scenarios' accounts.
    ///   - open: opens raster layers (for grid scenarios).
    public static func run(_ scenarios: [Scenario], library: CoefficientLibrary, userSets: [CoefficientSet] = [],
                           overrides: [(id: String, value: Double)] = [], threads: Int = 1,
                           open: @escaping @Sendable (String) throws(GEPError) -> any RasterBand = { path throws(GEPError) in try GeoTIFFBand(path: path) })
                           throws(GEPError) -> [ScenarioComparison] {
        let results = ResultSlots<ScenarioComparison>(count: scenarios.count)
        let overrideList = overrides
        DispatchQueue.concurrentPerform(iterations: scenarios.count) { index in
            do throws(GEPError) {
                let scenario = scenarios[index]
                let comparison = if let grid = scenario.gridBaselinePath {
                    try compareGrid(scenario, gridPath: grid, library: library, userSets: userSets, overrides: overrideList, threads: threads, open: open)
                } else {
                    try compare(scenario, library: library, userSets: userSets, overrides: overrideList)
                }
                results.store(index, .success(comparison))
            } catch {
                results.store(index, .failure(error))
            }
        }
        var comparisons: [ScenarioComparison] = []
        var problems: [Diagnostic] = []
        for index in scenarios.indices {
            switch results.take(index) {
            case let .success(comparison): comparisons.append(comparison)
            case let .failure(.invalidData(list)): problems += list
            case let .failure(error): throw error
            }
        }
        guard problems.isEmpty else { throw .invalidData(problems) }
        return comparisons
    }

    /// One scenario: baseline account, changed input and coefficients, scenario account, comparison.
    public static func compare(_ scenario: Scenario, library: CoefficientLibrary, userSets: [CoefficientSet],
                               overrides: [(id: String, value: Double)]) throws(GEPError) -> ScenarioComparison {
        let sides = try scenario.countySides(baselineBytes: try scenario.readBaseline())
        let baselineCoefficients = try EffectiveCoefficients.resolve(library: library, setID: sides.baseline.coefficientSet,
                                                                    userSets: userSets, overrides: overrides)
        let baseline = try AccountBuilder.build(input: sides.baseline, coefficients: baselineCoefficients)
        let coefficients = try changedCoefficients(scenario, baselineCoefficients)
        let result = try scenario.blamingScenario { () throws(GEPError) in
            try AccountBuilder.build(input: sides.changed, coefficients: coefficients, year: scenario.year, priceBasis: sides.priceBasis)
        }
        return ScenarioComparison(scenario: scenario, baseline: baseline, baselineCoefficients: baselineCoefficients, result: result)
    }

    /// The baseline's coefficients with the scenario's coefficient changes, each recorded with
    /// the scenario as its origin; every unknown id or invalid value is reported.
    static func changedCoefficients(_ scenario: Scenario, _ baselineCoefficients: EffectiveCoefficients) throws(GEPError) -> EffectiveCoefficients {
        var coefficients = baselineCoefficients
        var problems: [Diagnostic] = []
        for (id, change) in scenario.coefficients {
            guard let current = coefficients.entries[id] else {
                var message = "coefficients.\(id): no coefficient \"\(id)\" in the sets \(baselineCoefficients.layers.joined(separator: " → "))"
                if let near = EditDistance.nearest(to: id, in: coefficients.ids) { message += "; did you mean \"\(near)\"?" }
                problems.append(Diagnostic(file: scenario.file, message: message))
                continue
            }
            let value: Double
            let reason: String
            switch change {
            case let .set(newValue):
                value = newValue
                reason = "scenario \(scenario.id): set to \(newValue)"
            case let .multiply(factor):
                value = current.value * factor
                reason = "scenario \(scenario.id): × \(factor)"
            }
            if let domain = current.domain {
                guard domain.contains(value) else {
                    problems.append(Diagnostic(file: scenario.file, message: "coefficients.\(id): \(value) is outside the coefficient's domain \(domain) (\(current.unit.symbol))"))
                    continue
                }
            } else {
                guard value.isFinite, value >= 0 || current.value < 0 else {
                    problems.append(Diagnostic(file: scenario.file, message: "coefficients.\(id): \(value) is not a valid value"))
                    continue
                }
            }
            coefficients = coefficients.overriding(id, value: value, origin: "scenario:\(scenario.id)", reason: reason)!
        }
        guard problems.isEmpty else { throw .invalidData(problems) }
        return coefficients
    }
}
