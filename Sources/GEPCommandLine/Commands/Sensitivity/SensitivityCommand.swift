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
            abstract: "Uncertainty and sensitivity of a county or grid account: tornado, Monte Carlo, Morris, Sobol.",
            discussion: """
            The parameter file lists uncertain coefficients and their distributions (by default triangular over each \
            coefficient's low–high range; see samples/lianping/sensitivity/), method switches such as \
            {"method": "water_conservation", "values": ["water_balance", "water_yield"]}, and input quantities such as \
            {"input": "climate.precipitation", "distribution": {...}} in the input's unit. When every parameter is a price the \
            account is computed once and each run is a dot product. All designs are seeded: the same command gives the \
            same numbers. Outputs are GEP and every service; the table shows GEP, CSV every output. On a terminal, a \
            progress line counts the model runs on standard error.
            """,
            arguments: [ArgumentSpec(name: "method", help: "tornado, montecarlo, morris or sobol."),
                        ArgumentSpec(name: "input", help: "The county or grid input file (JSON).")],
            options: [
                OptionSpec(name: "params", valueName: "file", help: "The parameter file (JSON)."),
                OptionSpec(name: "n", valueName: "n", help: "Monte Carlo draws, Sobol base samples N (runs = N·(D+2)), or Morris trajectories.",
                           defaultValue: "4096 (morris: 20)"),
                OptionSpec(name: "seed", valueName: "s", help: "Seed of the random draws and bootstrap.", defaultValue: "2023"),
                OptionSpec(name: "sampler", valueName: "kind", help: "Monte Carlo points.", allowedValues: ["sobol", "random"], defaultValue: "sobol"),
                OptionSpec(name: "levels", valueName: "p", help: "Morris grid levels (even); the step is Δ = p/(2(p−1)).", defaultValue: "4"),
                OptionSpec(name: "bootstrap", valueName: "b", help: "Sobol bootstrap resamples for the confidence intervals.", defaultValue: "100"),
                OptionSpec(name: "confidence", valueName: "c", help: "Sobol confidence level of the intervals.", defaultValue: "0.95"),
                OptionSpec(name: "zone", valueName: "set=id", help: "Grid inputs: analyse one zone's account (e.g. xinfengjiang=1) instead of the whole grid's."),
                RasterOpening.threadsOption,
                OptionSpec(name: "chart", valueName: "file.svg", help: "Also draw the tornado, the Monte Carlo histogram or the Sobol bars as SVG."),
                CommonOptions.language,
                OptionSpec(name: "format", valueName: "format", help: "Output format.", allowedValues: ["table", "json", "csv"], defaultValue: "table"),
                CommonOptions.output,
            ])
    }

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(GEPError) {
        let settings = try SensitivitySettings.read(arguments)
        guard let paramsPath = arguments.value("params") else { throw .usage("Missing '--params'", hint: "give the parameter file, e.g. --params samples/lianping/sensitivity/prices.json") }
        let inputPath = arguments.positionals[1]
        let inputBytes = try InputFile.read(inputPath, relativeTo: context.workingDirectory)
        let paramsBytes = try InputFile.read(paramsPath, relativeTo: context.workingDirectory)
        let model: AccountModel, parameters: [SensitivityParameter], title: String
        let isGrid = (try? JSONParser.parse(inputBytes, file: inputPath))?["layers"] != nil
        var zone: GridZone?
        if let text = arguments.value("zone") {
            guard isGrid else { throw .usage("'--zone' applies to grid inputs", hint: "drop --zone for a county input") }
            guard let parsed = GridZone(parsing: text) else { throw .usage("Invalid value '\(text)' for '--zone'", hint: "a zone set and a zone id, e.g. --zone xinfengjiang=1") }
            zone = parsed
        }
        if isGrid {
            // a grid input: layers opened once (in memory when they fit); each run folds only the
            // per-cell parts whose coefficients changed, on one thread (the design runs on all of them)
            let (grid, classes) = try RasterOpening.gridInput(inputPath, bytes: inputBytes, context: context)
            let coefficients = try CommonOptions.effectiveCoefficients(setID: grid.coefficientSet, arguments: arguments, context: context)
            parameters = try SensitivityParameters.parse(paramsBytes, file: paramsPath, coefficients: coefficients)
            // prices never feed the per-cell kernel: with prices alone nothing is refolded, so the layers stay on disk
            let pricesOnly = parameters.allSatisfy { coefficients.entries[$0.id]?.isMonetary ?? false }
            let incremental = try IncrementalGridAccount(input: grid, classes: classes, coefficients: coefficients, threads: settings.threads,
                                                         focus: zone, residentLimit: pricesOnly ? 0 : IncrementalGridAccount.defaultResidentLimit) { file throws(GEPError) in
                try RasterOpening.open(file, relativeTo: "/")
            }
            model = try AccountModel(gridAccount: incremental.base.account, file: paramsPath, coefficients: coefficients, parameters: parameters) { changed throws(GEPError) in
                try incremental.account(coefficients: changed).account
            }
            title = "\(incremental.base.account.regionNameEN) \(grid.year)"
        } else {
            let input = try CountyInput.parse(inputBytes, file: inputPath)
            let coefficients = try CommonOptions.effectiveCoefficients(setID: input.coefficientSet, arguments: arguments, context: context)
            parameters = try SensitivityParameters.parse(paramsBytes, file: paramsPath, coefficients: coefficients, input: input, inputBytes: inputBytes)
            model = try AccountModel(input: input, inputBytes: inputBytes, coefficients: coefficients, parameters: parameters)
            title = "\(input.regionNameEN) \(input.year)"
        }
        let method = settings.method
        let runs = SensitivityAnalysis.runs(method, n: settings.n, parameters: parameters)
        try settings.checkDesign(parameters: parameters.count, runs: runs, outputs: model.outputCount, paramsPath: paramsPath)
        let counter = context.stderr.isTerminal ? ProgressModel<AccountModel>.Counter(total: runs, label: "gep sensitivity \(method)",
                                                                                        sink: context.stderr) : nil
        let report = SensitivityAnalysis.run(method, model: ProgressModel(base: model, counter: counter), parameters: parameters,
                                             outputs: model.outputNames, settings: settings)
        counter?.finish()
        try refuseFailedRuns(model.failures, runs: runs, parameters: parameters, paramsPath: paramsPath)
        let text: String
        switch arguments.value("format") {
        case "csv":
            text = ([report.csvHeader] + report.csvRows).map(CSVWriter.record).joined()
        case "json":
            // what was run, so the JSON alone reproduces it: the method's settings and every parameter as a parameter-file entry
            var design = report.design
            design["parameters"] = .array(parameters.map(\.fileEntry))
            design["dimension"] = .number(Double(parameters.count))
            var root: [String: JSON] = ["method": .string(method), "input": .string(inputPath), "params": .string(paramsPath), "seed": .number(Double(settings.seed)),
                                        "design": .object(design), "model_runs": .number(Double(runs)), "linear_in_prices": .bool(model.isLinearInPrices),
                                        "base_gep_yuan": .number(model.base.total), "results": .object(report.results)]
            if let zone { root["zone"] = .string(zone.description) }
            text = JSONWriter.string(.object(root))
        default:
            var table = TextTable(headers: report.headers, alignments: [.left] + Array(repeating: .right, count: report.headers.count - 1))
            for row in report.rows { table.add(row) }
            text = "Sensitivity (\(method)) of GEP, \(title); base GEP \(NumberText.yi(model.base.total)) 亿元; "
                + "\(parameters.count) parameters, \(runs) model runs, seed \(settings.seed)" + (model.isLinearInPrices ? " (price-only: runs are dot products)" : "") + "\n"
                + table.render()
        }
        if let path = arguments.value("chart"), let chart = report.chart {
            try OutputFile.write(Array(chart.utf8), to: path, relativeTo: context.workingDirectory)
        }
        try CommonOptions.emit(text, arguments: arguments, context: context)
    }

    /// Stops with every failed run counted and the first few shown (their values and the
    /// account's reason): indices and summaries over a design with holes would be wrong.
    static func refuseFailedRuns(_ failures: RunFailures, runs: Int, parameters: [SensitivityParameter], paramsPath: String) throws(GEPError) {
        guard failures.count > 0 else { return }
        var problems = [Diagnostic(file: paramsPath, message: "\(failures.count) of \(runs) model runs failed: a distribution reaches values the account refuses "
                                   + "(narrow it, or bound it with uniform, triangular or truncated_normal); for example:")]
        for failure in failures.first {
            let values = parameters.indices.filter { failure.inputs[$0] != parameters[$0].base }.map { p in
                "\(parameters[p].id) = " + SensitivityAnalysis.shown(parameters[p].value(at: failure.inputs[p]))
            }
            problems.append(Diagnostic(file: paramsPath, message: "run with " + (values.isEmpty ? "every parameter at base" : values.joined(separator: ", ")) + ": " + failure.reason))
        }
        throw .invalidData(problems)
    }
}
