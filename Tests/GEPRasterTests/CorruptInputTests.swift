import Foundation
import GEPCore
@testable import GEPRaster
import Testing

/// Malformed, hostile and unsupported files: each must fail with `.invalidData` naming
/// the problem, never trap, and never allocate what the file merely claims.
@Suite("Corrupt and unsupported input")
struct CorruptInputTests {
    /// A valid 32 × 32 Int16 file with four 16 × 16 uncompressed tiles.
    static func tiledInt16(compression: Int = 1, blocks: [[UInt8]]? = nil) -> TestTIFF {
        let tile = [UInt8](repeating: 1, count: 16 * 16 * 2)
        return TestTIFF.image(width: 32, height: 32, bits: 16, format: 2, compression: compression, tile: (16, 16), blocks: blocks ?? [tile, tile, tile, tile])
    }

    @Test("A flipped byte in a DEFLATE block's Adler-32 check is an error naming the file and the block")
    func deflateCheckFailure() throws {
        let path = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("samples/lianping/grid/townships.tif").path
        let original = try [UInt8](Data(contentsOf: URL(fileURLWithPath: path)))
        let band = try GeoTIFFBand(bytes: original, name: "townships.tif")
        #expect(band.description.compressionCode == 8)
        _ = try band.readAll()
        let layout = band.decoder.layout
        let block = layout.blockCount - 1
        for flipped in 1...4 {
            var bytes = original
            // The check value is the last four bytes of the block's zlib stream.
            bytes[layout.offsets[block] + layout.byteCounts[block] - flipped] ^= 0x5A
            let corrupt = try GeoTIFFBand(bytes: bytes, name: "townships.tif")
            TestSupport.expectInvalid("townships.tif: \(layout.blockKind) \(block): corrupt DEFLATE data (incorrect data check)") { _ = try corrupt.readAll() }
        }
    }

    /// Codes packed most significant bit first at the given widths, as TIFF LZW stores them.
    static func lzwBits(_ codes: [(code: Int, width: Int)]) -> [UInt8] {
        var bytes: [UInt8] = [], buffer = 0, count = 0
        for (code, width) in codes {
            buffer = buffer << width | code
            count += width
            while count >= 8 {
                count -= 8
                bytes.append(UInt8((buffer >> count) & 0xFF))
            }
        }
        if count > 0 { bytes.append(UInt8((buffer << (8 - count)) & 0xFF)) }
        return bytes
    }

    @Test("The builder's baseline file is valid")
    func baseline() throws {
        try TestSupport.openAndReadEverything(Self.tiledInt16().build())
        let values = try TestSupport.readAll(GeoTIFFBand(bytes: Self.tiledInt16().build(), name: "t.tif"))
        #expect(values.allSatisfy { $0 == 257 })
    }

    @Test("Wrong magic, version or size")
    func header() {
        TestSupport.expectInvalid("not a TIFF file: only 0 bytes") { _ = try GeoTIFFBand(bytes: [], name: "e.tif") }
        TestSupport.expectInvalid("not a TIFF file: only 5 bytes") { _ = try GeoTIFFBand(bytes: [0x49, 0x49, 42, 0, 8], name: "e.tif") }
        var bytes = Self.tiledInt16().build()
        bytes[0] = 0x50
        bytes[1] = 0x4B
        TestSupport.expectInvalid("not a TIFF file: it starts with bytes 0x50 0x4B") { _ = try GeoTIFFBand(bytes: bytes, name: "e.tif") }
        bytes = Self.tiledInt16().build()
        bytes[2] = 44
        TestSupport.expectInvalid("unsupported TIFF version 44") { _ = try GeoTIFFBand(bytes: bytes, name: "e.tif") }
        // The diagnostic names the file.
        let messages = TestSupport.invalidDataMessages { _ = try GeoTIFFBand(bytes: bytes, name: "county/dem.tif") }
        #expect(messages?.first?.hasPrefix("county/dem.tif: ") == true)
    }

    @Test("Directory and tag offsets outside the file")
    func offsets() {
        var bytes = Self.tiledInt16().build()
        bytes.replaceSubrange(4..<8, with: [0x00, 0xFF, 0xFF, 0x7F])
        TestSupport.expectInvalid("first IFD offset 2147483392 lies outside the file") { _ = try GeoTIFFBand(bytes: bytes, name: "o.tif") }

        var tiff = Self.tiledInt16()
        tiff.offsetOverrides[2] = 1 << 30
        TestSupport.expectInvalid("tile 2: 512 bytes at offset 1073741824 extend beyond the end of the file") { _ = try GeoTIFFBand(bytes: tiff.build(), name: "o.tif") }
        tiff = Self.tiledInt16()
        tiff.bigTIFF = true
        tiff.countOverrides[3] = 1 << 40
        TestSupport.expectInvalid("tile 3: 1099511627776 bytes at offset") { _ = try GeoTIFFBand(bytes: tiff.build(), name: "o.tif") }

        // A huge entry count, and a tag whose values point past the end.
        bytes = Self.tiledInt16().build()
        let ifd = Int(bytes[4]) | Int(bytes[5]) << 8 | Int(bytes[6]) << 16
        bytes[ifd] = 0xFF
        bytes[ifd + 1] = 0xFF
        TestSupport.expectInvalid("claims 65535 entries") { _ = try GeoTIFFBand(bytes: bytes, name: "o.tif") }
        tiff = Self.tiledInt16()
        tiff.tags[33550] = .doubles([30, 30, 0])
        bytes = tiff.build()
        // Point ModelPixelScaleTag (the only DOUBLE entry) at a far offset.
        let count = Int(bytes[ifd]) | Int(bytes[ifd + 1]) << 8
        for entry in 0..<count where bytes[ifd + 2 + entry * 12 + 2] == 12 {
            bytes.replaceSubrange(ifd + 2 + entry * 12 + 8..<ifd + 2 + entry * 12 + 12, with: [0, 0, 0, 0x40])
        }
        TestSupport.expectInvalid("ModelPixelScaleTag (33550): values at offset 1073741824 lie beyond the end of the file") { _ = try GeoTIFFBand(bytes: bytes, name: "o.tif") }
    }

    @Test("Every truncation of a valid file fails cleanly")
    func truncation() throws {
        for bytes in [try TestSupport.fixtureBytes("lulc_cur.tif"), Self.tiledInt16().build()] {
            for length in 0..<bytes.count {
                let messages = TestSupport.invalidDataMessages { try TestSupport.openAndReadEverything(Array(bytes[..<length])) }
                #expect(messages != nil, "truncated at \(length)")
            }
        }
        TestSupport.expectInvalid("first IFD offset 166944 lies outside the file (300 bytes)") {
            _ = try GeoTIFFBand(bytes: Array(try TestSupport.fixtureBytes("wyield.tif")[..<300]), name: "w.tif")
        }
    }

    @Test("Block counts that do not match the tile or strip grid")
    func blockCounts() {
        var tiff = Self.tiledInt16()
        tiff.tags[325] = .longs([512, 512, 512])
        TestSupport.expectInvalid("TileByteCounts (325) has 3 values, expected 4 (2 × 2 tiles of 16 × 16)") { _ = try GeoTIFFBand(bytes: tiff.build(), name: "c.tif") }
        tiff = Self.tiledInt16()
        tiff.tags[324] = .longs([8, 8, 8, 8, 8])
        TestSupport.expectInvalid("TileOffsets (324) has 5 values, expected 4") { _ = try GeoTIFFBand(bytes: tiff.build(), name: "c.tif") }
        var strips = TestTIFF.image(width: 10, height: 10, bits: 8, format: 1, rowsPerStrip: 3, blocks: [[UInt8]](repeating: [UInt8](repeating: 0, count: 30), count: 3))
        TestSupport.expectInvalid("StripOffsets (273) has 3 values, expected 4 (strips of 3 rows)") { _ = try GeoTIFFBand(bytes: strips.build(), name: "c.tif") }
        strips.tags[279] = nil
        strips.blocks.append([UInt8](repeating: 0, count: 10))
        TestSupport.expectInvalid("missing required tag StripByteCounts (279)") { _ = try GeoTIFFBand(bytes: strips.build(), name: "c.tif") }
    }

    @Test("Absurd dimensions are refused before anything is allocated")
    func dimensions() {
        let one = [[UInt8](repeating: 0, count: 8)]
        TestSupport.expectInvalid("exceeds the limit of 2147483647 cells per side") {
            _ = try GeoTIFFBand(bytes: TestTIFF.image(width: 1, height: 1, bits: 8, format: 1, blocks: one).with(256, .longs([4_000_000_000])).build(), name: "d.tif")
        }
        TestSupport.expectInvalid("exceeds the limit of 1099511627776 cells") {
            _ = try GeoTIFFBand(bytes: TestTIFF.image(width: 1 << 30, height: 1 << 30, bits: 8, format: 1, blocks: one).build(), name: "d.tif")
        }
        TestSupport.expectInvalid("tile size 65536 × 32768 exceeds the limit of 1073741824 decoded bytes per block") {
            _ = try GeoTIFFBand(bytes: TestTIFF.image(width: 100, height: 100, bits: 64, format: 3, tile: (65536, 32768), blocks: one).build(), name: "d.tif")
        }
        TestSupport.expectInvalid("strip size 100000 × 100000 exceeds the limit") {
            _ = try GeoTIFFBand(bytes: TestTIFF.image(width: 100_000, height: 100_000, bits: 32, format: 3, compression: 5, blocks: one).build(), name: "d.tif")
        }
        // A block whose stored bytes cannot expand to its decoded size.
        TestSupport.expectInvalid("strip 0: 8 stored bytes cannot hold 4000000 decoded bytes") {
            _ = try GeoTIFFBand(bytes: TestTIFF.image(width: 1000, height: 1000, bits: 32, format: 3, compression: 8, blocks: one).build(), name: "d.tif")
        }
        TestSupport.expectInvalid("tile 0: 512 stored bytes cannot hold 1024 decoded bytes") {
            _ = try GeoTIFFBand(bytes: TestTIFF.image(width: 32, height: 32, bits: 32, format: 1, tile: (16, 16), blocks: [[UInt8]](repeating: [UInt8](repeating: 0, count: 512), count: 4)).build(), name: "d.tif")
        }
        TestSupport.expectInvalid("image size 0 × 5 is empty") {
            _ = try GeoTIFFBand(bytes: TestTIFF.image(width: 0, height: 5, bits: 8, format: 1, blocks: one).build(), name: "d.tif")
        }
    }

    @Test("Zero-size blocks")
    func zeroSizeBlocks() {
        var tiff = Self.tiledInt16()
        tiff.countOverrides[1] = 0
        TestSupport.expectInvalid("tile 1: zero byte count") { _ = try GeoTIFFBand(bytes: tiff.build(), name: "z.tif") }
    }

    @Test("Corrupt LZW: codes out of range, short output")
    func corruptLZW() {
        let bad = Self.lzwBits([(256, 9), (65, 9), (300, 9), (257, 9)])
        let good = [UInt8](repeating: 7, count: 512).withUnsafeBytes { LZWEncoder.encode($0) }
        let tiff = Self.tiledInt16(compression: 5, blocks: [good, good, good, bad])
        TestSupport.expectInvalid("tile 3: LZW code 300 out of range (next free code 258)") { try TestSupport.openAndReadEverything(tiff.build()) }
        // A code beyond the next free one, later in a stream.
        let late = Self.lzwBits([(256, 9), (65, 9), (66, 9), (300, 9), (257, 9)])
        TestSupport.expectInvalid("tile 0: LZW code 300 out of range (next free code 259)") {
            try TestSupport.openAndReadEverything(Self.tiledInt16(compression: 5, blocks: [late, good, good, good]).build())
        }
        let wide = Self.lzwBits([(256, 9), (65, 9), (66, 9), (511, 9), (257, 9)])
        TestSupport.expectInvalid("tile 0: LZW code 511 out of range (next free code 259)") {
            try TestSupport.openAndReadEverything(Self.tiledInt16(compression: 5, blocks: [wide, good, good, good]).build())
        }
        let short = Self.lzwBits([(256, 9), (65, 9), (257, 9)])
        TestSupport.expectInvalid("tile 1: LZW data decodes to 1 bytes, expected 512") {
            try TestSupport.openAndReadEverything(Self.tiledInt16(compression: 5, blocks: [good, short, good, good]).build())
        }
    }

    @Test("Corrupt and truncated DEFLATE")
    func corruptDeflate() {
        let tile = [UInt8](repeating: 3, count: 512)
        let good = tile.withUnsafeBytes { Deflate.encode($0, level: 6) }
        let garbage: [UInt8] = [0x78, 0x9C, 0xFF, 0xFF, 0xFF, 0xFF, 0x00, 0x12]
        TestSupport.expectInvalid("tile 2: corrupt DEFLATE data") {
            try TestSupport.openAndReadEverything(Self.tiledInt16(compression: 8, blocks: [good, good, garbage, good]).build())
        }
        TestSupport.expectInvalid("tile 0: DEFLATE data ends after") {
            try TestSupport.openAndReadEverything(Self.tiledInt16(compression: 32946, blocks: [Array(good.dropLast(6)), good, good, good]).build())
        }
        let shortData = [UInt8](repeating: 3, count: 100).withUnsafeBytes { Deflate.encode($0, level: 6) }
        TestSupport.expectInvalid("tile 3: DEFLATE data decodes to 100 bytes, expected 512") {
            try TestSupport.openAndReadEverything(Self.tiledInt16(compression: 8, blocks: [good, good, good, shortData]).build())
        }
    }

    @Test("Unsupported compression schemes are named", arguments: [(7, "JPEG (7)"), (3, "CCITT Group 3 fax (3)"), (34887, "LERC (34887)"),
                                                                   (50000, "ZSTD (50000)"), (34925, "LZMA (34925)"), (4242, "unknown (4242)")])
    func unsupportedCompression(_ code: Int, _ name: String) {
        TestSupport.expectInvalid("unsupported compression \(name)") { _ = try GeoTIFFBand(bytes: Self.tiledInt16(compression: code).build(), name: "u.tif") }
    }

    @Test("Unsupported sample layouts are named")
    func unsupportedSamples() {
        let one = [[UInt8](repeating: 0, count: 64)]
        TestSupport.expectInvalid("unsupported sample type: 64-bit signed integer") {
            _ = try GeoTIFFBand(bytes: TestTIFF.image(width: 2, height: 2, bits: 64, format: 2, blocks: one).build(), name: "s.tif")
        }
        TestSupport.expectInvalid("unsupported sample type: 16-bit floating-point") {
            _ = try GeoTIFFBand(bytes: TestTIFF.image(width: 2, height: 2, bits: 16, format: 3, blocks: one).build(), name: "s.tif")
        }
        TestSupport.expectInvalid("unsupported sample type: 1-bit unsigned integer") {
            _ = try GeoTIFFBand(bytes: TestTIFF.image(width: 2, height: 2, bits: 1, format: 1, blocks: one).build(), name: "s.tif")
        }
        TestSupport.expectInvalid("unsupported SamplesPerPixel 3") {
            _ = try GeoTIFFBand(bytes: TestTIFF.image(width: 2, height: 2, bits: 8, format: 1, blocks: one).with(277, .shorts([3])).with(258, .shorts([8, 8, 8])).build(), name: "s.tif")
        }
        TestSupport.expectInvalid("floating-point Predictor 3 used with int16 samples") {
            _ = try GeoTIFFBand(bytes: Self.tiledInt16(compression: 5).with(317, .shorts([3])).build(), name: "s.tif")
        }
        TestSupport.expectInvalid("unsupported Predictor 7") {
            _ = try GeoTIFFBand(bytes: Self.tiledInt16(compression: 5).with(317, .shorts([7])).build(), name: "s.tif")
        }
        TestSupport.expectInvalid("tag ImageWidth (256) has field type 12, expected an unsigned integer type") {
            _ = try GeoTIFFBand(bytes: Self.tiledInt16().with(256, .doubles([32])).build(), name: "s.tif")
        }
        TestSupport.expectInvalid("missing required tag ImageWidth (256)") {
            _ = try GeoTIFFBand(bytes: Self.tiledInt16().with(256, nil).build(), name: "s.tif")
        }
    }

    @Test("Files that cannot be opened are missing input, not invalid data")
    func missingFiles() throws {
        #expect(throws: GEPError.self) { _ = try GeoTIFFBand(path: "/no/such/file.tif") }
        do {
            _ = try GeoTIFFBand(path: "no-such-file.tif", relativeTo: "/tmp")
        } catch {
            #expect(error.exitCode == 66)
            #expect(error.description == "cannot open input 'no-such-file.tif': no such file or directory")
        }
        do {
            _ = try GeoTIFFBand(path: TestSupport.fixture(""))
        } catch {
            #expect(error.exitCode == 66)
        }
    }

    @Test("Random byte mutations never trap")
    func mutations() throws {
        var generator = SplitMix64(seed: 42)
        let geometry = GridGeometry(width: 37, height: 23, originX: 0, originY: 0, cellWidth: 1, cellHeight: 1, epsg: 32650)
        var seeds: [[UInt8]] = [try TestSupport.fixtureBytes("gdal_be_int16_lzw_p2_strips.tif")]
        try TestSupport.withTemporaryDirectory { directory throws in
            for (compression, layout) in [(GeoTIFFWriter.Compression.lzw, GeoTIFFWriter.Layout.tiled(width: 16, height: 16)), (.deflate(level: 6), .striped(rowsPerStrip: 4))] {
                try GeoTIFFWriter.write(path: "m.tif", relativeTo: directory, geometry: geometry, nodata: -1,
                                        values: sampleValues(.float32, count: geometry.cellCount, seed: 3), options: .init(compression: compression, layout: layout))
                seeds.append(Array(try Data(contentsOf: URL(fileURLWithPath: directory + "/m.tif"))))
            }
        }
        var outcomes = [0, 0]
        for iteration in 0..<1500 {
            var bytes = seeds[iteration % seeds.count]
            for _ in 0..<Int.random(in: 1...4, using: &generator) {
                let index = Int.random(in: 0..<bytes.count, using: &generator)
                bytes[index] = UInt8.random(in: 0...255, using: &generator)
            }
            do {
                try TestSupport.openAndReadEverything(bytes)
                outcomes[0] += 1
            } catch is GEPError {
                outcomes[1] += 1
            }
        }
        #expect(outcomes[0] + outcomes[1] == 1500)
    }
}

extension TestTIFF {
    /// A copy with tag `tag` set to `value` (or removed, for `nil`).
    func with(_ tag: UInt16, _ value: Value?) -> TestTIFF {
        var copy = self
        copy.tags[tag] = value
        return copy
    }
}
