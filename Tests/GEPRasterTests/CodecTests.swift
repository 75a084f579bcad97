import Foundation
import GEPCore
@testable import GEPRaster
import Testing

@Suite("Codecs and predictors")
struct CodecTests {
    /// Decodes `stream` into room for `capacity` bytes; returns what was produced.
    static func lzwDecode(_ stream: [UInt8], capacity: Int) throws -> [UInt8] {
        var workspace = [UInt8](repeating: 0xAA, count: LZWDecoder.literalBytes + capacity)
        let produced = try stream.withUnsafeBytes { source in
            try workspace.withUnsafeMutableBytes { try LZWDecoder.decode(source, into: $0) }
        }
        return Array(workspace[LZWDecoder.literalBytes..<LZWDecoder.literalBytes + produced])
    }

    static func lzwRoundTrip(_ input: [UInt8]) throws -> [UInt8] {
        try lzwDecode(input.withUnsafeBytes { LZWEncoder.encode($0) }, capacity: input.count)
    }

    @Test("LZW round trips: empty, tiny, runs, random (many table resets), structured")
    func lzwRoundTrip() throws {
        var generator = SplitMix64(seed: 7)
        let random = (0..<200_000).map { _ in UInt8.random(in: 0...255, using: &generator) }
        let lowEntropy = (0..<300_000).map { _ in UInt8.random(in: 0...3, using: &generator) }
        let structured = (0..<100_000).map { UInt8(truncatingIfNeeded: ($0 * $0) >> 7) }
        for input in [[], [42], [1, 2], [UInt8](repeating: 9, count: 100_000), random, lowEntropy, structured] {
            #expect(try Self.lzwRoundTrip(input) == input)
        }
        // Runs compress: a constant megabyte takes little space.
        let constant = [UInt8](repeating: 0, count: 1 << 20)
        #expect(constant.withUnsafeBytes { LZWEncoder.encode($0) }.count < 8_000)
    }

    @Test("LZW decodes the KwKwK case and stops at a full buffer")
    func lzwDetails() throws {
        // ClearCode, 'A', then code 258 before it is defined: "A" + "A".
        let stream = CorruptInputTests.lzwBits([(256, 9), (65, 9), (258, 9), (257, 9)])
        #expect(try Self.lzwDecode(stream, capacity: 3) == [65, 65, 65])
        #expect(try Self.lzwDecode(stream, capacity: 30) == [65, 65, 65])
        // Extra output beyond the buffer is ignored, as libtiff ignores it.
        let long = [UInt8](repeating: 5, count: 1000).withUnsafeBytes { LZWEncoder.encode($0) }
        #expect(try Self.lzwDecode(long, capacity: 100) == [UInt8](repeating: 5, count: 100))
        // A stream that ends without EndOfInformation yields what it decoded.
        let unterminated = CorruptInputTests.lzwBits([(256, 9), (70, 9), (71, 9)])
        #expect(try Self.lzwDecode(unterminated, capacity: 2) == [70, 71])
        #expect(try Self.lzwDecode(unterminated, capacity: 10) == [70, 71])
    }

    /// Inflates `stream` into room for `capacity` bytes.
    static func inflate(_ stream: [UInt8], capacity: Int) throws -> [UInt8] {
        var output = [UInt8](repeating: 0, count: capacity)
        let produced = try stream.withUnsafeBytes { source in try output.withUnsafeMutableBytes { try Deflate.decode(source, into: $0) } }
        return Array(output[..<produced])
    }

    @Test("DEFLATE verifies the Adler-32 check even when the output is full")
    func deflateCheck() throws {
        let input = (0..<10_000).map { UInt8(truncatingIfNeeded: $0 &* 31 >> 3) }
        let encoded = input.withUnsafeBytes { Deflate.encode($0, level: 6) }
        #expect(try Self.inflate(encoded, capacity: input.count) == input)
        // More data than the block holds: the rest is decoded, checked and dropped.
        #expect(try Self.inflate(encoded, capacity: 100) == Array(input[..<100]))
        // A flipped byte in the check value (the stream's last four bytes) is an error,
        // whether the output is exactly full, short of the data, or has room to spare.
        var flipped = encoded
        flipped[flipped.count - 2] ^= 0xFF
        for capacity in [input.count, 100, input.count + 10] {
            #expect(throws: CodecError.self, "capacity \(capacity)") { try Self.inflate(flipped, capacity: capacity) }
        }
        // A stream cut before its check value is an error too.
        let truncated = Array(encoded.dropLast(4))
        #expect(throws: CodecError.self) { try Self.inflate(truncated, capacity: input.count) }
    }

    @Test("DEFLATE round trips at every level")
    func deflate() throws {
        let input = (0..<50_000).map { UInt8(truncatingIfNeeded: $0 / 7) }
        for level in 0...9 {
            let encoded = input.withUnsafeBytes { Deflate.encode($0, level: level) }
            var output = [UInt8](repeating: 0, count: input.count)
            let produced = try encoded.withUnsafeBytes { source in try output.withUnsafeMutableBytes { try Deflate.decode(source, into: $0) } }
            #expect(produced == input.count && output == input)
        }
    }

    @Test("Horizontal differencing round trips with wrap-around for each sample size", arguments: [1, 2, 4, 8])
    func horizontal(_ size: Int) {
        var generator = SplitMix64(seed: UInt64(size))
        let original = (0..<(13 * 5 * size)).map { _ in UInt8.random(in: 0...255, using: &generator) }
        var bytes = original
        bytes.withUnsafeMutableBytes { HorizontalPredictor.encode($0, rowSamples: 13, rows: 5, sampleSize: size) }
        #expect(bytes != original)
        bytes.withUnsafeMutableBytes { HorizontalPredictor.decode($0, rowSamples: 13, rows: 5, sampleSize: size) }
        #expect(bytes == original)
    }

    @Test("Floating-point predictor: byte planes most significant first, differenced, round trip")
    func floatingPoint() {
        var bytes = [Float(1.0), 2.0].withUnsafeBytes { Array($0) }
        var scratch = [UInt8](repeating: 0, count: 8)
        scratch.withUnsafeMutableBytes { planes in bytes.withUnsafeMutableBytes { FloatingPointPredictor.encode($0, rowSamples: 2, rows: 1, sampleSize: 4, scratch: planes) } }
        // 1.0 = 3F 80 00 00 and 2.0 = 40 00 00 00: planes 3F 40 | 80 00 | 00 00 | 00 00, differenced.
        #expect(bytes == [0x3F, 0x01, 0x40, 0x80, 0x00, 0x00, 0x00, 0x00])
        for size in [4, 8] {
            var generator = SplitMix64(seed: 99)
            let values = (0..<(17 * 3)).map { _ in Double.random(in: -1e9...1e9, using: &generator) }
            let original = size == 4 ? values.map { Float($0) }.withUnsafeBytes { Array($0) } : values.withUnsafeBytes { Array($0) }
            var data = original
            var row = [UInt8](repeating: 0, count: 17 * size)
            row.withUnsafeMutableBytes { planes in data.withUnsafeMutableBytes { FloatingPointPredictor.encode($0, rowSamples: 17, rows: 3, sampleSize: size, scratch: planes) } }
            row.withUnsafeMutableBytes { planes in data.withUnsafeMutableBytes { FloatingPointPredictor.decode($0, rowSamples: 17, rows: 3, sampleSize: size, scratch: planes) } }
            #expect(data == original)
        }
    }

    @Test("Byte swapping reverses each sample")
    func byteSwap() {
        var bytes: [UInt8] = [1, 2, 3, 4, 5, 6, 7, 8]
        bytes.withUnsafeMutableBytes { ByteSwap.swap($0, sampleSize: 2) }
        #expect(bytes == [2, 1, 4, 3, 6, 5, 8, 7])
        bytes.withUnsafeMutableBytes { ByteSwap.swap($0, sampleSize: 8) }
        #expect(bytes == [7, 8, 5, 6, 3, 4, 1, 2])
        bytes.withUnsafeMutableBytes { ByteSwap.swap($0, sampleSize: 4) }
        #expect(bytes == [6, 5, 8, 7, 2, 1, 4, 3])
    }

    /// Decodes a PackBits `stream` into a block of `capacity` bytes; returns what was produced.
    static func unpack(_ stream: [UInt8], capacity: Int) throws -> [UInt8] {
        var block = [UInt8](repeating: 0xEE, count: capacity)
        let produced = try stream.withUnsafeBytes { source in try block.withUnsafeMutableBytes { try PackBits.decode(source, into: $0) } }
        return Array(block[..<produced])
    }

    @Test("PackBits decodes TIFF 6.0's worked example (section 9), skips −128, stops at a full block")
    func packBitsExample() throws {
        let packed: [UInt8] = [0xFE, 0xAA, 0x02, 0x80, 0x00, 0x2A, 0xFD, 0xAA, 0x03, 0x80, 0x00, 0x2A, 0x22, 0xF7, 0xAA]
        let unpacked: [UInt8] = [0xAA, 0xAA, 0xAA, 0x80, 0x00, 0x2A, 0xAA, 0xAA, 0xAA, 0xAA, 0x80, 0x00, 0x2A, 0x22]
            + [UInt8](repeating: 0xAA, count: 10)
        #expect(try Self.unpack(packed, capacity: 24) == unpacked)
        #expect(try Self.unpack([0x80, 0x01, 7, 8, 0x80], capacity: 2) == [7, 8])
        // bytes after a full block are not read (libtiff stops there too)
        #expect(try Self.unpack([0x00, 5, 0x7F], capacity: 1) == [5])
        // short data decodes to fewer bytes; the block decoder reports the shortfall
        #expect(try Self.unpack([0xFF, 9], capacity: 5) == [9, 9])
    }

    @Test("PackBits rejects runs past the block or the data, naming the byte")
    func packBitsErrors() {
        for (stream, capacity, message) in [([0x03, 1, 2], 8, "literal run of 4 bytes at byte 0 goes past the end of the data (3 bytes)"),
                                            ([0x00, 1, 0x02, 1, 2, 3], 3, "literal run of 3 bytes at byte 2 goes past the end of the block (3 bytes)"),
                                            ([0xF0, 1], 4, "replicate run of 17 bytes at byte 0 goes past the end of the block (4 bytes)"),
                                            ([0x00, 1, 0xFE], 4, "replicate run at byte 2 has no byte to repeat")] as [([UInt8], Int, String)] {
            do {
                _ = try Self.unpack(stream, capacity: capacity)
                Issue.record("expected an error for \(stream)")
            } catch let error as CodecError {
                #expect(error.message.contains(message), "\(error.message)")
            } catch {
                Issue.record("unexpected \(error)")
            }
        }
    }

    @Test("PackBits packs each row on its own and round trips runs, literals and 128-byte limits")
    func packBitsRoundTrip() throws {
        let two = [UInt8](repeating: 0xAA, count: 8)
        #expect(two.withUnsafeBytes { PackBits.encode($0, rowBytes: 4) } == [0xFD, 0xAA, 0xFD, 0xAA])
        #expect(([1, 2, 2, 3] as [UInt8]).withUnsafeBytes { PackBits.encode($0, rowBytes: 4) } == [0x03, 1, 2, 2, 3])
        var random = SplitMix64(seed: 5)
        for count in [0, 1, 2, 127, 128, 129, 300, 5000] {
            let input: [UInt8] = (0..<count).map { k in k % 400 < 200 ? UInt8(k / 400 % 256) : UInt8(truncatingIfNeeded: random.next()) }
            for rowBytes in [1, 7, 128, 1000] {
                let packed = input.withUnsafeBytes { PackBits.encode($0, rowBytes: rowBytes) }
                #expect(packed.count <= PackBits.worstCaseSize(byteCount: count, rowBytes: rowBytes))
                #expect(try Self.unpack(packed, capacity: count) == input, "\(count) bytes in rows of \(rowBytes)")
            }
        }
    }
}
