import Foundation
import GEPCore
import GEPGrid
import GEPRaster

/// The grid account's inputs apart from the rasters: the committed sample's input file
/// (`samples/lianping/grid/lianping-grid-2023.json`: water yield, RUSLE soil retention,
/// carbon and oxygen; zones townships, sub-watersheds and Xinfengjiang), its classes
/// table and the `lianping` coefficient set.
struct GridAccountSetup {
    var input: GridInput
    var classes: LandCoverClasses
    var coefficients: EffectiveCoefficients

    static func load(repository: String) throws -> GridAccountSetup {
        let directory = repository + "/samples/lianping/grid"
        let path = directory + "/lianping-grid-2023.json"
        let input = try GridInput.parse(try InputFile.read(path, relativeTo: "/"), file: path, directory: directory)
        let classes = try LandCoverClasses.parse(try InputFile.read(input.classesPath, relativeTo: "/"), file: input.classesPath)
        let library = try CoefficientLibrary.load(directory: repository + "/coefficients")
        let coefficients = try EffectiveCoefficients.resolve(library: library, setID: input.coefficientSet)
        return GridAccountSetup(input: input, classes: classes, coefficients: coefficients)
    }
}

/// The multi-service grid account on a synthetic grid held in memory.
enum GridAccountCases {
    /// `kernel.grid_account`: `GridAccountRunner.run` with the sample's services and zones,
    /// its `open` closure handing out the fixture's in-memory bands by file stem
    /// (`precip.tif` → the `precip` layer…).
    static func kernel(size: GridSize, threads: Int, fixture: SyntheticFixture, setup: GridAccountSetup) -> BenchmarkCase {
        .grid("kernel.grid_account", size: size, threads: threads,
              note: "water_yield + RUSLE + carbon + oxygen; zones townships, subwatershed, xinfengjiang",
              setUp: { fixture.prepare() }) {
            let account = try GridAccountRunner.run(input: setup.input, classes: setup.classes, coefficients: setup.coefficients,
                                                    threads: threads) { path throws(GEPError) in
                let stem = ((path as NSString).lastPathComponent as NSString).deletingPathExtension
                guard let layer = SyntheticLayer(rawValue: stem) else {
                    throw .invalidData([Diagnostic(file: path, message: "no synthetic layer named '\(stem)'")])
                }
                return fixture.band(layer)
            }
            return account.account.total
        }
    }
}
