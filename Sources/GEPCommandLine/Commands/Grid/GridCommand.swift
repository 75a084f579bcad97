import Foundation
import GEPCore
import GEPGrid
import GEPReport

/// `gep grid`: the per-cell services of a raster grid, valued with the coefficient sets and
/// reported by zone and by land-cover class.
enum GridCommand: Command {
    static var spec: CommandSpec {
        CommandSpec(
            name: "grid",
            abstract: "Compute per-cell services over a raster grid and value them by zone and class.",
            discussion: """
            Reads a grid input file (see samples/lianping/grid/lianping-grid-2023.json) naming the land-cover, climate, \
            soil and RUSLE rasters (GeoTIFF/BigTIFF or ESRI ASCII), a land-cover classes table mapping codes to \
            ecosystem types, and zone rasters. Runs water conservation (water balance or Fu–Budyko water yield), \
            soil retention (RUSLE), carbon and oxygen per cell on all cores, streaming the rasters band by band, \
            and values them with the coefficient sets. The grid total equals the sum of every zone set's zones.
            """,
            arguments: [ArgumentSpec(name: "input", help: "The grid input file (JSON).")],
            options: [
                CommonOptions.coefficients, CommonOptions.set,
                OptionSpec(name: "prices", valueName: "basis", help: "current, or constant:YYYY.", defaultValue: "current"),
                RasterOpening.threadsOption,
                CommonOptions.format(default: .table), CommonOptions.language, CommonOptions.output,
            ])
    }

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(GEPError) {
        let threads = try RasterOpening.threads(arguments)
        _ = try CommonOptions.overrides(arguments)
        let path = arguments.positionals[0]
        let (input, classes) = try RasterOpening.gridInput(path, bytes: try InputFile.read(path, relativeTo: context.workingDirectory), context: context)
        let coefficients = try CommonOptions.effectiveCoefficients(setID: input.coefficientSet, namedIn: input.file, arguments: arguments, context: context)
        let basis = try CommonOptions.priceBasis(arguments, coefficients: coefficients)
        let grid = try GridAccountRunner.run(input: input, classes: classes, coefficients: coefficients, priceBasis: basis, threads: threads) { file throws(GEPError) in
            try RasterOpening.open(file, relativeTo: "/")
        }
        let text = GridReport.render(grid, format: CommonOptions.format(arguments, default: .table), language: CommonOptions.language(arguments))
        try CommonOptions.emit(text, arguments: arguments, context: context)
    }
}
