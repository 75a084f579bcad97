import Foundation
import GEPCore
import GEPGrid
import GEPRaster
import GEPReport

/// `gep water-yield`: InVEST 3.20's Annual Water Yield on rasters, with zone totals.
enum WaterYieldCommand: Command {
    static var spec: CommandSpec {
        CommandSpec(
            name: "water-yield",
            abstract: "InVEST-compatible Annual Water Yield (Fu–Budyko) on rasters, with zone means and volumes.",
            discussion: """
            Computes per cell PET = Kc·ET0, AWC = min(root depth, soil depth)·PAWC, ω = min(Z·AWC/P + 1.25, 5), \
            AET from the Fu–Budyko curve (non-vegetated classes: min(Kc·ET0, P)), water yield = P − AET, exactly as \
            InVEST 3.20 does (P = 0 is nodata), and reports per zone and for the whole grid the means of P, PET, AET \
            and water yield (mm), the water-yield volume Σ wyield × cell area (m³) and the valid cells.
            """,
            options: [
                OptionSpec(name: "lulc", valueName: "file", help: "Land-cover raster (lucodes of the biophysical table).", isRequired: true),
                OptionSpec(name: "precipitation", valueName: "file", help: "Annual precipitation, mm.", isRequired: true),
                OptionSpec(name: "eto", valueName: "file", help: "Annual reference evapotranspiration ET0, mm.", isRequired: true),
                OptionSpec(name: "depth-to-root-rest-layer", valueName: "file", help: "Depth to the root-restricting layer, mm.", isRequired: true),
                OptionSpec(name: "pawc", valueName: "file", help: "Plant available water content, fraction.", isRequired: true),
                OptionSpec(name: "biophysical-table", valueName: "csv", help: "InVEST table: lucode, lulc_veg, root_depth (mm), kc.", isRequired: true),
                OptionSpec(name: "seasonality-constant", valueName: "z", help: "InVEST seasonality constant Z (> 0).", isRequired: true),
                OptionSpec(name: "watersheds", valueName: "file", help: "Zone raster (integer ids; 0 or nodata = no zone)."),
                OptionSpec(name: "out", valueName: "dir", help: "Write per-cell wyield, aet and fractp GeoTIFFs here."),
                RasterOpening.threadsOption,
                OptionSpec(name: "format", valueName: "format", help: "Output format.", allowedValues: ["table", "json", "csv"], defaultValue: "table"),
                CommonOptions.output,
            ])
    }

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(GEPError) {
        let zText = try arguments.required("seasonality-constant")
        guard let z = Double(zText), z.isFinite, z > 0 else {
            throw .usage("Invalid value '\(zText.echoed())' for '--seasonality-constant'", hint: "a number greater than 0, e.g. 5")
        }
        let threads = try RasterOpening.threads(arguments)
        let directory = context.workingDirectory
        let table = try BiophysicalTable.load(try arguments.required("biophysical-table"), relativeTo: directory)
        let model = try WaterYieldModel(table: table, seasonalityConstant: z)
        let layers = WaterYieldLayers(
            landCover: try RasterOpening.open(try arguments.required("lulc"), relativeTo: directory),
            precipitation: try RasterOpening.open(try arguments.required("precipitation"), relativeTo: directory),
            referenceET: try RasterOpening.open(try arguments.required("eto"), relativeTo: directory),
            rootRestrictingDepth: try RasterOpening.open(try arguments.required("depth-to-root-rest-layer"), relativeTo: directory),
            plantAvailableWater: try RasterOpening.open(try arguments.required("pawc"), relativeTo: directory))
        let zones = try arguments.value("watersheds").map { path throws(GEPError) in try RasterOpening.open(path, relativeTo: directory) }
        var outputs: OutputRasters?
        if let out = arguments.value("out") {
            outputs = try OutputRasters(directory: out, relativeTo: context.workingDirectory,
                                        names: WaterYieldOutput.allCases.map(\.name), geometry: layers.landCover.geometry,
                                        nodata: Double(WaterYieldOutput.nodata))
        }
        let result = try model.run(layers, zones: zones, engine: GridEngine(threadCount: threads), output: outputs?.handler)
        let text = WaterYieldReport.render(result, format: arguments.value("format") ?? "table")
        try CommonOptions.emit(text, arguments: arguments, context: context, rasters: outputs)
    }
}
