import Foundation

/// Builds small TIFF files byte by byte, in either byte order and either container, so
/// tests can make files the writer never would (big-endian, strips with odd tags, wrong
/// counts, unsupported codes, corrupt blocks).
struct TestTIFF {
    /// A tag value.
    enum Value {
        case shorts([UInt16])
        case longs([UInt32])
        case long8s([UInt64])
        case doubles([Double])
        case ascii(String)
        /// The file offsets of `blocks`, as LONG (classic) or LONG8 (BigTIFF).
        case blockOffsets
        /// The sizes of `blocks`, as LONG (classic) or LONG8 (BigTIFF).
        case blockCounts
    }

    var bigEndian = false
    var bigTIFF = false
    var tags: [UInt16: Value] = [:]
    /// Stored blocks, placed right after the header.
    var blocks: [[UInt8]] = []
    /// Overrides for the offsets written by `.blockOffsets`.
    var offsetOverrides: [Int: UInt64] = [:]
    /// Overrides for the counts written by `.blockCounts`.
    var countOverrides: [Int: UInt64] = [:]

    /// A minimal single-strip or tiled image description.
    static func image(width: Int, height: Int, bits: Int, format: Int, compression: Int = 1, tile: (Int, Int)? = nil, rowsPerStrip: Int? = nil,
                      blocks: [[UInt8]], bigEndian: Bool = false, bigTIFF: Bool = false) -> TestTIFF {
        var tiff = TestTIFF(bigEndian: bigEndian, bigTIFF: bigTIFF)
        tiff.tags[256] = .longs([UInt32(width)])
        tiff.tags[257] = .longs([UInt32(height)])
        tiff.tags[258] = .shorts([UInt16(bits)])
        tiff.tags[259] = .shorts([UInt16(compression)])
        tiff.tags[262] = .shorts([1])
        tiff.tags[277] = .shorts([1])
        tiff.tags[339] = .shorts([UInt16(format)])
        if let tile {
            tiff.tags[322] = .longs([UInt32(tile.0)])
            tiff.tags[323] = .longs([UInt32(tile.1)])
            tiff.tags[324] = .blockOffsets
            tiff.tags[325] = .blockCounts
        } else {
            tiff.tags[278] = .longs([UInt32(rowsPerStrip ?? height)])
            tiff.tags[273] = .blockOffsets
            tiff.tags[279] = .blockCounts
        }
        tiff.blocks = blocks
        return tiff
    }

    /// The bytes of `value` in this file's order.
    func encode<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
        let ordered = bigEndian ? value.bigEndian : value.littleEndian
        return withUnsafeBytes(of: ordered) { Array($0) }
    }

    /// The file.
    func build() -> [UInt8] {
        let headerSize = bigTIFF ? 16 : 8
        var data: [UInt8] = []
        var offsets: [UInt64] = []
        for block in blocks {
            offsets.append(UInt64(headerSize + data.count))
            data += block
        }
        let counts = blocks.enumerated().map { countOverrides[$0.offset] ?? UInt64($0.element.count) }
        offsets = offsets.enumerated().map { offsetOverrides[$0.offset] ?? $0.element }
        var ifdOffset = headerSize + data.count
        ifdOffset += ifdOffset % 2
        data += [UInt8](repeating: 0, count: ifdOffset - headerSize - data.count)
        let sorted = tags.keys.sorted()
        let entrySize = bigTIFF ? 20 : 12, inline = bigTIFF ? 8 : 4
        var extraOffset = ifdOffset + (bigTIFF ? 8 : 2) + sorted.count * entrySize + (bigTIFF ? 8 : 4)
        var ifd: [UInt8] = bigTIFF ? encode(UInt64(sorted.count)) : encode(UInt16(sorted.count))
        var extra: [UInt8] = []
        for tag in sorted {
            let (type, count, payload) = payloadOf(tags[tag]!, offsets: offsets, counts: counts)
            ifd += encode(tag) + encode(type)
            ifd += bigTIFF ? encode(UInt64(count)) : encode(UInt32(count))
            if payload.count <= inline {
                ifd += payload + [UInt8](repeating: 0, count: inline - payload.count)
            } else {
                ifd += bigTIFF ? encode(UInt64(extraOffset)) : encode(UInt32(extraOffset))
                extra += payload
                if payload.count % 2 == 1 { extra.append(0) }
                extraOffset = ifdOffset + (bigTIFF ? 8 : 2) + sorted.count * entrySize + (bigTIFF ? 8 : 4) + extra.count
            }
        }
        ifd += [UInt8](repeating: 0, count: bigTIFF ? 8 : 4)
        var header: [UInt8] = bigEndian ? [0x4D, 0x4D] : [0x49, 0x49]
        if bigTIFF {
            header += encode(UInt16(43)) + encode(UInt16(8)) + encode(UInt16(0)) + encode(UInt64(ifdOffset))
        } else {
            header += encode(UInt16(42)) + encode(UInt32(ifdOffset))
        }
        return header + data + ifd + extra
    }

    private func payloadOf(_ value: Value, offsets: [UInt64], counts: [UInt64]) -> (UInt16, Int, [UInt8]) {
        switch value {
        case let .shorts(values): return (3, values.count, values.flatMap { encode($0) })
        case let .longs(values): return (4, values.count, values.flatMap { encode($0) })
        case let .long8s(values): return (16, values.count, values.flatMap { encode($0) })
        case let .doubles(values): return (12, values.count, values.flatMap { encode($0.bitPattern) })
        case let .ascii(text): return (2, text.utf8.count + 1, Array(text.utf8) + [0])
        case .blockOffsets: return bigTIFF ? payloadOf(.long8s(offsets), offsets: [], counts: []) : payloadOf(.longs(offsets.map { UInt32(truncatingIfNeeded: $0) }), offsets: [], counts: [])
        case .blockCounts: return bigTIFF ? payloadOf(.long8s(counts), offsets: [], counts: []) : payloadOf(.longs(counts.map { UInt32(truncatingIfNeeded: $0) }), offsets: [], counts: [])
        }
    }
}
