import Foundation
import GEPCore
import GEPReport
import GEPSensitivity

/// The settings of one `gep sensitivity` run, read and checked from its options.
struct SensitivitySettings {
    /// `tornado`, `montecarlo`, `morris` or `sobol`.
    var method: String
    /// Monte Carlo draws, Sobol base samples N, or Morris trajectories.
    var n: Int
    var seed: UInt64
    /// Morris grid levels p (even).
    var levels: Int
    /// Sobol bootstrap resamples and interval confidence level.
    var bootstrap: Int
    var confidence: Double
    /// Monte Carlo points.
    var sampler: PointSampler
    var threads: Int
    var language: ReportLanguage
    /// What the first output is called in tables: `GEP`, or `ΔGEP` for a scenario's difference.
    var outputLabel = "GEP"

    static let methods = ["tornado", "montecarlo", "morris", "sobol"]

    /// Checks that the design can take `count` parameters (the Sobol' sequence has
    /// `SobolSequence.maxDimension` dimensions, and Saltelli's design uses two per parameter)
    /// and that its inputs and outputs (`runs` rows of `count` inputs, about as many again for
    /// the unit points, `outputs` values, and Sobol's resample multiplicities) fit in half of
    /// this machine's memory.
    func checkDesign(parameters count: Int, runs: Int, outputs: Int, paramsPath: String) throws(GEPError) {
        var bytes = Double(runs) * Double(2 * count + outputs) * Double(MemoryLayout<Double>.size)
        if method == "sobol" { bytes += Double(bootstrap) * Double(n) * Double(MemoryLayout<Int32>.size) }   // resample multiplicities
        let available = Double(ProcessInfo.processInfo.physicalMemory) / 2
        guard bytes <= available else {
            throw .usage("The \(method) design of \(runs) runs × \(count) parameters needs about \(Int((bytes / 1e9).rounded(.up))) GB",
                         hint: "this machine has \(Int(available * 2 / 1e9)) GB: lower --n")
        }
        let sequence = SobolSequence.maxDimension
        if method == "sobol" && 2 * count > sequence {
            throw .invalidData([Diagnostic(file: paramsPath, path: "parameters", message: "a Sobol analysis takes at most \(sequence / 2) parameters "
                + "(Saltelli's design uses two of the Sobol' sequence's \(sequence) dimensions per parameter); this file has \(count): "
                + "screen them with morris first and keep the influential ones")])
        }
        if method == "montecarlo" && sampler == .sobol && count > sequence {
            throw .invalidData([Diagnostic(file: paramsPath, path: "parameters", message: "Sobol' points have at most \(sequence) dimensions; "
                + "this file has \(count) parameters: use --sampler random")])
        }
    }

    /// Reads the method (first positional) and the options, refusing options of another method.
    static func read(_ arguments: ParsedArguments) throws(GEPError) -> SensitivitySettings {
        guard arguments.positionals.count == 2 else {
            throw .usage("Expected a method and an input", hint: "gep sensitivity tornado|montecarlo|morris|sobol INPUT --params FILE")
        }
        let method = arguments.positionals[0]
        guard methods.contains(method) else {
            throw .usage("Unknown method '\(method)'", hint: EditDistance.nearest(to: method, in: methods).map { "did you mean '\($0)'?" }
                         ?? "one of: \(methods.joined(separator: ", "))")
        }
        for (option, applies) in [("levels", "morris"), ("bootstrap", "sobol"), ("confidence", "sobol"), ("sampler", "montecarlo")]
        where arguments.value(option) != nil && method != applies {
            throw .usage("'--\(option)' applies to \(applies)", hint: "drop --\(option) for \(method)")
        }
        if arguments.value("chart") != nil && method == "morris" {
            throw .usage("'--chart' draws tornado, montecarlo and sobol results", hint: "drop --chart for morris")
        }
        func integer(_ name: String, _ fallback: Int, _ range: ClosedRange<Int>) throws(GEPError) -> Int {
            guard let text = arguments.value(name) else { return fallback }
            guard let value = Int(text), range.contains(value) else { throw .usage("Invalid value '\(text)' for '--\(name)'", hint: "a whole number in \(range)") }
            return value
        }
        let levels = try integer("levels", 4, 2...1000)
        guard levels % 2 == 0 else { throw .usage("Invalid value '\(levels)' for '--levels'", hint: "an even number of levels, e.g. 4 or 6") }
        let confidenceText = arguments.value("confidence") ?? "0.95"
        guard let confidence = Double(confidenceText), confidence >= 0.5 && confidence < 1 else {
            throw .usage("Invalid value '\(confidenceText)' for '--confidence'", hint: "a level in [0.5, 1), e.g. 0.9 or 0.95")
        }
        let seed = UInt64(try integer("seed", 2023, 0...Int.max))
        // Sobol's estimators need two base samples at least
        let n = try integer("n", method == "morris" ? 20 : 4096, (method == "sobol" ? 2 : 1)...10_000_000)
        return SensitivitySettings(method: method, n: n, seed: seed, levels: levels,
                                   bootstrap: try integer("bootstrap", 100, 10...100_000), confidence: confidence,
                                   sampler: arguments.value("sampler") == "random" ? .random(seed: seed) : .sobol,
                                   threads: try RasterOpening.threads(arguments), language: CommonOptions.language(arguments))
    }
}
