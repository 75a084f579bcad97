import Foundation
import GEPAnalysis
import GEPCore
import GEPGrid
import GEPRaster
import GEPReport
import GEPSensitivity

/// `gep sensitivity`: tornado, Monte Carlo, Morris and Sobol analyses of a county account.
enum SensitivityCommand: Command {
    static let methods = ["tornado", "montecarlo", "morris", "sobol"]

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
                RasterOpening.threadsOption,
                OptionSpec(name: "chart", valueName: "file.svg", help: "Also draw the tornado, the Monte Carlo histogram or the Sobol bars as SVG."),
                CommonOptions.language,
                OptionSpec(name: "format", valueName: "format", help: "Output format.", allowedValues: ["table", "json", "csv"], defaultValue: "table"),
                CommonOptions.output,
            ])
    }

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(GEPError) {
        guard arguments.positionals.count == 2 else {
            throw .usage("Expected a method and an input", hint: "gep sensitivity tornado|montecarlo|morris|sobol INPUT --params FILE")
        }
        let method = arguments.positionals[0]
        guard methods.contains(method) else {
            throw .usage("Unknown method '\(method)'", hint: EditDistance.nearest(to: method, in: methods).map { "did you mean '\($0)'?" }
                         ?? "one of: \(methods.joined(separator: ", "))")
        }
        guard let paramsPath = arguments.value("params") else { throw .usage("Missing '--params'", hint: "give the parameter file, e.g. --params samples/lianping/sensitivity/prices.json") }
        func integer(_ name: String, _ fallback: Int, _ range: ClosedRange<Int>) throws(GEPError) -> Int {
            guard let text = arguments.value(name) else { return fallback }
            guard let value = Int(text), range.contains(value) else { throw .usage("Invalid value '\(text)' for '--\(name)'", hint: "a whole number in \(range)") }
            return value
        }
        let n = try integer("n", method == "morris" ? 20 : 4096, 1...10_000_000)
        for (option, applies) in [("levels", "morris"), ("bootstrap", "sobol"), ("confidence", "sobol"), ("sampler", "montecarlo")]
        where arguments.value(option) != nil && method != applies {
            throw .usage("'--\(option)' applies to \(applies)", hint: "drop --\(option) for \(method)")
        }
        let levels = try integer("levels", 4, 2...1000)
        guard levels % 2 == 0 else { throw .usage("Invalid value '\(levels)' for '--levels'", hint: "an even number of levels, e.g. 4 or 6") }
        let bootstrap = try integer("bootstrap", 100, 10...100_000)
        let confidence = Double(arguments.value("confidence") ?? "0.95") ?? .nan
        guard confidence >= 0.5 && confidence < 1 else {
            throw .usage("Invalid value '\(arguments.value("confidence") ?? "")' for '--confidence'", hint: "a level in [0.5, 1), e.g. 0.9 or 0.95")
        }
        let seed = UInt64(try integer("seed", 2023, 0...Int.max))
        let threads = try RasterOpening.threads(arguments)
        let inputPath = arguments.positionals[1]
        let inputBytes = try InputFile.read(inputPath, relativeTo: context.workingDirectory)
        let paramsBytes = try InputFile.read(paramsPath, relativeTo: context.workingDirectory)
        let model: AccountModel, parameters: [SensitivityParameter], title: String
        if (try? JSONParser.parse(inputBytes, file: inputPath))?["layers"] != nil {
            // a grid input: layers opened once (in memory when they fit); each run folds only the
            // per-cell parts whose coefficients changed, on one thread (the design runs on all of them)
            let (grid, classes) = try RasterOpening.gridInput(inputPath, bytes: inputBytes, context: context)
            let coefficients = try CommonOptions.effectiveCoefficients(setID: grid.coefficientSet, arguments: arguments, context: context)
            parameters = try SensitivityParameters.parse(paramsBytes, file: paramsPath, coefficients: coefficients)
            let incremental = try IncrementalGridAccount(input: grid, classes: classes, coefficients: coefficients, threads: threads) { file throws(GEPError) in
                try RasterOpening.open(file, relativeTo: "/")
            }
            model = try AccountModel(gridAccount: incremental.base.account, file: paramsPath, coefficients: coefficients, parameters: parameters) { changed in
                try? incremental.account(coefficients: changed).account
            }
            title = "\(grid.regionNameEN) \(grid.year)"
        } else {
            let input = try CountyInput.parse(inputBytes, file: inputPath)
            let coefficients = try CommonOptions.effectiveCoefficients(setID: input.coefficientSet, arguments: arguments, context: context)
            parameters = try SensitivityParameters.parse(paramsBytes, file: paramsPath, coefficients: coefficients, input: input, inputBytes: inputBytes)
            model = try AccountModel(input: input, inputBytes: inputBytes, coefficients: coefficients, parameters: parameters)
            title = "\(input.regionNameEN) \(input.year)"
        }
        let distributions = parameters.map(\.distribution)
        let names = parameters.map(\.id)
        var rows: [[String]] = []
        var headers: [String] = []
        var results: [String: JSON] = [:]
        // what was run, so the JSON alone reproduces it: the parameters as parameter-file entries, and the method's settings
        var design: [String: JSON] = ["parameters": .array(parameters.map(\.fileEntry)), "dimension": .number(Double(parameters.count))]
        // CSV: one record per parameter × output (GEP and every service), raw numbers in yuan; an
        // index that is undefined (an output that does not vary) is an empty field
        var csvHeader: [String] = []
        var csvRows: [[String]] = []
        let outputs = model.outputNames
        func number(_ x: Double) -> String { x.isFinite ? JSONWriter.formatNumber(x) : "" }
        var chart: String?
        let language = CommonOptions.language(arguments)
        let d = parameters.count
        let runs = switch method {
        case "tornado": 1 + 2 * d + parameters.reduce(0) { $0 + ($1.choice?.values.count ?? 0) }
        case "montecarlo": n
        case "morris": n * (d + 1)
        default: n * (d + 2)
        }
        let counter = context.stderr.isTerminal ? ProgressModel<AccountModel>.Counter(total: runs, label: "gep sensitivity \(method)",
                                                                                        sink: context.stderr) : nil
        let watched = ProgressModel(base: model, counter: counter)
        if arguments.value("chart") != nil && method == "morris" {
            throw .usage("'--chart' draws tornado, montecarlo and sobol results", hint: "drop --chart for morris")
        }
        switch method {
        case "tornado":
            // a switch's ends are the choices that give the lowest and the highest GEP (every choice
            // run once, the other parameters at base); a coefficient's are its low and high values
            var ends = parameters.map { (low: $0.low, high: $0.high) }
            for (p, parameter) in parameters.enumerated() {
                guard let choice = parameter.choice else { continue }
                let count = choice.values.count
                let middles = (0..<count).map { (Double($0) + 0.5) / Double(count) }
                let design = middles.flatMap { x in parameters.indices.map { $0 == p ? x : parameters[$0].base } }
                let gep = evaluateBatch(watched, design: design, threads: threads).enumerated().filter { $0.offset % watched.outputCount == 0 }.map(\.element)
                // ties keep the first choice as low and the last as high; failed runs (NaN) are never chosen
                var lowest = 0, highest = count - 1
                for i in gep.indices where !gep[i].isNaN {
                    if gep[lowest].isNaN || gep[i] < gep[lowest] { lowest = i }
                    if gep[highest].isNaN || gep[i] > gep[highest] { highest = i }
                }
                ends[p] = (middles[lowest], middles[highest])
            }
            design["ends"] = "coefficients and inputs at their low and high (the distribution's bounds, or P5 and P95 when unbounded); switches at the choices giving the lowest and the highest GEP"
            let result = tornado(watched, parameters: parameters.indices.map { i in
                TornadoParameter(name: parameters[i].id, low: ends[i].low, base: parameters[i].base, high: ends[i].high)
            }, threads: threads)
            headers = ["parameter", "low", "high", "GEP at low (亿元)", "GEP at high (亿元)", "swing (亿元)"]
            let order = parameters.indices.sorted { abs(result.high[$0][0] - result.low[$0][0]) > abs(result.high[$1][0] - result.low[$1][0]) }
            func shown(_ value: JSON) -> String {
                switch value {
                case .number(let x): JSONWriter.formatNumber(x)
                case .string(let text): text
                default: JSONWriter.string(value, pretty: false)
                }
            }
            rows = order.map { i in
                [names[i], shown(parameters[i].value(at: ends[i].low)), shown(parameters[i].value(at: ends[i].high)), NumberText.yi(result.low[i][0]),
                 NumberText.yi(result.high[i][0]), NumberText.yi(abs(result.high[i][0] - result.low[i][0]))]
            }
            results["base_gep_yuan"] = .number(result.baseOutput[0])
            csvHeader = ["parameter", "low", "high", "output", "base_yuan", "at_low_yuan", "at_high_yuan"]
            csvRows = order.flatMap { i in outputs.indices.map { k in
                [names[i], shown(parameters[i].value(at: ends[i].low)), shown(parameters[i].value(at: ends[i].high)), outputs[k],
                 number(result.baseOutput[k]), number(result.low[i][k]), number(result.high[i][k])]
            } }
            chart = SensitivityChart.tornado(parameters.indices.map { SensitivityChart.TornadoBar(name: names[$0], atLow: result.low[$0][0], atHigh: result.high[$0][0]) },
                                             base: result.baseOutput[0], language: language)
            results["parameters"] = .array(order.map { i in
                ["id": .string(names[i]), "low": parameters[i].value(at: ends[i].low), "high": parameters[i].value(at: ends[i].high),
                 "gep_at_low_yuan": .number(result.low[i][0]), "gep_at_high_yuan": .number(result.high[i][0])]
            })
        case "montecarlo":
            let sampler: PointSampler = arguments.value("sampler") == "random" ? .random(seed: seed) : .sobol
            let result = monteCarlo(watched, distributions: distributions, samples: n, sampler: sampler, threads: threads)
            design["draws"] = .number(Double(n))
            design["sampler"] = sampler == .sobol ? "sobol (Joe–Kuo new-joe-kuo-6.21201, origin skipped)" : "random (SplitMix64, seeded)"
            headers = ["output", "mean (亿元)", "sd (亿元)", "P5", "P50", "P95"]
            rows = zip(model.outputNames, result.summaries).map { name, s in
                [name, NumberText.yi(s.mean), NumberText.yi(s.sd), NumberText.yi(s.p5), NumberText.yi(s.p50), NumberText.yi(s.p95)]
            }
            csvHeader = ["output", "mean_yuan", "sd_yuan", "p5_yuan", "p50_yuan", "p95_yuan"]
            csvRows = zip(outputs, result.summaries).map { name, s in [name, number(s.mean), number(s.sd), number(s.p5), number(s.p50), number(s.p95)] }
            let k = model.outputCount
            let draws = stride(from: 0, to: result.outputs.count, by: k).map { result.outputs[$0] }
            let g = result.summaries[0]
            chart = SensitivityChart.histogram(draws, p5: g.p5, p50: g.p50, p95: g.p95, language: language)
            results["outputs"] = .array(zip(model.outputNames, result.summaries).map { name, s in
                ["output": .string(name), "mean": .number(s.mean), "sd": .number(s.sd), "p5": .number(s.p5), "p50": .number(s.p50), "p95": .number(s.p95)]
            })
        case "morris":
            let result = morris(watched, distributions: distributions, trajectories: n, levels: levels, seed: seed, threads: threads)
            design["trajectories"] = .number(Double(n))
            design["levels"] = .number(Double(levels))
            design["delta"] = .number(result.delta)
            headers = ["parameter", "μ (亿元)", "μ* (亿元)", "σ (亿元)"]
            rows = parameters.indices.map { i in
                let m = result.indices[i][0]
                return [names[i], NumberText.yi(m.mu), NumberText.yi(m.muStar), NumberText.yi(m.sigma)]
            }
            csvHeader = ["parameter", "output", "mu_yuan", "mu_star_yuan", "sigma_yuan"]
            csvRows = parameters.indices.flatMap { i in outputs.indices.map { k in
                let m = result.indices[i][k]
                return [names[i], outputs[k], number(m.mu), number(m.muStar), number(m.sigma)]
            } }
            func indices(_ k: Int) -> JSON {
                .array(parameters.indices.map { i in
                    let m = result.indices[i][k]
                    return ["id": .string(names[i]), "mu": .number(m.mu), "mu_star": .number(m.muStar), "sigma": .number(m.sigma)]
                })
            }
            results["gep"] = indices(0)
            results["outputs"] = .array(outputs.indices.map { ["output": .string(outputs[$0]), "parameters": indices($0)] })
        default:
            let result = sobolAnalysis(watched, distributions: distributions, baseSamples: n, bootstrap: bootstrap, confidence: confidence, seed: seed, threads: threads)
            design["base_samples"] = .number(Double(n))
            design["sampler"] = "saltelli: A, B and A_B^(i) from the Sobol' sequence (Joe–Kuo new-joe-kuo-6.21201 direction numbers)"
            design["estimators"] = ["s1": "saltelli_2010", "st": "jansen_1999"]
            design["bootstrap"] = .number(Double(bootstrap))
            design["confidence"] = .number(confidence)
            let level = NumberText.grouped(confidence * 100, decimals: confidence * 100 == (confidence * 100).rounded() ? 0 : 1) + " %"
            headers = ["parameter", "S1", "S1 \(level) CI", "ST", "ST \(level) CI"]
            func range(_ r: ClosedRange<Double>) -> String { NumberText.grouped(r.lowerBound, decimals: 3) + "…" + NumberText.grouped(r.upperBound, decimals: 3) }
            rows = parameters.indices.map { i in
                [names[i], NumberText.grouped(result.firstOrder[i][0], decimals: 3), range(result.firstOrderInterval[i][0]),
                 NumberText.grouped(result.total[i][0], decimals: 3), range(result.totalInterval[i][0])]
            }
            func indices(_ k: Int) -> JSON {
                .array(parameters.indices.map { i in
                    ["id": .string(names[i]), "s1": .number(result.firstOrder[i][k]), "st": .number(result.total[i][k]),
                     "s1_ci": [.number(result.firstOrderInterval[i][k].lowerBound), .number(result.firstOrderInterval[i][k].upperBound)],
                     "st_ci": [.number(result.totalInterval[i][k].lowerBound), .number(result.totalInterval[i][k].upperBound)]]
                })
            }
            results["gep"] = indices(0)
            results["outputs"] = .array(outputs.indices.map { ["output": .string(outputs[$0]), "parameters": indices($0)] })
            csvHeader = ["parameter", "output", "s1", "s1_ci_low", "s1_ci_high", "st", "st_ci_low", "st_ci_high"]
            csvRows = parameters.indices.flatMap { i in outputs.indices.map { k in
                [names[i], outputs[k], number(result.firstOrder[i][k]), number(result.firstOrderInterval[i][k].lowerBound),
                 number(result.firstOrderInterval[i][k].upperBound), number(result.total[i][k]), number(result.totalInterval[i][k].lowerBound),
                 number(result.totalInterval[i][k].upperBound)]
            } }
            chart = SensitivityChart.sobol(parameters.indices.map { i in
                SensitivityChart.SobolBar(name: names[i], s1: result.firstOrder[i][0], s1Low: result.firstOrderInterval[i][0].lowerBound,
                                          s1High: result.firstOrderInterval[i][0].upperBound, st: result.total[i][0],
                                          stLow: result.totalInterval[i][0].lowerBound, stHigh: result.totalInterval[i][0].upperBound)
            }, language: language)
        }
        counter?.finish()
        let text: String
        if arguments.value("format") == "csv" {
            text = ([csvHeader] + csvRows).map(CSVWriter.record).joined()
        } else if arguments.value("format") == "json" {
            text = JSONWriter.string(["method": .string(method), "input": .string(inputPath), "params": .string(paramsPath), "seed": .number(Double(seed)),
                                      "design": .object(design), "model_runs": .number(Double(runs)), "linear_in_prices": .bool(model.isLinearInPrices),
                                      "base_gep_yuan": .number(model.base.total), "results": .object(results)])
        } else {
            var table = TextTable(headers: headers, alignments: [.left] + Array(repeating: .right, count: headers.count - 1))
            for row in rows { table.add(row) }
            text = "Sensitivity (\(method)) of GEP, \(title); base GEP \(NumberText.yi(model.base.total)) 亿元; "
                + "\(parameters.count) parameters, \(runs) model runs, seed \(seed)" + (model.isLinearInPrices ? " (price-only: runs are dot products)" : "") + "\n"
                + table.render()
        }
        if let path = arguments.value("chart"), let chart {
            try OutputFile.write(Array(chart.utf8), to: path, relativeTo: context.workingDirectory)
        }
        try CommonOptions.emit(text, arguments: arguments, context: context)
    }
}
