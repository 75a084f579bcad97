// libFuzzer entry point for the raster readers. Built and run by `Tests/Fuzz/run.sh`
// (not part of the SwiftPM package): bytes go to the GeoTIFF reader and to the ESRI ASCII
// grid reader from memory, which must either reject them with a `GEPError` or read every
// row, without trapping, leaking or touching memory it does not own.

import GEPCore
import GEPRaster

/// Largest decoded block (in bytes) and block row (in cells) the harness decodes. The
/// reader accepts blocks up to 1 GiB, which a few bytes can claim for a sparse block;
/// decoding those is correct but would make each run slow, so they are only opened.
private let harnessBlockBytes = 64 << 20
private let harnessBlockRowCells = 16 << 20

@_cdecl("LLVMFuzzerTestOneInput")
public func rasterFuzzTestOneInput(_ data: UnsafePointer<UInt8>, _ size: Int) -> Int32 {
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    fuzzGeoTIFF(bytes)
    fuzzASCIIGrid(bytes)
    return 0
}

/// Opens `bytes` as a GeoTIFF and, when it opens, reads every block row and the statistics.
private func fuzzGeoTIFF(_ bytes: [UInt8]) {
    let band: GeoTIFFBand
    do {
        band = try GeoTIFFBand(bytes: bytes, name: "fuzz.tif")
    } catch {
        return
    }
    let description = band.description
    let rows = min(band.blockHeight, band.geometry.height)
    guard description.blockWidth * description.blockHeight * description.dataType.byteCount <= harnessBlockBytes,
          band.geometry.width * rows <= harnessBlockRowCells else { return }
    let buffer = UnsafeMutableBufferPointer<Float>.allocate(capacity: band.geometry.width * rows)
    defer { buffer.deallocate() }
    do {
        for blockRow in 0..<band.blockRowCount {
            try band.readBlockRow(blockRow, into: buffer)
        }
        if band.geometry.height > 1 {
            // An unaligned window crossing block rows.
            let window = 1..<min(band.geometry.height, rows + 1)
            if window.count <= rows {
                try band.read(rows: window, into: buffer)
            }
        }
        _ = try band.statistics()
    } catch {
        return
    }
}

/// Parses `bytes` as an ESRI ASCII grid and, when it parses, reads every row and the statistics.
private func fuzzASCIIGrid(_ bytes: [UInt8]) {
    guard let band = try? ESRIASCIIBand(parsing: bytes, name: "fuzz.asc"), band.geometry.width <= harnessBlockRowCells else { return }
    let buffer = UnsafeMutableBufferPointer<Float>.allocate(capacity: max(1, band.geometry.width))
    defer { buffer.deallocate() }
    for row in 0..<band.geometry.height {
        try? band.read(rows: row..<(row + 1), into: buffer)
    }
    _ = try? RasterStatistics.compute(band)
}
