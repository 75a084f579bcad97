import GEPAnalysis
import GEPCore
import GEPReport
import GEPSensitivity

/// One analysis, ready to write as a table, CSV, JSON or chart.
struct SensitivityReport {
    /// Table columns and rows (GEP only).
    var headers: [String] = []
    var rows: [[String]] = []
    /// CSV: one record per parameter × output (GEP and every service), raw numbers in yuan; an
    /// index that is undefined (an output that does not vary) is an empty field.
    var csvHeader: [String] = []
    var csvRows: [[String]] = []
    /// JSON `results`.
    var results: [String: JSON] = [:]
    /// JSON `design`: the method's own settings.
    var design: [String: JSON] = [:]
    /// The SVG chart, for the methods that draw one.
    var chart: String?
}

/// The four analyses of `gep sensitivity` on an account model (outputs: GEP, then every service).
enum SensitivityAnalysis {
    /// Model runs `method` makes with `parameters`.
    static func runs(_ method: String, n: Int, parameters: [SensitivityParameter]) -> Int {
        let d = parameters.count
        return switch method {
        case "tornado": 1 + 2 * d + parameters.reduce(0) { $0 + ($1.choice?.values.count ?? 0) }
        case "montecarlo": n
        case "morris": n * (d + 1)
        default: n * (d + 2)
        }
    }

    /// Runs `method` and renders it.
    static func run<M: SensitivityModel>(_ method: String, model: M, parameters: [SensitivityParameter], outputs: [String],
                                         settings: SensitivitySettings) -> SensitivityReport {
        switch method {
        case "tornado": tornado(model, parameters, outputs, settings)
        case "montecarlo": monteCarlo(model, parameters, outputs, settings)
        case "morris": morris(model, parameters, outputs, settings)
        default: sobol(model, parameters, outputs, settings)
        }
    }

    /// A number for CSV: empty when undefined.
    private static func number(_ x: Double) -> String { x.isFinite ? JSONWriter.formatNumber(x) : "" }

    /// A parameter value as a user reads it: a number, or a switch's choice.
    static func shown(_ value: JSON) -> String {
        switch value {
        case .number(let x): JSONWriter.formatNumber(x)
        case .string(let text): text
        default: JSONWriter.string(value, pretty: false)
        }
    }

    /// The ends of a switch: the choices that give the lowest and the highest GEP, every choice
    /// run once with the other parameters at base (ties keep the first choice as low and the
    /// last as high; failed runs, NaN, are never chosen). As x values in [0, 1).
    private static func switchEnds<M: SensitivityModel>(_ model: M, _ parameters: [SensitivityParameter], switch p: Int,
                                                        threads: Int) -> (low: Double, high: Double) {
        let count = parameters[p].choice!.values.count
        let middles = (0..<count).map { (Double($0) + 0.5) / Double(count) }
        let points = middles.flatMap { x in parameters.indices.map { $0 == p ? x : parameters[$0].base } }
        let y = evaluateBatch(model, design: points, threads: threads)
        let gep = (0..<count).map { y[$0 * model.outputCount] }
        var lowest = 0, highest = count - 1
        for i in gep.indices where !gep[i].isNaN {
            if gep[lowest].isNaN || gep[i] < gep[lowest] { lowest = i }
            if gep[highest].isNaN || gep[i] > gep[highest] { highest = i }
        }
        return (middles[lowest], middles[highest])
    }

    private static func tornado<M: SensitivityModel>(_ model: M, _ parameters: [SensitivityParameter], _ outputs: [String],
                                                     _ settings: SensitivitySettings) -> SensitivityReport {
        var report = SensitivityReport()
        let ends = parameters.indices.map { p in
            parameters[p].choice == nil ? (low: parameters[p].low, high: parameters[p].high) : switchEnds(model, parameters, switch: p, threads: settings.threads)
        }
        report.design["ends"] = "coefficients and inputs at their low and high (the distribution's bounds, or P5 and P95 when unbounded); switches at the choices giving the lowest and the highest GEP"
        let result = GEPSensitivity.tornado(model, parameters: parameters.indices.map { i in
            TornadoParameter(name: parameters[i].id, low: ends[i].low, base: parameters[i].base, high: ends[i].high)
        }, threads: settings.threads)
        let swing = { (i: Int) in abs(result.high[i][0] - result.low[i][0]) }
        let order = parameters.indices.sorted { swing($0) > swing($1) }
        let low = { (i: Int) in parameters[i].value(at: ends[i].low) }, high = { (i: Int) in parameters[i].value(at: ends[i].high) }
        report.headers = ["parameter", "low", "high", "\(settings.outputLabel) at low (亿元)", "\(settings.outputLabel) at high (亿元)", "swing (亿元)"]
        report.rows = order.map { i in
            [parameters[i].id, shown(low(i)), shown(high(i)), NumberText.yi(result.low[i][0]), NumberText.yi(result.high[i][0]), NumberText.yi(swing(i))]
        }
        report.csvHeader = ["parameter", "low", "high", "output", "base_yuan", "at_low_yuan", "at_high_yuan"]
        report.csvRows = order.flatMap { i in outputs.indices.map { k in
            [parameters[i].id, shown(low(i)), shown(high(i)), outputs[k], number(result.baseOutput[k]), number(result.low[i][k]), number(result.high[i][k])]
        } }
        report.results["base_gep_yuan"] = .number(result.baseOutput[0])
        report.results["parameters"] = .array(order.map { i in
            ["id": .string(parameters[i].id), "low": low(i), "high": high(i),
             "gep_at_low_yuan": .number(result.low[i][0]), "gep_at_high_yuan": .number(result.high[i][0])]
        })
        report.results["outputs"] = .array(outputs.indices.map { k in
            ["output": .string(outputs[k]), "base_yuan": .number(result.baseOutput[k]),
             "parameters": .array(order.map { i in
                 ["id": .string(parameters[i].id), "at_low_yuan": .number(result.low[i][k]), "at_high_yuan": .number(result.high[i][k])]
             })]
        })
        report.chart = SensitivityChart.tornado(parameters.indices.map {
            SensitivityChart.TornadoBar(name: parameters[$0].id, atLow: result.low[$0][0], atHigh: result.high[$0][0])
        }, base: result.baseOutput[0], language: settings.language)
        return report
    }

    private static func monteCarlo<M: SensitivityModel>(_ model: M, _ parameters: [SensitivityParameter], _ outputs: [String],
                                                        _ settings: SensitivitySettings) -> SensitivityReport {
        var report = SensitivityReport()
        let result = GEPSensitivity.monteCarlo(model, distributions: parameters.map(\.distribution), samples: settings.n,
                                               sampler: settings.sampler, threads: settings.threads)
        report.design["draws"] = .number(Double(settings.n))
        report.design["sampler"] = settings.sampler == .sobol ? "sobol (Joe–Kuo new-joe-kuo-6.21201, origin skipped)" : "random (SplitMix64, seeded)"
        report.headers = ["output", "mean (亿元)", "sd (亿元)", "P5", "P50", "P95"]
        report.rows = zip(outputs, result.summaries).map { name, s in
            [name, NumberText.yi(s.mean), NumberText.yi(s.sd), NumberText.yi(s.p5), NumberText.yi(s.p50), NumberText.yi(s.p95)]
        }
        report.csvHeader = ["output", "mean_yuan", "sd_yuan", "p5_yuan", "p50_yuan", "p95_yuan"]
        report.csvRows = zip(outputs, result.summaries).map { name, s in [name, number(s.mean), number(s.sd), number(s.p5), number(s.p50), number(s.p95)] }
        report.results["outputs"] = .array(zip(outputs, result.summaries).map { name, s in
            ["output": .string(name), "mean": .number(s.mean), "sd": .number(s.sd), "p5": .number(s.p5), "p50": .number(s.p50), "p95": .number(s.p95)]
        })
        let draws = stride(from: 0, to: result.outputs.count, by: model.outputCount).map { result.outputs[$0] }
        let gep = result.summaries[0]
        report.chart = SensitivityChart.histogram(draws, p5: gep.p5, p50: gep.p50, p95: gep.p95, language: settings.language)
        return report
    }

    private static func morris<M: SensitivityModel>(_ model: M, _ parameters: [SensitivityParameter], _ outputs: [String],
                                                    _ settings: SensitivitySettings) -> SensitivityReport {
        var report = SensitivityReport()
        let result = GEPSensitivity.morris(model, distributions: parameters.map(\.distribution), trajectories: settings.n,
                                           levels: settings.levels, seed: settings.seed, threads: settings.threads)
        report.design["trajectories"] = .number(Double(settings.n))
        report.design["levels"] = .number(Double(settings.levels))
        report.design["delta"] = .number(result.delta)
        report.headers = ["parameter", "μ (亿元)", "μ* (亿元)", "σ (亿元)"]
        report.rows = parameters.indices.map { i in
            let m = result.indices[i][0]
            return [parameters[i].id, NumberText.yi(m.mu), NumberText.yi(m.muStar), NumberText.yi(m.sigma)]
        }
        report.csvHeader = ["parameter", "output", "mu_yuan", "mu_star_yuan", "sigma_yuan"]
        report.csvRows = parameters.indices.flatMap { i in outputs.indices.map { k in
            let m = result.indices[i][k]
            return [parameters[i].id, outputs[k], number(m.mu), number(m.muStar), number(m.sigma)]
        } }
        func indices(_ k: Int) -> JSON {
            .array(parameters.indices.map { i in
                let m = result.indices[i][k]
                return ["id": .string(parameters[i].id), "mu": .number(m.mu), "mu_star": .number(m.muStar), "sigma": .number(m.sigma)]
            })
        }
        report.results["gep"] = indices(0)
        report.results["outputs"] = .array(outputs.indices.map { ["output": .string(outputs[$0]), "parameters": indices($0)] })
        return report
    }

    private static func sobol<M: SensitivityModel>(_ model: M, _ parameters: [SensitivityParameter], _ outputs: [String],
                                                   _ settings: SensitivitySettings) -> SensitivityReport {
        var report = SensitivityReport()
        let result = sobolAnalysis(model, distributions: parameters.map(\.distribution), baseSamples: settings.n, bootstrap: settings.bootstrap,
                                   confidence: settings.confidence, seed: settings.seed, threads: settings.threads)
        report.design["base_samples"] = .number(Double(settings.n))
        report.design["sampler"] = "saltelli: A, B and A_B^(i) from the Sobol' sequence (Joe–Kuo new-joe-kuo-6.21201 direction numbers)"
        report.design["estimators"] = ["s1": "saltelli_2010", "st": "jansen_1999"]
        report.design["bootstrap"] = .number(Double(settings.bootstrap))
        report.design["confidence"] = .number(settings.confidence)
        let percent = settings.confidence * 100
        let level = NumberText.grouped(percent, decimals: percent == percent.rounded() ? 0 : 1) + " %"
        report.headers = ["parameter", "S1", "S1 \(level) CI", "ST", "ST \(level) CI"]
        func range(_ r: ClosedRange<Double>) -> String { NumberText.grouped(r.lowerBound, decimals: 3) + "…" + NumberText.grouped(r.upperBound, decimals: 3) }
        report.rows = parameters.indices.map { i in
            [parameters[i].id, NumberText.grouped(result.firstOrder[i][0], decimals: 3), range(result.firstOrderInterval[i][0]),
             NumberText.grouped(result.total[i][0], decimals: 3), range(result.totalInterval[i][0])]
        }
        report.csvHeader = ["parameter", "output", "s1", "s1_ci_low", "s1_ci_high", "st", "st_ci_low", "st_ci_high"]
        report.csvRows = parameters.indices.flatMap { i in outputs.indices.map { k in
            [parameters[i].id, outputs[k], number(result.firstOrder[i][k]), number(result.firstOrderInterval[i][k].lowerBound),
             number(result.firstOrderInterval[i][k].upperBound), number(result.total[i][k]), number(result.totalInterval[i][k].lowerBound),
             number(result.totalInterval[i][k].upperBound)]
        } }
        func indices(_ k: Int) -> JSON {
            .array(parameters.indices.map { i in
                ["id": .string(parameters[i].id), "s1": .number(result.firstOrder[i][k]), "st": .number(result.total[i][k]),
                 "s1_ci": [.number(result.firstOrderInterval[i][k].lowerBound), .number(result.firstOrderInterval[i][k].upperBound)],
                 "st_ci": [.number(result.totalInterval[i][k].lowerBound), .number(result.totalInterval[i][k].upperBound)]]
            })
        }
        report.results["gep"] = indices(0)
        report.results["outputs"] = .array(outputs.indices.map { ["output": .string(outputs[$0]), "parameters": indices($0)] })
        report.chart = SensitivityChart.sobol(parameters.indices.map { i in
            SensitivityChart.SobolBar(name: parameters[i].id, s1: result.firstOrder[i][0], s1Low: result.firstOrderInterval[i][0].lowerBound,
                                      s1High: result.firstOrderInterval[i][0].upperBound, st: result.total[i][0],
                                      stLow: result.totalInterval[i][0].lowerBound, stHigh: result.totalInterval[i][0].upperBound)
        }, language: settings.language)
        return report
    }
}
