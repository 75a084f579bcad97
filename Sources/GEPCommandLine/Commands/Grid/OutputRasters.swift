import Foundation
import GEPCore
import GEPGrid
import GEPRaster

/// Streams a kernel's per-cell output rows into one GeoTIFF per output (tiled, DEFLATE,
/// Float32, the input's georeferencing, nodata −1), committing the files only when the run
/// succeeds: a failed run leaves no output file behind.
final class OutputRasters: @unchecked Sendable {
    private var writers: [GeoTIFFWriter]
    private var failure: GEPError?

    /// Opens one writer per name in `directory` (created if missing).
    init(directory: String, names: [String], geometry: GridGeometry, nodata: Double) throws(GEPError) {
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        } catch {
            throw .cannotCreateOutput(path: directory, reason: "cannot create the directory")
        }
        var writers: [GeoTIFFWriter] = []
        for name in names {
            writers.append(try GeoTIFFWriter(path: directory + "/" + name + ".tif", geometry: geometry, dataType: .float32, nodata: nodata))
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

    /// Renames every file into place.
    func commit() throws(GEPError) {
        for writer in writers { try writer.finish() }
    }
}
