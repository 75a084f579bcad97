import Foundation
import GEPAnalysis
import GEPCore
import GEPGrid
import GEPRaster
import GEPReport
import GEPSensitivity

/// `gep sensitivity`: tornado, Monte Carlo, Morris and Sobol analyses of a county account.
enum SensitivityCommand: Command {
    static var spec: CommandSpec {
        CommandSpec(
            name: "sensitivity",
            abstract: "Uncertainty and sensitivity of a county or grid account, or of a scenario's difference: tornado, Monte Carlo, Morris, Sobol.",
            discussion: """
            The parameter file lists uncertain coefficients and their distributions (by default triangular over each \
            coefficient's low–high range; see samples/lianping/sensitivity/), method switches such as \
            {"method": "water_conservation", "values": ["water_balance", "water_yield"]}, and input quantities such as \
            {"input": "climate.precipitation", "distribution": {...}} in the input's unit. When every parameter is a price the \
            account is computed once and each run is a dot product; on a grid each run refolds only the per-cell parts \
            (water, soil, carbon) whose coefficients changed. With a scenario file as INPUT every run builds the \
            baseline and the scenario with the same draws and the outputs are their differences. All designs are \
            seeded: the same command gives the same numbers. Outputs are GEP and every service; the table shows GEP, \
            CSV and JSON every output. A run the account refuses stops the analysis (exit 65) with its values and \
            reason. On a terminal, a progress line counts the model runs on standard error.
            """,
            arguments: [ArgumentSpec(name: "method", help: "tornado, montecarlo, morris or sobol."),
                        ArgumentSpec(name: "input", help: "A county input, a grid input, or a scenario file (then the outputs are scenario − baseline).")],
            options: [
                OptionSpec(name: "params", valueName: "file", help: "The parameter file (JSON).", isRequired: true),
                OptionSpec(name: "n", valueName: "n", help: "Monte Carlo draws, Sobol base samples N (runs = N·(D+2)), or Morris trajectories.",
                           defaultValue: "4096 (morris: 20)"),
                OptionSpec(name: "seed", valueName: "s", help: "Seed of the random draws and bootstrap.", defaultValue: "2023"),
                OptionSpec(name: "sampler", valueName: "kind", help: "Monte Carlo points.", allowedValues: ["sobol", "random"], defaultValue: "sobol"),
                OptionSpec(name: "levels", valueName: "p", help: "Morris grid levels (even); the step is Δ = p/(2(p−1)).", defaultValue: "4"),
                OptionSpec(name: "bootstrap", valueName: "b", help: "Sobol bootstrap resamples for the confidence intervals.", defaultValue: "100"),
                OptionSpec(name: "confidence", valueName: "c", help: "Sobol confidence level of the intervals.", defaultValue: "0.95"),
                OptionSpec(name: "zone", valueName: "set=id", help: "Grid inputs and grid scenarios: analyse one zone's account (e.g. xinfengjiang=1) instead of the whole grid's."),
                RasterOpening.threadsOption,
                OptionSpec(name: "chart", valueName: "file.svg", help: "Also draw the tornado, the Monte Carlo histogram or the Sobol bars as SVG."),
                OptionSpec(name: "lang", valueName: "lang", help: "Label language of the --chart SVG (table, CSV and JSON labels are English).",
                           allowedValues: ReportLanguage.allCases.map(\.rawValue), defaultValue: ReportLanguage.zh.rawValue),
                OptionSpec(name: "format", valueName: "format", help: "Output format.", allowedValues: ["table", "json", "csv"], defaultValue: "table"),
                CommonOptions.output,
            ])
    }

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(GEPError) {
        let settings = try SensitivitySettings.read(arguments)
        let paramsPath = try arguments.required("params")
        let inputPath = arguments.positionals[1]
        let inputBytes = try InputFile.read(inputPath, relativeTo: context.workingDirectory)
        let paramsBytes = try InputFile.read(paramsPath, relativeTo: context.workingDirectory)
        let root = try? JSONParser.parse(inputBytes, file: inputPath)
        let isGrid = root?["layers"] != nil, isScenario = root?["baseline"] != nil || root?["grid_baseline"] != nil
        var zone: GridZone?
        if let text = arguments.value("zone") {
            guard isGrid || root?["grid_baseline"] != nil else {
                throw .usage("'--zone' applies to grid inputs and grid scenarios", hint: "drop --zone for a county input or scenario")
            }
            guard let parsed = GridZone(parsing: text) else { throw .usage("Invalid value '\(text)' for '--zone'", hint: "a zone set and a zone id, e.g. --zone xinfengjiang=1") }
            zone = parsed
        }
        var run = SensitivityRun(settings: settings, inputPath: inputPath, paramsPath: paramsPath, arguments: arguments, context: context)
        if isGrid {
            // a grid input: layers opened once (in memory when they fit); each run folds only the
            // per-cell parts whose coefficients changed, on one thread (the design runs on all of them)
            let (grid, classes) = try RasterOpening.gridInput(inputPath, bytes: inputBytes, context: context)
            let coefficients = try CommonOptions.effectiveCoefficients(setID: grid.coefficientSet, arguments: arguments, context: context)
            let parameters = try parameterFile(paramsBytes, file: paramsPath, coefficients: coefficients)
            let incremental = try IncrementalGridAccount(input: grid, classes: classes, coefficients: coefficients, threads: settings.threads,
                                                         focus: zone, varying: Set(parameters.map(\.id))) { file throws(GEPError) in
                try RasterOpening.open(file, relativeTo: "/")
            }
            let model = try AccountModel(gridAccount: incremental.base.account, file: paramsPath, coefficients: coefficients, parameters: parameters) { changed throws(GEPError) in
                try incremental.account(coefficients: changed).account
            }
            try run.report(model, parameters: parameters, title: "GEP, \(incremental.base.account.regionNameEN) \(grid.year)",
                           extra: zone.map { ["zone": .string($0.description)] } ?? [:])
        } else if isScenario {
            // a scenario: every run builds the baseline and the scenario with the same draws; outputs are differences
            let scenario = try Scenario.parse(inputBytes, file: inputPath, directory: context.directory(of: inputPath))
            run.settings.outputLabel = "ΔGEP"
            let baselineBytes = try scenario.readBaseline()
            let model: ScenarioDifferenceModel, parameters: [SensitivityParameter], region: String
            if let gridPath = scenario.gridBaselinePath {
                let grid = try GridInput.parse(baselineBytes, file: scenario.baselineName, directory: context.directory(of: gridPath)).readingCounty()
                let coefficients = try CommonOptions.effectiveCoefficients(setID: grid.coefficientSet, arguments: arguments, context: context)
                parameters = try parameterFile(paramsBytes, file: paramsPath, coefficients: coefficients)
                model = try ScenarioDifferenceModel(gridScenario: scenario, coefficients: coefficients, parameters: parameters, threads: settings.threads,
                                                    focus: zone) { file throws(GEPError) in
                    try RasterOpening.open(file, relativeTo: "/")
                }
                region = grid.regionNameEN + (zone.map { " (\($0.set) \($0.id))" } ?? "")
            } else {
                let baseline = try CountyInput.parse(baselineBytes, file: scenario.baselinePath)
                let coefficients = try CommonOptions.effectiveCoefficients(setID: baseline.coefficientSet, arguments: arguments, context: context)
                parameters = try parameterFile(paramsBytes, file: paramsPath, coefficients: coefficients)
                model = try ScenarioDifferenceModel(scenario: scenario, baselineBytes: baselineBytes, coefficients: coefficients, parameters: parameters)
                region = baseline.regionNameEN
            }
            var extra: [String: JSON] = ["scenario": .string(scenario.id)]
            if let zone { extra["zone"] = .string(zone.description) }
            try run.report(model, parameters: parameters, title: "the difference \(scenario.nameEN) − baseline, \(region)",
                           base: "base difference", extra: extra)
        } else {
            let input = try InputKind.parsing(inputBytes, file: inputPath, expected: [.countyInput, .gridInput, .scenario], command: "gep sensitivity") { () throws(GEPError) in
                try CountyInput.parse(inputBytes, file: inputPath)
            }
            let coefficients = try CommonOptions.effectiveCoefficients(setID: input.coefficientSet, arguments: arguments, context: context)
            let parameters = try parameterFile(paramsBytes, file: paramsPath, coefficients: coefficients, input: input, inputBytes: inputBytes)
            let model = try AccountModel(input: input, inputBytes: inputBytes, coefficients: coefficients, parameters: parameters)
            try run.report(model, parameters: parameters, title: "GEP, \(input.regionNameEN) \(input.year)", extra: [:])
        }
    }

    /// The parameter file, or one problem saying what it is when it is another kind of file.
    private static func parameterFile(_ bytes: [UInt8], file: String, coefficients: EffectiveCoefficients, input: CountyInput? = nil,
                                   inputBytes: [UInt8]? = nil) throws(GEPError) -> [SensitivityParameter] {
        try InputKind.parsing(bytes, file: file, expected: [.sensitivityParameters], command: "gep sensitivity --params") { () throws(GEPError) in
            try SensitivityParameters.parse(bytes, file: file, coefficients: coefficients, input: input, inputBytes: inputBytes)
        }
    }
}
