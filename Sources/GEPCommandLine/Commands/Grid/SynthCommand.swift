import Foundation
import GEPCore
import GEPGrid
import GEPRaster

/// `gep synth`: writes a deterministic, Lianping-like synthetic raster set.
enum SynthCommand: Command {
    static var spec: CommandSpec {
        CommandSpec(
            name: "synth",
            abstract: "Write a deterministic synthetic Lianping-like raster set (GeoTIFF).",
            discussion: """
            Land cover with the county's shares in coherent patches, rainfall and ET0 gradients, soils, RUSLE \
            factors, watersheds, townships, the area draining to the Xinfengjiang reservoir, and forest growing-stock \
            density at the start and end of the year (forest_stock_2022.tif, forest_stock_2023.tif, m³/ha, 0 off \
            forest), on 30 m cells in EPSG:32650, as tiled GeoTIFFs. The same rows, columns and seed give the same \
            files on every machine.
            """,
            options: [
                OptionSpec(name: "rows", valueName: "n", help: "Rows.", isRequired: true),
                OptionSpec(name: "cols", valueName: "n", help: "Columns.", isRequired: true),
                OptionSpec(name: "seed", valueName: "n", help: "Random seed.", defaultValue: "2023"),
                OptionSpec(name: "out", valueName: "dir", help: "Output directory (created if missing).", isRequired: true),
                OptionSpec(name: "compression", valueName: "codec", help: "Block compression.", allowedValues: ["deflate", "lzw", "packbits", "none"],
                           defaultValue: "deflate"),
            ])
    }

    static func run(_ arguments: ParsedArguments, context: CommandContext) throws(GEPError) {
        func size(_ name: String) throws(GEPError) -> Int {
            let text = try arguments.required(name)
            guard let value = Int(text), (1...200_000).contains(value) else {
                throw .usage("Invalid value '\(text)' for '--\(name)'", hint: "a whole number from 1 to 200000")
            }
            return value
        }
        let rows = try size("rows"), cols = try size("cols")
        guard Int64(rows) * Int64(cols) <= 400_000_000 else {
            throw .usage("A \(rows)×\(cols) synthetic grid is held in memory while it is written; keep it under 400 million cells")
        }
        let seedText = arguments.value("seed") ?? "2023"
        guard let seed = UInt64(seedText) else { throw .usage("Invalid value '\(seedText)' for '--seed'", hint: "a non-negative whole number") }
        let out = try arguments.required("out")
        let compression: GeoTIFFWriter.Compression = switch arguments.value("compression") ?? "deflate" {
        case "lzw": .lzw
        case "packbits": .packBits
        case "none": .none
        default: .deflate(level: 6)
        }
        let directory = try OutputDirectory(path: out, relativeTo: context.workingDirectory)
        let grid = SyntheticLianping.generate(rows: rows, cols: cols, seed: seed)
        for layer in SyntheticLayer.allCases {
            try GeoTIFFWriter.write(path: directory.file(layer.rawValue + ".tif"), geometry: grid.geometry, dataType: layer.dataType,
                                    nodata: layer.nodata, values: grid[layer], options: GeoTIFFWriter.Options(compression: compression))
        }
        try directory.commit(refusingInputs: true)
        context.stderr.write("wrote \(SyntheticLayer.allCases.count) layers of \(rows)×\(cols) cells to \(out)\n")
    }
}
