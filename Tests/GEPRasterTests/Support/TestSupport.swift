import Foundation
import GEPCore
@testable import GEPRaster
import Testing

/// Paths and helpers shared by the raster tests.
enum TestSupport {
    /// `Tests/GEPRasterTests/Fixtures/<name>`.
    static func fixture(_ name: String) -> String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures").appendingPathComponent(name).path
    }

    /// The bytes of a fixture.
    static func fixtureBytes(_ name: String) throws -> [UInt8] {
        Array(try Data(contentsOf: URL(fileURLWithPath: fixture(name))))
    }

    /// A fresh empty directory, removed when `body` returns.
    static func withTemporaryDirectory<T>(_ body: (String) throws -> T) throws -> T {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gep-raster-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: url) }
        return try body(url.path)
    }

    /// Every cell of `band`, read in one call.
    static func readAll(_ band: some RasterBand) throws -> [Float] { try band.readAll() }

    /// Rows `rows` of `band`.
    static func read(_ band: some RasterBand, rows: Range<Int>) throws -> [Float] {
        var values = [Float](repeating: .nan, count: rows.count * band.geometry.width)
        try values.withUnsafeMutableBufferPointer { buffer in
            try band.read(rows: rows, into: buffer)
        }
        return values
    }

    /// The messages of an `.invalidData` error, or `nil` for any other outcome.
    static func invalidDataMessages(_ body: () throws -> Void) -> [String]? {
        do {
            try body()
            return nil
        } catch let error as GEPError {
            if case let .invalidData(diagnostics) = error { return diagnostics.map(\.description) }
            return nil
        } catch {
            return nil
        }
    }

    /// Opens `bytes` as a band and reads every row and the statistics.
    static func openAndReadEverything(_ bytes: [UInt8], name: String = "test.tif") throws {
        let band = try GeoTIFFBand(bytes: bytes, name: name)
        var values = [Float](repeating: 0, count: band.geometry.width * min(band.blockHeight, band.geometry.height))
        try values.withUnsafeMutableBufferPointer { buffer in
            for blockRow in 0..<band.blockRowCount {
                try band.readBlockRow(blockRow, into: buffer)
            }
        }
        _ = try band.statistics()
    }

    /// Expects `body` to fail with `.invalidData` whose message contains `fragment`.
    static func expectInvalid(_ fragment: String, sourceLocation: SourceLocation = #_sourceLocation, _ body: () throws -> Void) {
        let messages = invalidDataMessages(body)
        #expect(messages != nil, "expected invalidData containing '\(fragment)'", sourceLocation: sourceLocation)
        if let messages {
            #expect(messages.contains { $0.contains(fragment) }, "\(messages) lacks '\(fragment)'", sourceLocation: sourceLocation)
        }
    }
}
