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
            soil, RUSLE and growing-stock rasters (GeoTIFF/BigTIFF or ESRI ASCII), a land-cover classes table mapping \
            codes to ecosystem types, zone sets (rasters, or GeoJSON/Shapefile polygons with id and name fields, \
            burnt onto the grid as gdal_rasterize does), and the county input whose methods and figures it uses where it \
            has no layer. Computes every service of the county account: the spatial ones cell by cell on all cores \
            (streaming the rasters band by band), the county totals scaled by the grid's share of each type's area; \
            values them with the coefficient sets; reports them by zone and class and beside the county account. \
            Every zone set's zones add up to the grid total. With --out, a second pass writes per-cell maps whose \
            cells × cell area add up to the account.
            """,
            arguments: [ArgumentSpec(name: "input", help: "The grid input file (JSON).")],
            options: [
                CommonOptions.coefficients, CommonOptions.set,
                OptionSpec(name: "prices", valueName: "basis", help: "current, or constant:YYYY.", defaultValue: "current"),
                RasterOpening.threadsOption,
                OptionSpec(name: "out", valueName: "dir",
                           help: "Write per-cell maps here (tiled DEFLATE Float32 GeoTIFFs georeferenced like the land cover): each service's value (CNY/ha) and headline quantity per ha, and gep_total (CNY/ha); maps.csv lists them with their units."),
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
        var outputs: OutputRasters?
        var writeMaps: (([GridMap]) throws(GEPError) -> GridRowsHandler)?
        if let out = arguments.value("out") {
            let geometry = try RasterOpening.open(input.layers["lulc"]!, relativeTo: "/").geometry
            writeMaps = { maps throws(GEPError) in
                let rasters = try OutputRasters(directory: out, relativeTo: context.workingDirectory, names: maps.map(\.name), geometry: geometry,
                                                nodata: Double(GridAccount.mapNodata))
                try rasters.write(text: GridReport.mapListing(maps), named: "maps.csv")
                outputs = rasters
                return rasters.handler
            }
        }
        let grid = try GridAccountRunner.run(input: input, classes: classes, coefficients: coefficients, priceBasis: basis, threads: threads,
                                             maps: writeMaps) { file throws(GEPError) in
            try RasterOpening.open(file, relativeTo: "/")
        }
        let text = GridReport.render(grid, format: CommonOptions.format(arguments, default: .table), language: CommonOptions.language(arguments))
        try CommonOptions.emit(text, arguments: arguments, context: context, rasters: outputs)
    }
}
