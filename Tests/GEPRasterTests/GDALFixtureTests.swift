import Foundation
import GEPCore
@testable import GEPRaster
import Testing

/// Reads the GeoTIFFs that GDAL 3.6.2 and InVEST 3.20.2 wrote for the small Lianping-like
/// reference grid, and small GDAL files covering big-endian data, predictors and the
/// GeoTIFF corner cases, checking them against independent copies of the data.
@Suite("GDAL-written files")
struct GDALFixtureTests {
    /// The ESRI ASCII copy of a layer (header, then rows top to bottom): values as parsed
    /// from text, for comparison only.
    static func asciiGrid(_ name: String) throws -> (columns: Int, rows: Int, values: [Double]) {
        let text = try String(contentsOfFile: TestSupport.fixture(name), encoding: .utf8)
        let tokens = text.split(whereSeparator: { $0 == " " || $0 == "\n" || $0 == "\r" })
        let columns = Int(tokens[1])!, rows = Int(tokens[3])!
        let values = tokens[12...].map { Double($0)! }
        #expect(values.count == columns * rows)
        return (columns, rows, values)
    }

    static let referenceGeometry = GridGeometry(width: 200, height: 200, originX: 243_000, originY: 2_701_000, cellWidth: 30, cellHeight: 30, epsg: 32650)

    @Test("lulc_cur.tif: Int32, 256 × 256 tiles, LZW; every cell and the class counts")
    func landCover() throws {
        let band = try GeoTIFFBand(path: TestSupport.fixture("lulc_cur.tif"))
        let description = band.description
        #expect(description.dataType == .int32)
        #expect(description.compression == "LZW (5)")
        #expect(description.tiled && description.blockWidth == 256 && description.blockHeight == 256 && description.blockCount == 1)
        #expect(!description.isBigTIFF && description.byteOrder == .littleEndian)
        #expect(description.fileSize == 13_797)
        #expect(band.nodata == -1)
        #expect(band.geometry == Self.referenceGeometry)
        #expect(band.hasGeoreference && description.epsg == 32650)

        let values = try TestSupport.readAll(band)
        let ascii = try Self.asciiGrid("lulc_cur.asc")
        #expect(values.map(Double.init) == ascii.values)
        var counts: [Int: Int] = [:]
        for value in values where value != -1 { counts[Int(value), default: 0] += 1 }
        #expect(counts == [1: 9769, 2: 11681, 3: 5791, 4: 2755, 5: 1997, 6: 800, 7: 3592, 8: 1194, 9: 600, 10: 1000])

        let statistics = try band.statistics()
        #expect(statistics.validCount == 39_179)
        #expect(statistics.nodataCount == 821)
        #expect(statistics.min == 1 && statistics.max == 10)
    }

    @Test("precip.tif: Float32 LZW; every cell, and the manifest's count, extremes and mean")
    func precipitation() throws {
        let band = try GeoTIFFBand(path: "precip.tif", relativeTo: TestSupport.fixture(""))
        #expect(band.dataType == .float32)
        #expect(band.nodata == -9999)
        #expect(band.geometry == Self.referenceGeometry)
        let values = try TestSupport.readAll(band)
        let ascii = try Self.asciiGrid("precip.asc")
        #expect(zip(values, ascii.values).allSatisfy { $0 == Float($1) })

        let statistics = try band.statistics()
        #expect(statistics.validCount == 39_733)
        #expect(statistics.nodataCount == 267)
        #expect(statistics.nanCount == 0)
        #expect(statistics.min == 1639.9000244140625)
        #expect(statistics.max == 1887.199951171875)
        #expect(abs(statistics.mean! - 1718.2343064178244) < 1e-9)
    }

    @Test("wyield.tif: InVEST's BigTIFF LZW output; probe pixels and the valid-pixel mean")
    func waterYield() throws {
        let band = try GeoTIFFBand(path: TestSupport.fixture("wyield.tif"))
        #expect(band.description.isBigTIFF)
        #expect(band.description.compression == "LZW (5)")
        #expect(band.nodata == -1)
        #expect(band.geometry == Self.referenceGeometry)
        let values = try TestSupport.readAll(band)
        for (row, column, expected) in [(161, 66, 831.1558837890625), (107, 127, 841.0701293945312), (182, 1, 741.643310546875),
                                        (96, 52, 829.80322265625), (35, 23, 1071.6641845703125), (133, 155, 662.4769287109375)] {
            #expect(Double(values[row * 200 + column]) == expected, "row \(row) column \(column)")
        }
        let statistics = try band.statistics()
        #expect(statistics.validCount == 38_362)
        #expect(abs(statistics.mean! - 914.3078065337904) < 1e-9)
        // Rows read in bands, as the engine does, match the whole read.
        var banded: [Float] = []
        for start in stride(from: 0, to: 200, by: 64) {
            banded += try TestSupport.read(band, rows: start..<min(start + 64, 200))
        }
        #expect(banded == values)
    }

    @Test("GDAL files in big-endian order, with predictors 2 and 3, BigTIFF, signed bytes",
          arguments: ["gdal_be_float32_lzw_p3_tiled", "gdal_be_float64_deflate_p3_strips_bigtiff", "gdal_be_int16_lzw_p2_strips",
                      "gdal_le_int8_deflate_p2_tiled", "gdal_be_uint32_none_strips"])
    func gdalVariants(_ name: String) throws {
        let band = try GeoTIFFBand(path: TestSupport.fixture(name + ".tif"))
        let expected = try Data(contentsOf: URL(fileURLWithPath: TestSupport.fixture(name + ".f32"))).withUnsafeBytes { Array($0.bindMemory(to: Float.self)) }
        let values = try TestSupport.readAll(band)
        #expect(values.count == expected.count)
        #expect(zip(values, expected).allSatisfy { same($0, $1) })
        #expect(band.nodata == 3)
        #expect(band.geometry == GridGeometry(width: 40, height: 30, originX: 500_000, originY: 3_000_000, cellWidth: 10, cellHeight: 10, epsg: 32650))
        #expect(band.description.byteOrder == (name.hasPrefix("gdal_be") ? .bigEndian : .littleEndian))
    }

    @Test("GDAL's PackBits files: bytes striped, big-endian Int16 tiled, Float32 with NaN; every cell",
          arguments: [("gdal_le_byte_packbits_strips", 255.0), ("gdal_be_int16_packbits_tiled", -1), ("gdal_le_float32_packbits_strips", -9999)])
    func gdalPackBits(_ name: String, _ nodata: Double) throws {
        let band = try GeoTIFFBand(path: TestSupport.fixture(name + ".tif"))
        let expected = try Data(contentsOf: URL(fileURLWithPath: TestSupport.fixture(name + ".f32"))).withUnsafeBytes { Array($0.bindMemory(to: Float.self)) }
        let values = try TestSupport.readAll(band)
        #expect(values.count == 45 * 21 && values.count == expected.count)
        #expect(zip(values, expected).allSatisfy { same($0, $1) })
        #expect(Set(expected).count > 20, "the fixture has runs and literal stretches")
        #expect(band.nodata == nodata)
        #expect(band.description.compression == "PackBits (32773)")
        #expect(band.geometry == GridGeometry(width: 45, height: 21, originX: 500_000, originY: 3_000_000, cellWidth: 30, cellHeight: 30, epsg: 32650))
        // a window across block rows, as the engine reads bands
        let window = try TestSupport.read(band, rows: 3..<13)
        #expect(zip(window, expected[(3 * 45)..<(13 * 45)]).allSatisfy { same($0, $1) })
    }

    @Test("PixelIsPoint moves the origin half a cell, as GDAL reports it; geographic EPSG")
    func pixelIsPoint() throws {
        let band = try GeoTIFFBand(path: TestSupport.fixture("gdal_pixelispoint.tif"))
        // The file's tiepoint is (113.5, 24.5); gdalinfo reports origin (113.25, 24.75).
        #expect(band.geometry == GridGeometry(width: 20, height: 10, originX: 113.25, originY: 24.75, cellWidth: 0.5, cellHeight: 0.5, epsg: 4490))
    }

    @Test("Sparse tiles (offset and byte count 0) read as nodata")
    func sparseTiles() throws {
        let band = try GeoTIFFBand(path: TestSupport.fixture("gdal_sparse.tif"))
        let values = try TestSupport.readAll(band)
        #expect(values.filter { $0 == 9 }.count == 100)
        #expect(values.filter { $0 == -5 }.count == 9900)
        #expect(values[45 * 100 + 45] == 9)
        #expect(band.geometry.epsg == nil)
    }
}
