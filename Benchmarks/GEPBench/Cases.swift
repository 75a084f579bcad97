import Foundation
import GEPAnalysis
import GEPCore
import GEPReport
import GEPSensitivity
import GEPServices

/// The benchmark cases for the county account, on the bundled Lianping sample.
enum Cases {
    static func all(repository: String) throws -> [BenchmarkCase] {
        let inputPath = repository + "/samples/lianping/lianping-2023.json"
        let bytes = try InputFile.read(inputPath, relativeTo: "/")
        let library = try CoefficientLibrary.load(directory: repository + "/coefficients")
        let input = try CountyInput.parse(bytes, file: inputPath)
        let effective = try EffectiveCoefficients.resolve(library: library, setID: input.coefficientSet)
        let account = try AccountBuilder.build(input: input, coefficients: effective)
        let prices = try SensitivityParameters.parse(try InputFile.read(repository + "/samples/lianping/sensitivity/prices.json", relativeTo: "/"),
                                                     file: "prices.json", coefficients: effective)
        let priceModel = try AccountModel(input: input, coefficients: effective, parameters: prices)
        let threads = ProcessInfo.processInfo.activeProcessorCount
        return [
            // Sobol design on the Lianping account, 10 prices: N = 65,536 → N·(D+2) = 786,432 dot-product runs,
            // S1/ST with 100 bootstrap resamples, all cores (the target: < 0.5 s; SALib ≈ 5.5 s quoted).
            BenchmarkCase(name: "sensitivity.sobol_prices_65536", unit: "designs", itemsPerRun: 1) {
                sobolAnalysis(priceModel, distributions: prices.map(\.distribution), baseSamples: 65_536, bootstrap: 100,
                              seed: 2023, threads: threads).firstOrder[0][0]
            },
            BenchmarkCase(name: "coefficients.load", unit: "libraries", itemsPerRun: 1) {
                Double(try CoefficientLibrary.load(directory: repository + "/coefficients").sets.count)
            },
            BenchmarkCase(name: "input.parse", unit: "inputs", itemsPerRun: 1) {
                try CountyInput.parse(bytes, file: inputPath).area.value
            },
            BenchmarkCase(name: "account.build", unit: "accounts", itemsPerRun: 1) {
                try AccountBuilder.build(input: input, coefficients: effective).total
            },
            BenchmarkCase(name: "account.build+set", unit: "accounts", itemsPerRun: 1) {
                // one what-if: a changed price, resolved and rebuilt (what --set does)
                try AccountBuilder.build(input: input, coefficients: effective.replacing("price.carbon", value: 136.2)).total
            },
            BenchmarkCase(name: "render.json", unit: "reports", itemsPerRun: 1) {
                Double(AccountJSON.render(account).utf8.count)
            },
            BenchmarkCase(name: "render.table", unit: "reports", itemsPerRun: 1) {
                Double(AccountTable.render(account, language: .zh).utf8.count)
            },
            BenchmarkCase(name: "end_to_end.account", unit: "accounts", itemsPerRun: 1) {
                let library = try CoefficientLibrary.load(directory: repository + "/coefficients")
                let input = try CountyInput.parse(bytes, file: inputPath)
                let effective = try EffectiveCoefficients.resolve(library: library, setID: input.coefficientSet)
                return Double(AccountJSON.render(try AccountBuilder.build(input: input, coefficients: effective)).utf8.count)
            },
        ]
    }
}
