import Foundation
import GEPCore
@testable import GEPRaster
import Testing

@Suite("Statistics")
struct StatisticsTests {
    static func band(_ values: [Double], dataType: RasterDataType, nodata: Double?) throws -> RasterStatistics {
        try TestSupport.withTemporaryDirectory { directory throws in
            let geometry = GridGeometry(width: values.count, height: 1, originX: 0, originY: 0, cellWidth: 1, cellHeight: 1, epsg: nil)
            try GeoTIFFWriter.write(path: "s.tif", relativeTo: directory, geometry: geometry, dataType: dataType, nodata: nodata, values: values)
            return try GeoTIFFBand(path: "s.tif", relativeTo: directory).statistics()
        }
    }

    @Test("NaN is always nodata; the declared value matches in the band's precision; ±inf is counted apart")
    func floats() throws {
        let values: [Double] = [1, 2, .nan, -9999.9, 4, .infinity, .nan, -.infinity]
        let statistics = try Self.band(values, dataType: .float32, nodata: -9999.9)
        #expect(statistics.validCount == 3)
        #expect(statistics.nodataCount == 3)
        #expect(statistics.nanCount == 2)
        #expect(statistics.infiniteCount == 2)
        #expect(statistics.min == 1 && statistics.max == 4 && statistics.sum == 7, "the extremes and sum are over the finite values")

        let nanNodata = try Self.band([1, .nan, 3], dataType: .float64, nodata: .nan)
        #expect(nanNodata == RasterStatistics(validCount: 2, nodataCount: 1, nanCount: 1, min: 1, max: 3, mean: 2, sum: 4))
    }

    @Test("Integer sums are exact in Double; no valid cell gives no extremes")
    func integers() throws {
        let values = [Double](repeating: 2_147_483_000, count: 9) + [-1]
        let statistics = try Self.band(values, dataType: .int32, nodata: -1)
        #expect(statistics.sum == 9 * 2_147_483_000)
        #expect(statistics.mean == 2_147_483_000)
        #expect(statistics.validCount == 9 && statistics.nodataCount == 1 && statistics.nanCount == 0)

        let empty = try Self.band([7, 7], dataType: .uint8, nodata: 7)
        #expect(empty == RasterStatistics(validCount: 0, nodataCount: 2, nanCount: 0, min: nil, max: nil, mean: nil, sum: 0))
    }

    @Test("Reads from many threads at once agree")
    func concurrentReads() throws {
        let band = try GeoTIFFBand(path: TestSupport.fixture("wyield.tif"))
        let whole = try TestSupport.readAll(band)
        let results = UnsafeMutableBufferPointer<Float>.allocate(capacity: whole.count)
        defer { results.deallocate() }
        nonisolated(unsafe) let output = results
        DispatchQueue.concurrentPerform(iterations: 25) { chunk in
            let rows = chunk * 8..<chunk * 8 + 8
            try? band.read(rows: rows, into: UnsafeMutableBufferPointer(rebasing: output[rows.lowerBound * 200..<rows.upperBound * 200]))
        }
        #expect(Array(results) == whole)
    }
}
