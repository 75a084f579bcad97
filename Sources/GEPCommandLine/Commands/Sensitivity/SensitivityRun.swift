import GEPAnalysis
import GEPCore
import GEPReport
import GEPSensitivity

/// One `gep sensitivity` run once its model is built: the analysis, the failed-run check and
/// the output in the format asked for.
struct SensitivityRun {
    var settings: SensitivitySettings
    var inputPath: String
    var paramsPath: String
    var arguments: ParsedArguments
    var context: CommandContext

    /// Runs the method on `model` and writes the result. `title` names what is analysed and
    /// `base` its value at the base (in the table's first line); `extra` adds top-level JSON
    /// fields (the zone, the scenario).
    func report<M: AccountSensitivityModel>(_ model: M, parameters: [SensitivityParameter], title: String, base: String = "base GEP",
                                            extra: [String: JSON]) throws(GEPError) {
        let method = settings.method
        let runs = SensitivityAnalysis.runs(method, n: settings.n, parameters: parameters)
        try settings.checkDesign(parameters: parameters.count, runs: runs, outputs: model.outputCount, paramsPath: paramsPath)
        let counter = context.stderr.isTerminal ? ProgressModel<M>.Counter(total: runs, label: "gep sensitivity \(method)", sink: context.stderr) : nil
        let report = SensitivityAnalysis.run(method, model: ProgressModel(base: model, counter: counter), parameters: parameters,
                                             outputs: model.outputNames, settings: settings)
        counter?.finish()
        try refuseFailedRuns(model.failureLogs, runs: runs, parameters: parameters)
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
                                        "base_gep_yuan": .number(model.baseTotal), "results": .object(report.results)]
            root.merge(extra) { $1 }
            text = JSONWriter.string(.object(root))
        default:
            var table = TextTable(headers: report.headers, alignments: [.left] + Array(repeating: .right, count: report.headers.count - 1))
            for row in report.rows { table.add(row) }
            text = "Sensitivity (\(method)) of \(title); \(base) \(NumberText.yi(model.baseTotal)) 亿元; "
                + "\(parameters.count) parameters, \(runs) model runs, seed \(settings.seed)" + (model.isLinearInPrices ? " (price-only: runs are dot products)" : "") + "\n"
                + table.render()
        }
        if let path = arguments.value("chart"), let chart = report.chart {
            try OutputFile.write(Array(chart.utf8), to: path, relativeTo: context.workingDirectory, refusingInputs: true)
        }
        try CommonOptions.emit(text, arguments: arguments, context: context)
    }

    /// Stops with every failed run counted and the first few shown (their values and the
    /// account's reason): indices and summaries over a design with holes would be wrong.
    private func refuseFailedRuns(_ logs: [RunFailures], runs: Int, parameters: [SensitivityParameter]) throws(GEPError) {
        let count = logs.reduce(0) { $0 + $1.count }
        guard count > 0 else { return }
        var problems = [Diagnostic(file: paramsPath, message: "\(count) of \(runs) model runs failed: a distribution reaches values the account refuses "
                                   + "(narrow it, or bound it with uniform, triangular or truncated_normal); for example:")]
        for failure in logs.flatMap(\.first).prefix(RunFailures.examples) {
            let values = parameters.indices.filter { failure.inputs[$0] != parameters[$0].base }.map { p in
                "\(parameters[p].id) = " + SensitivityAnalysis.shown(parameters[p].value(at: failure.inputs[p]))
            }
            problems.append(Diagnostic(file: paramsPath, message: "run with " + (values.isEmpty ? "every parameter at base" : values.joined(separator: ", ")) + ": " + failure.reason))
        }
        throw .invalidData(problems)
    }
}
