import Foundation
import GEPCore
@testable import GEPRaster
import Testing

@Suite("Georeferencing and nodata")
struct GeoreferenceTests {
    static func tiff(_ extra: [UInt16: TestTIFF.Value]) -> [UInt8] {
        var tiff = TestTIFF.image(width: 4, height: 3, bits: 8, format: 1, blocks: [[UInt8](repeating: 2, count: 12)])
        for (tag, value) in extra { tiff.tags[tag] = value }
        return tiff.build()
    }

    @Test("Pixel scale with a tiepoint away from the corner")
    func tiepoint() throws {
        let band = try GeoTIFFBand(bytes: Self.tiff([33550: .doubles([30, 20, 0]), 33922: .doubles([10, 5, 0, 1000, 2000, 0]),
                                                     34735: .shorts([1, 1, 0, 2, 1024, 0, 1, 1, 3072, 0, 1, 32650])]), name: "g.tif")
        #expect(band.geometry == GridGeometry(width: 4, height: 3, originX: 700, originY: 2100, cellWidth: 30, cellHeight: 20, epsg: 32650))
        #expect(band.hasGeoreference)
    }

    @Test("ModelTransformationTag: north-up accepted, rotation refused")
    func transformation() throws {
        let northUp = try GeoTIFFBand(bytes: Self.tiff([34264: .doubles([10, 0, 0, 500, 0, -20, 0, 800, 0, 0, 0, 0, 0, 0, 0, 1])]), name: "t.tif")
        #expect(northUp.geometry == GridGeometry(width: 4, height: 3, originX: 500, originY: 800, cellWidth: 10, cellHeight: 20, epsg: nil))
        TestSupport.expectInvalid("ModelTransformationTag describes a rotated grid") {
            _ = try GeoTIFFBand(bytes: Self.tiff([34264: .doubles([10, 0.5, 0, 500, 0, -20, 0, 800, 0, 0, 0, 0, 0, 0, 0, 1])]), name: "t.tif")
        }
        TestSupport.expectInvalid("is not north-up") {
            _ = try GeoTIFFBand(bytes: Self.tiff([34264: .doubles([10, 0, 0, 500, 0, 20, 0, 800, 0, 0, 0, 0, 0, 0, 0, 1])]), name: "t.tif")
        }
        TestSupport.expectInvalid("ModelPixelScaleTag (30.0, -30.0) is not a north-up grid") {
            _ = try GeoTIFFBand(bytes: Self.tiff([33550: .doubles([30, -30, 0]), 33922: .doubles([0, 0, 0, 0, 0, 0])]), name: "t.tif")
        }
        TestSupport.expectInvalid("georeferenced by 2 ground control points") {
            _ = try GeoTIFFBand(bytes: Self.tiff([33922: .doubles([0, 0, 0, 1, 2, 0, 3, 3, 0, 4, 5, 0])]), name: "t.tif")
        }
    }

    @Test("No georeferencing: origin (0, 0), 1 × 1 cells, no EPSG")
    func none() throws {
        let band = try GeoTIFFBand(bytes: Self.tiff([:]), name: "n.tif")
        #expect(band.geometry == GridGeometry(width: 4, height: 3, originX: 0, originY: 0, cellWidth: 1, cellHeight: 1, epsg: nil))
        #expect(!band.hasGeoreference && !band.description.hasGeoreference)
        #expect(band.nodata == nil)
        #expect(try TestSupport.readAll(band) == [Float](repeating: 2, count: 12))
    }

    @Test("EPSG codes from the keys")
    func epsg() throws {
        func code(_ keys: [UInt16]) throws -> Int? {
            try GeoTIFFBand(bytes: Self.tiff([34735: .shorts(keys)]), name: "k.tif").geometry.epsg
        }
        #expect(try code([1, 1, 0, 2, 1024, 0, 1, 2, 2048, 0, 1, 4490]) == 4490)
        #expect(try code([1, 1, 0, 1, 2048, 0, 1, 4326]) == 4326)
        #expect(try code([1, 1, 0, 2, 1024, 0, 1, 1, 3072, 0, 1, 32767]) == nil)
        #expect(try code([1, 1, 0, 3, 1024, 0, 1, 1, 2048, 0, 1, 4326, 3072, 0, 1, 4547]) == 4547)
        #expect(try code([1, 1, 0, 2, 1024, 0, 1, 1, 2048, 0, 1, 4326]) == nil)
        TestSupport.expectInvalid("declares 5 keys but holds only 8 values") { _ = try code([1, 1, 0, 5, 1024, 0, 1, 1]) }
    }

    @Test("GDAL_NODATA text forms")
    func nodataText() throws {
        func nodata(_ text: String) throws -> Double? {
            try GeoTIFFBand(bytes: Self.tiff([42113: .ascii(text)]), name: "n.tif").nodata
        }
        #expect(try nodata("nan")!.isNaN)
        #expect(try nodata("-9999") == -9999)
        #expect(try nodata("-3.4028234663852886e+38") == -3.4028234663852886e+38)
        #expect(try nodata(" 0 ") == 0)
        #expect(try nodata("-inf") == -.infinity)
        #expect(try nodata("") == nil)
        TestSupport.expectInvalid("GDAL_NODATA (42113) 'abc' is not a number") { _ = try nodata("abc") }
        #expect(GDALNoData.format(-9999) == "-9999")
        #expect(GDALNoData.format(.nan) == "nan")
        #expect(GDALNoData.format(-3.4028234663852886e+38) == "-3.4028234663852886e+38")
        #expect(GDALNoData.format(0.1) == "0.1")
    }

    @Test("Writer and reader agree on nodata and georeferencing",
          arguments: [(RasterDataType.float32, Double.nan), (.float32, -3.4028234663852886e+38), (.float32, -9999), (.float64, 1e-300),
                      (.uint8, 255), (.int16, -32768), (.uint32, 0)])
    func writerRoundTrip(_ dataType: RasterDataType, _ nodata: Double) throws {
        try TestSupport.withTemporaryDirectory { directory throws in
            let geometry = GridGeometry(width: 5, height: 4, originX: 243_000.5, originY: -12.25, cellWidth: 0.5, cellHeight: 2, epsg: 4547)
            try GeoTIFFWriter.write(path: "n.tif", relativeTo: directory, geometry: geometry, dataType: dataType, nodata: nodata,
                                    values: [Double](repeating: nodata.isNaN ? 1 : nodata, count: 20))
            let band = try GeoTIFFBand(path: "n.tif", relativeTo: directory)
            #expect(band.nodata.map { $0 == nodata || ($0.isNaN && nodata.isNaN) } == true)
            #expect(band.geometry == geometry)
            let statistics = try band.statistics()
            #expect(statistics.validCount == (nodata.isNaN ? 20 : 0))
        }
    }

    @Test("The writer records geographic and projected EPSG codes as GDAL expects")
    func crsModels() throws {
        try TestSupport.withTemporaryDirectory { directory throws in
            func keys(_ epsg: Int, _ model: GeoTIFFWriter.CRSModel = .automatic) throws -> [UInt64] {
                let geometry = GridGeometry(width: 2, height: 2, originX: 0, originY: 0, cellWidth: 1, cellHeight: 1, epsg: epsg)
                try GeoTIFFWriter.write(path: "k.tif", relativeTo: directory, geometry: geometry, nodata: nil, values: [Float](repeating: 0, count: 4),
                                        options: .init(crsModel: model))
                let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: directory + "/k.tif")))
                let directoryEntries = try TIFFDirectory(reader: TIFFReader(name: "k.tif", source: .memory(bytes)))
                #expect(try GeoTIFFBand(bytes: bytes, name: "k.tif").geometry.epsg == epsg)
                return try directoryEntries.unsignedIntegers(.geoKeyDirectory) ?? []
            }
            #expect(try keys(4326) == [1, 1, 0, 3, 1024, 0, 1, 2, 1025, 0, 1, 1, 2048, 0, 1, 4326])
            #expect(try keys(4490) == [1, 1, 0, 3, 1024, 0, 1, 2, 1025, 0, 1, 1, 2048, 0, 1, 4490])
            #expect(try keys(4547) == [1, 1, 0, 3, 1024, 0, 1, 1, 1025, 0, 1, 1, 3072, 0, 1, 4547])
            #expect(try keys(32650) == [1, 1, 0, 3, 1024, 0, 1, 1, 1025, 0, 1, 1, 3072, 0, 1, 32650])
            #expect(try keys(9999, .geographic)[4...7] == [1024, 0, 1, 2])
        }
    }
}
