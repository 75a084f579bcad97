import Foundation
import GEPAnalysis
import GEPCore
import GEPGrid
import GEPRaster
import GEPSensitivity

/// The grid account's inputs apart from the rasters: the committed sample's input file
/// (`samples/lianping/grid/lianping-grid-2023.json`: water yield, RUSLE soil retention,
/// carbon and oxygen; zones townships, sub-watersheds and Xinfengjiang), its classes
/// table and the `lianping` coefficient set.
struct GridAccountSetup {
    var repository: String
    var input: GridInput
    var classes: LandCoverClasses
    var coefficients: EffectiveCoefficients

    static func load(repository: String) throws -> GridAccountSetup {
        let directory = repository + "/samples/lianping/grid"
        let path = directory + "/lianping-grid-2023.json"
        let input = try GridInput.parse(try InputFile.read(path, relativeTo: "/"), file: path, directory: directory).readingCounty()
        let classes = try LandCoverClasses.parse(try InputFile.read(input.classesPath, relativeTo: "/"), file: input.classesPath)
        let library = try CoefficientLibrary.load(directory: repository + "/coefficients")
        let coefficients = try EffectiveCoefficients.resolve(library: library, setID: input.coefficientSet)
        return GridAccountSetup(repository: repository, input: input, classes: classes, coefficients: coefficients)
    }
}

/// The multi-service grid account on a synthetic grid held in memory.
enum GridAccountCases {
    /// `kernel.grid_account`: `GridAccountRunner.run` with the sample's input (every service of its
    /// county input: water balance, RUSLE, storm, cooling, evaporation and stock-change drivers
    /// folded per cell) and zones,
    /// its `open` closure handing out the fixture's in-memory bands by file stem
    /// (`precip.tif` → the `precip` layer…).
    static func kernel(size: GridSize, threads: Int, fixture: SyntheticFixture, setup: GridAccountSetup) -> BenchmarkCase {
        .grid("kernel.grid_account", size: size, threads: threads,
              note: "all 16 services (water balance, RUSLE, stock change per cell); zones townships, subwatershed, xinfengjiang",
              setUp: { fixture.prepare() }) {
            let account = try GridAccountRunner.run(input: setup.input, classes: setup.classes, coefficients: setup.coefficients,
                                                    threads: threads) { path throws(GEPError) in try band(fixture, path) }
            return account.account.total
        }
    }

    /// The fixture's in-memory band for a layer file of the sample input, by file stem
    /// (`precip.tif` → the `precip` layer…).
    static func band(_ fixture: SyntheticFixture, _ path: String) throws(GEPError) -> any RasterBand {
        let stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
        guard let layer = SyntheticLayer(rawValue: stem) else {
            throw .invalidData([Diagnostic(file: path, message: "no synthetic layer named '\(stem)'")])
        }
        return fixture.band(layer)
    }

    /// `band(fixture, _)` for every layer of the sample input, as a closure that runs may share.
    static func opener(_ fixture: SyntheticFixture, _ input: GridInput) throws -> @Sendable (String) throws(GEPError) -> any RasterBand {
        var bands: [String: any RasterBand] = [:]
        for path in Array(input.layers.values) + input.zones.map(\.path) { bands[path] = try band(fixture, path) }
        let resolved = bands
        return { path throws(GEPError) in
            guard let band = resolved[path] else { throw .invalidData([Diagnostic(file: path, message: "not a layer of the sample input")]) }
            return band
        }
    }

    /// Sensitivity designs on the grid account with `samples/lianping/sensitivity/grid.json`
    /// (14 parameters: prices, soil valuation, Z, Kc, root depth, α, C, P, carbon rate), side by
    /// side: every run rebuilding the whole grid account (`GridAccountRunner.run`, layers already
    /// in memory) against `IncrementalGridAccount` (only the parts whose coefficients changed are
    /// folded). Both evaluate the same design on all cores, one thread per run, and must agree.
    static func sensitivity(size: GridSize, fixture: SyntheticFixture, setup: GridAccountSetup, results: DesignOutputs) throws -> [BenchmarkCase] {
        let path = setup.repository + "/samples/lianping/sensitivity/grid.json"
        let parameters = try SensitivityParameters.parse(try InputFile.read(path, relativeTo: "/"), file: path, coefficients: setup.coefficients)
        let distributions = parameters.map(\.distribution)
        let threads = ProcessInfo.processInfo.activeProcessorCount
        let rebuild = { () throws -> AccountModel in
            let open = try opener(fixture, setup.input)
            let base = try GridAccountRunner.run(input: setup.input, classes: setup.classes, coefficients: setup.coefficients, threads: threads, open: open)
            return try AccountModel(gridAccount: base.account, file: path, coefficients: setup.coefficients, parameters: parameters) { changed throws(GEPError) in
                try GridAccountRunner.run(input: setup.input, classes: setup.classes, coefficients: changed, threads: 1, open: open).account
            }
        }
        let incremental = { () throws -> AccountModel in
            let open = try opener(fixture, setup.input)
            let grid = try IncrementalGridAccount(input: setup.input, classes: setup.classes, coefficients: setup.coefficients, threads: threads, open: open)
            return try AccountModel(gridAccount: grid.base.account, file: path, coefficients: setup.coefficients, parameters: parameters) { changed throws(GEPError) in
                try grid.account(coefficients: changed).account
            }
        }
        let d = parameters.count, trajectories = 4, baseSamples = 8
        func design(_ name: String, _ kind: String, runs: Int, _ make: @escaping () throws -> AccountModel,
                    _ analyse: @escaping (AccountModel) -> [Double]) -> BenchmarkCase {
            BenchmarkCase(name: "sensitivity.grid_\(name)/\(size)", unit: "runs", itemsPerRun: Double(runs), family: "sensitivity.grid_\(name)",
                          size: size, threads: threads, note: "\(kind), \(runs) runs (setup included)", setUp: { fixture.prepare() }) {
                let outputs = analyse(try make())
                results.store(name, outputs)
                return outputs[0]
            }
        }
        let morrisRuns = trajectories * (d + 1), sobolRuns = baseSamples * (d + 2)
        let morrisDesign = { (model: AccountModel) in
            morris(model, distributions: distributions, trajectories: trajectories, seed: 2023, threads: threads).indices.flatMap { $0.map(\.muStar) }
        }
        let sobolDesign = { (model: AccountModel) in
            sobolAnalysis(model, distributions: distributions, baseSamples: baseSamples, seed: 2023, threads: threads).total.flatMap { $0 }
        }
        let seasonalityPath = setup.repository + "/samples/lianping/sensitivity/grid-seasonality.json"
        let seasonality = try SensitivityParameters.parse(try InputFile.read(seasonalityPath, relativeTo: "/"), file: seasonalityPath,
                                                          coefficients: setup.coefficients)
        let draws = 40
        let monteCarloCase = BenchmarkCase(name: "montecarlo.grid_account_z/\(size)", unit: "draws", itemsPerRun: Double(draws),
                                           family: "montecarlo.grid_account_z", size: size, threads: threads,
                                           note: "grid-seasonality.json, \(draws) draws per sample, setup included; ×60 = draws per minute",
                                           setUp: { fixture.prepare() }) {
            let open = try opener(fixture, setup.input)
            let grid = try IncrementalGridAccount(input: setup.input, classes: setup.classes, coefficients: setup.coefficients, threads: threads, open: open)
            let model = try AccountModel(gridAccount: grid.base.account, file: seasonalityPath, coefficients: setup.coefficients,
                                         parameters: seasonality) { changed throws(GEPError) in try grid.account(coefficients: changed).account }
            return monteCarlo(model, distributions: seasonality.map(\.distribution), samples: draws, sampler: .random(seed: 2023), threads: threads).summaries[0].mean
        }
        return [
            monteCarloCase,
            design("morris_rebuild", "Morris r = \(trajectories), rebuild per run", runs: morrisRuns, rebuild, morrisDesign),
            design("morris_incremental", "Morris r = \(trajectories), changed parts only", runs: morrisRuns, incremental, morrisDesign),
            design("sobol_rebuild", "Sobol N = \(baseSamples), rebuild per run", runs: sobolRuns, rebuild, sobolDesign),
            design("sobol_incremental", "Sobol N = \(baseSamples), changed parts only", runs: sobolRuns, incremental, sobolDesign),
        ]
    }
}

/// The indices each design case computed last, to check the two paths against each other.
final class DesignOutputs: @unchecked Sendable {
    private let lock = NSLock()
    private var byName: [String: [Double]] = [:]

    func store(_ name: String, _ outputs: [Double]) { lock.withLock { byName[name] = outputs } }

    /// Notes whether each design's two paths gave the same indices, bit for bit.
    func check(_ notes: RunNotes, size: GridSize) {
        for design in ["morris", "sobol"] {
            guard let rebuilt = lock.withLock({ byName["\(design)_rebuild"] }), let incremental = lock.withLock({ byName["\(design)_incremental"] }) else { continue }
            notes.check("sensitivity.grid_\(design) \(size): rebuild vs incremental", rebuilt.elementsEqual(incremental) { $0.bitPattern == $1.bitPattern },
                        "\(rebuilt.count) indices equal bit for bit")
        }
    }
}
