import Testing
import GEPCore
import GEPRaster
@testable import GEPGrid

/// The ESRI ASCII grid reader.
@Suite struct ESRIASCIIGridTests {
    private func parse(_ text: String, epsg: Int? = nil) throws -> ESRIASCIIBand {
        try ESRIASCIIBand(parsing: Array(text.utf8), name: "t.asc", epsg: epsg)
    }

    @Test func headerKeysInAnyOrderAndCaseWithCentreReference() throws {
        let band = try parse("NCOLS 3\nCellSize 10\nnrows 2\nXLLCENTER 15\nyllcenter 25\nnodata_value -9999\n1 2 3\n4 -9999 6.5\n", epsg: 32650)
        #expect(band.geometry == GridGeometry(width: 3, height: 2, originX: 10, originY: 40, cellWidth: 10, cellHeight: 10, epsg: 32650))
        #expect(band.values == [1, 2, 3, 4, -9999, 6.5])
        #expect(band.nodata == -9999)
        #expect(band.dataType == .float32)
    }

    @Test func cornerReferenceDxDyIntegersTabsCRLFAndBOM() throws {
        let text = "\u{FEFF}ncols\t2\r\nnrows 2\r\nxllcorner 100\r\nyllcorner 200\r\ndx 30\r\ndy 20\r\n1\t2\r\n3 4"
        let band = try parse(text)
        #expect(band.geometry == GridGeometry(width: 2, height: 2, originX: 100, originY: 240, cellWidth: 30, cellHeight: 20, epsg: nil))
        #expect(band.values == [1, 2, 3, 4])
        #expect(band.dataType == .int32)
        #expect(band.nodata == nil)
    }

    @Test func aDecimalNodataMakesTheGridFloat() throws {
        #expect(try parse("ncols 1\nnrows 1\nxllcorner 0\nyllcorner 0\ncellsize 1\nNODATA_value -9999.000\n5\n").dataType == .float32)
    }

    @Test func readCopiesTheRequestedRows() throws {
        let band = try parse("ncols 2\nnrows 3\nxllcorner 0\nyllcorner 0\ncellsize 1\n1 2\n3 4\n5 6\n")
        var buffer = [Float](repeating: 0, count: 4)
        try buffer.withUnsafeMutableBufferPointer { try band.read(rows: 1..<3, into: $0) }
        #expect(buffer == [3, 4, 5, 6])
    }

    @Test func fastPathParsesExactlyAsTheStandardLibrary() throws {
        var state: UInt64 = 12345
        var tokens: [String] = []
        for k in 0..<4000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            let digits = Int(state >> 33) % 100_000_000
            let decimals = k % 9
            var text = String(digits)
            if decimals > 0 {
                while text.count <= decimals { text = "0" + text }
                text.insert(".", at: text.index(text.endIndex, offsetBy: -decimals))
            }
            tokens.append((state & 1 == 0 ? "-" : "") + text)
        }
        tokens += ["1e3", "-2.5E-2", "nan", "inf", "0.0000000001", "16777217", "123456789012", "+7", "3."]
        let band = try parse("ncols \(tokens.count)\nnrows 1\nxllcorner 0\nyllcorner 0\ncellsize 1\n" + tokens.joined(separator: " "))
        for (token, value) in zip(tokens, band.values) {
            let expected = Float(token)!
            #expect(value.bitPattern == expected.bitPattern || (value.isNaN && expected.isNaN), "\(token)")
        }
    }

    @Test func everyHeaderProblemIsListed() {
        let found = diagnostics {
            _ = try parse("ncols 3\nncols 4\ncellsize -30\nxllcorner 0\nxllcenter 0\nbogus 1\nNODATA_value x\n1 2 3\n")
        }
        let messages = found.map(\.description)
        #expect(messages.contains { $0.contains("duplicate header key 'ncols'") && $0.contains("t.asc:2") })
        #expect(messages.contains { $0.contains("unknown header key 'bogus'") })
        #expect(messages.contains { $0.contains("'cellsize' must be a positive number") })
        #expect(messages.contains { $0.contains("missing header key 'nrows'") })
        #expect(messages.contains { $0.contains("both 'xllcorner' and 'xllcenter'") })
        #expect(messages.contains { $0.contains("missing header key 'yllcorner' or 'yllcenter'") })
        #expect(messages.contains { $0.contains("'x' for 'NODATA_value' is not a number") })
        #expect(found.count == 7)
    }

    @Test func nonNumericCellsAreLocatedAndTheCountIsChecked() {
        let found = diagnostics {
            _ = try parse("ncols 3\nnrows 2\nxllcorner 0\nyllcorner 0\ncellsize 1\n1 2 x\n4 5,5 6 7\n")
        }
        let messages = found.map(\.description)
        #expect(messages.contains("t.asc:6:5: 'x' is not a number"))
        #expect(messages.contains("t.asc:7:3: '5,5' is not a number"))
        #expect(messages.contains("t.asc: found 7 values, expected 6 (2 rows × 3 columns)"))
        let short = diagnostics { _ = try parse("ncols 3\nnrows 2\nxllcorner 0\nyllcorner 0\ncellsize 1\n1 2 3\n4 5\n") }
        #expect(short.map(\.message) == ["found 5 values, expected 6 (2 rows × 3 columns)"])
    }

    @Test func sizesMustBePositiveIntegers() {
        let found = diagnostics { _ = try parse("ncols -3\nnrows 2.5\nxllcorner 0\nyllcorner 0\ncellsize 1\n1\n") }
        #expect(found.map(\.message) == ["'ncols' must be a positive integer, found -3", "'nrows' must be a positive integer, found 2.5"])
    }

    @Test func aMissingFileIsMissingInput() {
        #expect(throws: GEPError.self) { _ = try ESRIASCIIBand(path: "no-such.asc", relativeTo: Fixture.directory) }
        do {
            _ = try ESRIASCIIBand(path: "no-such.asc", relativeTo: Fixture.directory)
        } catch {
            #expect(error.exitCode == 66)
        }
    }

    @Test func theReferenceLayersMatchTheirManifest() throws {
        let expected = try Fixture.expected()
        for name in ["lulc_cur", "lulc_fut", "precip", "eto", "depth_to_root_rest_layer", "pawc"] {
            let band = try Fixture.band(name)
            #expect(band.geometry == GridGeometry(width: 200, height: 200, originX: 243_000, originY: 2_701_000,
                                                  cellWidth: 30, cellHeight: 30, epsg: 32650))
            let rule = NodataRule(band: band)
            let valid = band.values.filter { !rule.isNodata($0) }.count
            #expect(Double(valid) == expected.number("layer_valid_counts", name), "\(name)")
        }
        #expect(try Fixture.band("lulc_cur").dataType == .int32)
        #expect(try Fixture.band("precip").dataType == .float32)
    }
}
