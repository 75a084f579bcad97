import Foundation
import GEPCore
import GEPGrid
import GEPRaster

/// Opens raster layers by file extension: `.asc` as ESRI ASCII grids, anything else as
/// GeoTIFF/BigTIFF.
enum RasterOpening {
    /// Opens `path` (relative paths resolve against `directory`).
    static func open(_ path: String, relativeTo directory: String) throws(GEPError) -> any RasterBand {
        if path.lowercased().hasSuffix(".asc") { return try ESRIASCIIBand(path: path, relativeTo: directory) }
        return try GeoTIFFBand(path: path, relativeTo: directory)
    }

    /// A grid input read from `bytes` (the file at `path`, relative to the working directory;
    /// its layers resolve against its own folder) and its land-cover classes table.
    static func gridInput(_ path: String, bytes: [UInt8], context: CommandContext) throws(GEPError) -> (GridInput, LandCoverClasses) {
        let input = try InputKind.parsing(bytes, file: path, expected: [.gridInput], command: "gep grid") { () throws(GEPError) in
            try GridInput.parse(bytes, file: path, directory: context.directory(of: path))
        }.readingCounty()
        let classes = try LandCoverClasses.parse(try input.readClasses(), file: input.classesPath)
        return (input, classes)
    }

    /// The `--threads` option.
    static let threadsOption = OptionSpec(name: "threads", valueName: "n", help: "Worker threads (default: all cores); results are identical for any count.")

    /// The `--threads` value, or all cores.
    static func threads(_ arguments: ParsedArguments) throws(GEPError) -> Int {
        guard let text = arguments.value("threads") else { return ProcessInfo.processInfo.activeProcessorCount }
        guard let value = Int(text), (1...1024).contains(value) else {
            throw .usage("Invalid value '\(text)' for '--threads'", hint: "give a whole number of threads from 1 to 1024")
        }
        return value
    }
}
