import Foundation
import GEPCore
@testable import GEPRaster
import Testing

/// One writer configuration to round-trip.
struct RoundTripCase: Sendable, CustomTestStringConvertible {
    let dataType: RasterDataType
    let compression: GeoTIFFWriter.Compression
    let predictor: Int
    let tiled: Bool
    let bigTIFF: Bool

    var testDescription: String {
        "\(dataType.rawValue) \(compression) predictor \(predictor) \(tiled ? "tiled" : "striped") \(bigTIFF ? "BigTIFF" : "classic")"
    }

    /// Every data type × compression × predictor × layout × container.
    static let all: [RoundTripCase] = RasterDataType.allCases.flatMap { dataType in
        [GeoTIFFWriter.Compression.none, .lzw, .deflate(level: 6), .packBits].flatMap { compression in
            (dataType.isFloatingPoint ? [1, 2, 3] : [1, 2]).flatMap { predictor in
                [true, false].flatMap { tiled in
                    [false, true].map { bigTIFF in
                        RoundTripCase(dataType: dataType, compression: compression, predictor: predictor, tiled: tiled, bigTIFF: bigTIFF)
                    }
                }
            }
        }
    }
}

/// Values of `dataType` that survive `Float` exactly (except float64, which needs the
/// `Double` path): extremes, runs of repeats for LZW, random values, and for floats NaN,
/// infinities, signed zero and subnormals.
func sampleValues(_ dataType: RasterDataType, count: Int, seed: UInt64) -> [Double] {
    var generator = SplitMix64(seed: seed)
    let special: [Double] = switch dataType {
    case .uint8: [0, 255, 1, 254]
    case .int8: [-128, 127, 0, -1]
    case .uint16: [0, 65535, 1, 32768]
    case .int16: [-32768, 32767, 0, -1]
    case .uint32: [0, 4_294_967_040, 16_777_216, 1]
    case .int32: [-2_147_483_648, 2_147_483_520, 0, -1]
    case .float32: [.nan, .infinity, -.infinity, -0.0, Double(Float.leastNonzeroMagnitude), Double(Float.greatestFiniteMagnitude), -9999]
    case .float64: [.nan, .infinity, -.infinity, -0.0, .leastNonzeroMagnitude, .greatestFiniteMagnitude, 0.1, -1e300]
    }
    var values: [Double] = []
    while values.count < count {
        switch values.count % 50 {
        case 0..<special.count:
            values.append(special[values.count % 50])
        case 20..<30:
            values.append(values.last ?? 0)
        default:
            let value: Double = switch dataType {
            case .uint8: Double(UInt8.random(in: 0...255, using: &generator))
            case .int8: Double(Int8.random(in: -128...127, using: &generator))
            case .uint16: Double(UInt16.random(in: 0...65535, using: &generator))
            case .int16: Double(Int16.random(in: -32768...32767, using: &generator))
            case .uint32: Double(UInt32.random(in: 0...16_777_216, using: &generator))
            case .int32: Double(Int32.random(in: -16_777_216...16_777_216, using: &generator))
            case .float32: Double(Float.random(in: -5000...5000, using: &generator))
            case .float64: Double.random(in: -1e6...1e6, using: &generator)
            }
            values.append(value)
        }
    }
    return values
}

/// Whether two floats are equal, NaN matching NaN and zeros matching by sign.
func same(_ a: Float, _ b: Float) -> Bool {
    (a.isNaN && b.isNaN) || (a == b && a.sign == b.sign)
}

@Suite("Write then read every encoding")
struct RoundTripTests {
    static let geometry = GridGeometry(width: 37, height: 23, originX: 243_000, originY: 2_701_000, cellWidth: 30, cellHeight: 30, epsg: 32650)

    @Test(arguments: RoundTripCase.all)
    func roundTrip(_ testCase: RoundTripCase) throws {
        let geometry = Self.geometry
        let values = sampleValues(testCase.dataType, count: geometry.cellCount, seed: UInt64(testCase.testDescription.utf8.count))
        let expected = values.map { Float($0) }
        let nodata: Double = testCase.dataType.isFloatingPoint ? -9999 : testCase.dataType == .uint8 ? 255 : 0
        let options = GeoTIFFWriter.Options(compression: testCase.compression, predictor: testCase.predictor,
                                            layout: testCase.tiled ? .tiled(width: 16, height: 16) : .striped(rowsPerStrip: 5), bigTIFF: testCase.bigTIFF)
        try TestSupport.withTemporaryDirectory { directory throws in
            // Uneven chunks exercise buffering across block rows.
            var writer = try GeoTIFFWriter(path: "out.tif", relativeTo: directory, geometry: geometry, dataType: testCase.dataType, nodata: nodata, options: options)
            var row = 0
            for chunk in [7, 16, 0] {
                let count = chunk == 0 ? geometry.height - row : chunk
                try values[row * geometry.width..<(row + count) * geometry.width].withContiguousStorageIfAvailable { buffer in
                    if testCase.dataType == .float64 {
                        try writer.append(rows: buffer, count: count)
                    } else {
                        try Array(buffer.map { Float($0) }).withUnsafeBufferPointer { try writer.append(rows: $0, count: count) }
                    }
                }
                row += count
            }
            try writer.finish()
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["out.tif"])

            let band = try GeoTIFFBand(path: "out.tif", relativeTo: directory)
            let description = band.description
            #expect(description.isBigTIFF == testCase.bigTIFF)
            #expect(description.dataType == testCase.dataType)
            #expect(description.predictor == ([.none, .packBits].contains(testCase.compression) ? 1 : testCase.predictor))
            #expect(description.tiled == testCase.tiled)
            #expect(description.blockWidth == (testCase.tiled ? 16 : 37))
            #expect(description.blockHeight == (testCase.tiled ? 16 : 5))
            #expect(description.blockCount == (testCase.tiled ? 6 : 5))
            #expect(description.nodata == nodata)
            #expect(band.geometry == geometry)
            #expect(band.hasGeoreference)

            let read = try TestSupport.readAll(band)
            let mismatches = zip(read, expected).enumerated().filter { !same($0.element.0, $0.element.1) }
            #expect(mismatches.isEmpty, "first mismatches: \(mismatches.prefix(3))")

            // A window crossing block rows, and one block row on its own.
            let window = try TestSupport.read(band, rows: 3..<21)
            #expect(zip(window, expected[3 * 37..<21 * 37]).allSatisfy { same($0, $1) })
            var blockRow = [Float](repeating: .nan, count: 37 * band.blockHeight)
            try blockRow.withUnsafeMutableBufferPointer { try band.readBlockRow(1, into: $0) }
            let top = band.blockHeight, rows = min(band.blockHeight, 23 - top)
            #expect(zip(blockRow.prefix(rows * 37), expected[top * 37..<(top + rows) * 37]).allSatisfy { same($0, $1) })

            // The same file from memory.
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: directory + "/out.tif")))
            let fromMemory = try TestSupport.readAll(GeoTIFFBand(bytes: bytes, name: "out.tif"))
            #expect(zip(fromMemory, read).allSatisfy { same($0, $1) })

            if testCase.dataType == .float64 {
                // Statistics see the stored doubles, not their Float conversions; ±inf is
                // counted apart from the valid (finite) values.
                let valid = values.filter { $0.isFinite && $0 != nodata }
                let statistics = try band.statistics()
                #expect(statistics.min == valid.min())
                #expect(statistics.max == valid.max())
                #expect(statistics.validCount == valid.count)
                #expect(statistics.infiniteCount == values.filter(\.isInfinite).count)
            }
        }
    }

    @Test("Automatic predictor, default options and the convenience writer")
    func defaults() throws {
        try TestSupport.withTemporaryDirectory { directory throws in
            let geometry = GridGeometry(width: 300, height: 260, originX: 0, originY: 0, cellWidth: 1, cellHeight: 1, epsg: nil)
            let values = (0..<geometry.cellCount).map { Float($0 % 977) / 8 }
            try GeoTIFFWriter.write(path: "a.tif", relativeTo: directory, geometry: geometry, nodata: nil, values: values)
            let band = try GeoTIFFBand(path: directory + "/a.tif")
            #expect(band.description.compression == "DEFLATE (8)")
            #expect(band.description.predictor == 3)
            #expect(band.description.tiled && band.description.blockWidth == 256 && band.description.blockHeight == 256)
            #expect(band.description.blockCount == 4)
            #expect(band.description.isBigTIFF == false)
            #expect(band.dataType == .float32)
            #expect(band.nodata == nil)
            #expect(try TestSupport.readAll(band) == values)

            let integers = (0..<geometry.cellCount).map { Double($0 % 11) }
            try GeoTIFFWriter.write(path: "b.tif", relativeTo: directory, geometry: geometry, dataType: .int16, nodata: -1, values: integers,
                                    options: .init(compression: .lzw))
            let integerBand = try GeoTIFFBand(path: "b.tif", relativeTo: directory)
            #expect(integerBand.description.predictor == 2)
            #expect(integerBand.description.compression == "LZW (5)")
            #expect(try TestSupport.readAll(integerBand) == integers.map { Float($0) })
        }
    }

    @Test("BigTIFF is chosen when the largest possible file would pass 4 GiB")
    func automaticBigTIFF() throws {
        func plan(_ side: Int, _ dataType: RasterDataType, _ compression: GeoTIFFWriter.Compression) throws -> Bool {
            let geometry = GridGeometry(width: side, height: side, originX: 0, originY: 0, cellWidth: 30, cellHeight: 30, epsg: 32650)
            return try GeoTIFFWritePlan(path: "p.tif", geometry: geometry, dataType: dataType, nodata: nil, options: .init(compression: compression)).bigTIFF
        }
        #expect(try plan(1600, .float32, .deflate(level: 6)) == false)
        #expect(try plan(30_000, .float32, .deflate(level: 6)) == false)  // 3.6 GB
        #expect(try plan(33_000, .float32, .deflate(level: 6)) == true)   // 4.4 GB
        #expect(try plan(30_000, .float32, .lzw) == true)                 // LZW can grow data by half
        #expect(try plan(60_000, .uint8, .none) == false)
        #expect(try plan(70_000, .uint8, .none) == true)
    }

    @Test("Integer outputs round, clamp, and store NaN as nodata")
    func integerConversion() throws {
        try TestSupport.withTemporaryDirectory { directory throws in
            let geometry = GridGeometry(width: 6, height: 1, originX: 0, originY: 0, cellWidth: 1, cellHeight: 1, epsg: nil)
            try GeoTIFFWriter.write(path: "c.tif", relativeTo: directory, geometry: geometry, dataType: .uint8, nodata: 200,
                                    values: [Float(2.5), -3, 300, .nan, 7.49, -0.5])
            #expect(try TestSupport.readAll(GeoTIFFBand(path: "c.tif", relativeTo: directory)) == [3, 0, 255, 200, 7, 0])
        }
    }

    @Test("A failed or abandoned write leaves nothing behind")
    func noPartialOutput() throws {
        try TestSupport.withTemporaryDirectory { directory throws in
            let geometry = GridGeometry(width: 40, height: 40, originX: 0, originY: 0, cellWidth: 1, cellHeight: 1, epsg: nil)
            do {
                var writer = try GeoTIFFWriter(path: "partial.tif", relativeTo: directory, geometry: geometry, nodata: nil)
                let row = [Float](repeating: 1, count: 40 * 10)
                try row.withUnsafeBufferPointer { try writer.append(rows: $0, count: 10) }
                #expect(throws: GEPError.self) { try writer.finish() }
            }
            do {
                var writer = try GeoTIFFWriter(path: "abandoned.tif", relativeTo: directory, geometry: geometry, nodata: nil)
                let row = [Float](repeating: 1, count: 40 * 10)
                try row.withUnsafeBufferPointer { try writer.append(rows: $0, count: 10) }
            }
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)

            // An existing file survives a failed replacement.
            try GeoTIFFWriter.write(path: "kept.tif", relativeTo: directory, geometry: geometry, nodata: nil, values: [Float](repeating: 5, count: 1600))
            do {
                let writer = try GeoTIFFWriter(path: "kept.tif", relativeTo: directory, geometry: geometry, nodata: nil)
                #expect(throws: GEPError.self) { try writer.finish() }
            }
            #expect(try TestSupport.readAll(GeoTIFFBand(path: "kept.tif", relativeTo: directory)).allSatisfy { $0 == 5 })
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory) == ["kept.tif"])
        }
    }

    @Test("Writer option and output errors")
    func writerErrors() throws {
        let geometry = GridGeometry(width: 4, height: 4, originX: 0, originY: 0, cellWidth: 1, cellHeight: 1, epsg: 32650)
        func failure(_ body: () throws -> Void) -> GEPError? {
            do { try body() } catch let error as GEPError { return error } catch {}
            return nil
        }
        try TestSupport.withTemporaryDirectory { directory throws in
            let bad: [(RasterDataType, GeoTIFFWriter.Options, GridGeometry)] = [
                (.float32, .init(layout: .tiled(width: 20, height: 16)), geometry),
                (.int32, .init(predictor: 3), geometry),
                (.float32, .init(predictor: 4), geometry),
                (.float32, .init(compression: .deflate(level: 12)), geometry),
                (.float32, .init(layout: .striped(rowsPerStrip: 0)), geometry),
                (.float32, .init(), GridGeometry(width: 4, height: 4, originX: 0, originY: 0, cellWidth: 1, cellHeight: 1, epsg: 102_100)),
                (.float32, .init(), GridGeometry(width: 0, height: 4, originX: 0, originY: 0, cellWidth: 1, cellHeight: 1, epsg: nil)),
                (.float32, .init(), GridGeometry(width: 4, height: 4, originX: 0, originY: 0, cellWidth: -1, cellHeight: 1, epsg: nil)),
            ]
            for (dataType, options, geometry) in bad {
                let error = failure { _ = try GeoTIFFWriter(path: "x.tif", relativeTo: directory, geometry: geometry, dataType: dataType, nodata: nil, options: options) }
                #expect(error?.exitCode == 73, "\(options) \(geometry)")
            }
            let missing = failure { _ = try GeoTIFFWriter(path: "no/such/dir/x.tif", relativeTo: directory, geometry: geometry, nodata: nil) }
            #expect(missing?.exitCode == 73)
            #expect(try FileManager.default.contentsOfDirectory(atPath: directory).isEmpty)
        }
    }
}
