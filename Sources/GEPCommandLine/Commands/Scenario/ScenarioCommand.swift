import Foundation
import GEPAnalysis
import GEPCore
import GEPReport

/// `gep scenario`: valuation scenarios against their baselines.
enum ScenarioCommand: Command {
    static var spec: CommandSpec {
        CommandSpec(
            name: "scenario",
            abstract: "Run scenarios against their baseline accounts: differences, quantity and price effects.",
            discussion: """
            Each scenario file names a baseline county input and its changes: land-cover conversions, adjustments \
            of any input quantity (climate, products, visitors…), coefficient overrides, service switches and \
            methods, the accounting year and the price basis (see samples/lianping/scenarios/). A grid scenario \
            names a grid input instead and changes its land cover with a second raster or a rule such as \
            "cropland where the slope raster exceeds 25 becomes forest". Scenarios run in \
            parallel; per scenario and service the report gives the baseline, the scenario, the difference and \
            the percent, and splits the difference into a quantity effect (the physical change at baseline \
            prices) and a price effect (the price change at scenario quantities), which add up to it.
            """,
            arguments: [ArgumentSpec(name: "scenario", help: "Scenario files (JSON).", repeating: true)],
            options: [CommonOptions.coefficients, CommonOptions.set, RasterOpening.threadsOption, CommonOptions.format(default: .table),
                      CommonOptions.language, CommonOptions.output])
    }

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(GEPError) {
        let overrides = try CommonOptions.overrides(arguments)
        var scenarios: [Scenario] = []
        var problems: [Diagnostic] = []
        for path in arguments.positionals {
            let bytes = try InputFile.read(path, relativeTo: context.workingDirectory)
            do {
                scenarios.append(try InputKind.parsing(bytes, file: path, expected: [.scenario], command: "gep scenario") { () throws(GEPError) in
                    try Scenario.parse(bytes, file: path, directory: context.directory(of: path))
                })
            } catch {
                guard case let .invalidData(list) = error else { throw error }
                problems += list
            }
        }
        guard problems.isEmpty else { throw .invalidData(problems) }
        let library = try CommonOptions.library(context: context)
        var userSets: [CoefficientSet] = []
        for path in arguments.values("coefficients") {
            userSets.append(try CoefficientSet.parse(try InputFile.read(path, relativeTo: context.workingDirectory), file: path))
        }
        let threads = try RasterOpening.threads(arguments)
        let comparisons = try ScenarioRunner.run(scenarios, library: library, userSets: userSets, overrides: overrides,
                                                 threads: threads) { path throws(GEPError) in try RasterOpening.open(path, relativeTo: "/") }
        let text = ScenarioReport.render(comparisons, format: CommonOptions.format(arguments, default: .table), language: CommonOptions.language(arguments))
        try CommonOptions.emit(text, arguments: arguments, context: context)
    }
}
