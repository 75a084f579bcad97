import Foundation
import GEPCore
@testable import GEPRaster
import Testing

/// `readDoubles` returns zone codes that Float32 cannot hold exactly as GDAL wrote them
/// (fixtures and their values from `Fixtures/make_gdal_fixtures.py`), while `read` keeps
/// rounding them to Float as before.
@Suite struct ExactReadTests {
    /// The values GDAL was given for a fixture type: little-endian Float64, row-major.
    static func expected(_ kind: String) throws -> [Double] {
        let data = try Data(contentsOf: URL(fileURLWithPath: TestSupport.fixture("gdal_\(kind)_codes.f64")))
        return data.withUnsafeBytes { raw in (0..<(data.count / 8)).map { Double(bitPattern: UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: $0 * 8, as: UInt64.self))) } }
    }

    @Test(arguments: [
        ("gdal_le_int32_deflate_p2_tiled", "int32"), ("gdal_be_int32_lzw_p2_strips", "int32"), ("gdal_le_int32_none_strips", "int32"),
        ("gdal_le_uint32_lzw_p2_tiled", "uint32"), ("gdal_be_uint32_deflate_strips", "uint32"),
        ("gdal_le_float64_deflate_p3_tiled", "float64"), ("gdal_be_float64_lzw_p2_strips_bigtiff", "float64"), ("gdal_le_float64_none_tiled", "float64"),
    ])
    func codesComeBackExactly(file: String, kind: String) throws {
        let band = try GeoTIFFBand(path: TestSupport.fixture(file + ".tif"))
        let expected = try Self.expected(kind)
        #expect(band.geometry.width == 37 && band.geometry.height == 23)
        #expect(expected.contains { Double(Float($0)) != $0 }, "the fixture holds values Float32 rounds")
        var doubles = [Double](repeating: .nan, count: expected.count)
        try doubles.withUnsafeMutableBufferPointer { buffer throws(GEPError) in try band.readDoubles(rows: 0..<23, into: buffer) }
        #expect(doubles == expected)
        // a band of rows in the middle, across block boundaries
        var middle = [Double](repeating: .nan, count: 7 * 37)
        try middle.withUnsafeMutableBufferPointer { buffer throws(GEPError) in try band.readDoubles(rows: 9..<16, into: buffer) }
        #expect(middle == Array(expected[(9 * 37)..<(16 * 37)]))
        #expect(try band.readAll() == expected.map { Float($0) })
    }

    /// An ESRI ASCII grid keeps Float only: its exact read gives the Float values, as documented.
    @Test func asciiGridsGiveTheirFloatValues() throws {
        let band = try ESRIASCIIBand(path: TestSupport.fixture("gdal_int32_codes.asc"), relativeTo: "/")
        let expected = try Self.expected("int32")
        var doubles = [Double](repeating: .nan, count: expected.count)
        try doubles.withUnsafeMutableBufferPointer { buffer throws(GEPError) in try band.readDoubles(rows: 0..<23, into: buffer) }
        #expect(doubles == expected.map { Double(Float($0)) })
    }
}
