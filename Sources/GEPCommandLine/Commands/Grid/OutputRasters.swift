import Foundation
import GEPCore
import GEPGrid
import GEPRaster

/// Streams a kernel's per-cell output rows into one GeoTIFF per output (tiled, DEFLATE,
/// Float32, the input's georeferencing, nodata −1) in an `OutputDirectory`: the files appear
/// together when the run succeeds, and a failed run leaves no output behind (not even the
/// directory, when it did not exist).
final class OutputRasters: @unchecked Sendable {
    private let directory: OutputDirectory
    private var writers: [GeoTIFFWriter]

    /// Opens one writer per name for `directory`, which appears only at `commit()`.
    init(directory path: String, relativeTo workingDirectory: String, names: [String], geometry: GridGeometry, nodata: Double) throws(GEPError) {
        directory = try OutputDirectory(path: path, relativeTo: workingDirectory)
        var writers: [GeoTIFFWriter] = []
        for name in names {
            writers.append(try GeoTIFFWriter(path: directory.file(name + ".tif"), geometry: geometry, dataType: .float32, nodata: nodata))
        }
        self.writers = writers
    }

    /// The handler the engine calls with each band's output rows, in row order.
    var handler: GridRowsHandler {
        { [self] (rows: GridRows) throws(GEPError) in
            for index in writers.indices {
                try writers[index].append(rows: rows.outputs[index], count: rows.rows.count)
            }
        }
    }

    /// Writes a small text file (a listing of the rasters) beside them; it appears with them.
    func write(text: String, named name: String) throws(GEPError) {
        guard FileManager.default.createFile(atPath: directory.file(name), contents: Data(text.utf8)) else {
            throw .cannotCreateOutput(path: directory.file(name), reason: "cannot write the file")
        }
    }

    /// Finishes every file and puts the set in place (never over one of the command's inputs).
    func commit() throws(GEPError) {
        for writer in writers { try writer.finish() }
        try directory.commit(refusingInputs: true)
    }
}
