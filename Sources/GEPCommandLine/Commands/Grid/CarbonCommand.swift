import Foundation
import GEPCore
import GEPGrid
import GEPRaster
import GEPReport

/// `gep carbon`: InVEST 3.20's carbon storage and sequestration on rasters, with zone totals.
enum CarbonCommand: Command {
    static var spec: CommandSpec {
        CommandSpec(
            name: "carbon",
            abstract: "InVEST-compatible carbon storage (four pools) and sequestration, per zone and total.",
            discussion: """
            Storage per cell = (c_above + c_below + c_soil + c_dead) [Mg C/ha] × cell area [ha] for the current land \
            cover and, with --lulc-future, for the future one; sequestration = future − current. Totals in Mg C.
            """,
            options: [
                OptionSpec(name: "lulc", valueName: "file", help: "Current land-cover raster.", isRequired: true),
                OptionSpec(name: "lulc-future", valueName: "file", help: "Future land-cover raster (for sequestration)."),
                OptionSpec(name: "carbon-pools", valueName: "csv", help: "InVEST table: lucode, c_above, c_below, c_soil, c_dead (Mg C/ha).", isRequired: true),
                OptionSpec(name: "zones", valueName: "file", help: "Zone raster (integer ids; 0 or nodata = no zone)."),
                OptionSpec(name: "out", valueName: "dir", help: "Write per-cell carbon density GeoTIFFs here."),
                RasterOpening.threadsOption,
                OptionSpec(name: "format", valueName: "format", help: "Output format.", allowedValues: ["table", "json", "csv"], defaultValue: "table"),
                CommonOptions.output,
            ])
    }

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(GEPError) {
        let threads = try RasterOpening.threads(arguments)
        let directory = context.workingDirectory
        let pools = try CarbonPoolTable.load(try arguments.required("carbon-pools"), relativeTo: directory)
        let current = try RasterOpening.open(try arguments.required("lulc"), relativeTo: directory)
        let future = try arguments.value("lulc-future").map { path throws(GEPError) in try RasterOpening.open(path, relativeTo: directory) }
        let zones = try arguments.value("zones").map { path throws(GEPError) in try RasterOpening.open(path, relativeTo: directory) }
        var outputs: OutputRasters?
        if let out = arguments.value("out") {
            let names = future == nil ? [CarbonOutput.allCases[0].name] : CarbonOutput.allCases.map(\.name)
            outputs = try OutputRasters(directory: out, relativeTo: context.workingDirectory, names: names,
                                        geometry: current.geometry, nodata: Double(CarbonOutput.nodata))
        }
        let result = try CarbonModel(pools: pools).run(current: current, future: future, zones: zones,
                                                       engine: GridEngine(threadCount: threads), output: outputs?.handler)
        let text = CarbonReport.render(result, format: arguments.value("format") ?? "table")
        try CommonOptions.emit(text, arguments: arguments, context: context, rasters: outputs)
    }
}
