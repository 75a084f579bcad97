import GEPCore
import GEPRaster
import GEPReport

/// `gep raster info`: what a raster file holds and how it is stored.
enum RasterInfoCommand: Command {
    static var spec: CommandSpec {
        CommandSpec(
            name: "info",
            abstract: "Describe a raster: size, cell size, origin, CRS, type, nodata, blocks, compression, statistics.",
            arguments: [ArgumentSpec(name: "file", help: "A GeoTIFF/BigTIFF or ESRI ASCII grid.")],
            options: [
                OptionSpec(name: "stats", help: "Also read every cell: valid and nodata counts, min, max, mean, sum."),
                OptionSpec(name: "format", valueName: "format", help: "Output format.", allowedValues: ["table", "json"], defaultValue: "table"),
            ])
    }

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(GEPError) {
        let path = arguments.positionals[0]
        let band = try RasterOpening.open(path, relativeTo: context.workingDirectory)
        let statistics = arguments.flag("stats") ? try RasterStatistics.compute(band) : nil
        let json = arguments.value("format") == "json"
        context.stdout.write(RasterInfoReport.render(path: path, band: band, statistics: statistics, json: json))
    }
}
