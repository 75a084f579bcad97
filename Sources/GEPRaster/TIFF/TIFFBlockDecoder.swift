import GEPCore

/// Turns one stored block (tile or strip) of a TIFF into decoded samples in the machine's
/// byte order: read, decompress, swap bytes when the file's order is not the machine's
/// (before undoing Predictor 2, which works on values; after undoing Predictor 3, which
/// works on the stored bytes), undo the predictor.
///
/// Holds only immutable state; callers supply the scratch buffers, so one decoder serves
/// any number of threads.
struct TIFFBlockDecoder: Sendable {
    /// The file.
    let reader: TIFFReader
    /// Its validated layout.
    let layout: TIFFImageLayout
    /// Its byte order.
    let byteOrder: TIFFByteOrder
    /// The bit pattern (native order, low `sampleSize` bytes) that fills sparse blocks:
    /// the nodata value when the sample type can hold it, else zero, as GDAL does.
    let sparseFill: UInt64

    /// Bytes before the decoded samples in a decode buffer, reserved for the LZW decoder.
    static let decodePrefix = LZWDecoder.literalBytes

    /// Scratch sizes for decoding the blocks of block rows `blockRows`: the largest stored
    /// block, a decode buffer (`decodePrefix` plus one decoded block), and one row for the
    /// floating-point predictor.
    func scratchSizes(blockRows: ClosedRange<Int>) -> (stored: Int, decoded: Int, row: Int) {
        var stored = 0
        if layout.compression != .none {
            let first = blockRows.lowerBound * layout.blocksAcross, end = (blockRows.upperBound + 1) * layout.blocksAcross
            for index in first..<end { stored = max(stored, layout.byteCounts[index]) }
        }
        let decoded = Self.decodePrefix + layout.decodedByteCount(blockRow: blockRows.lowerBound)
        let row = layout.predictor == 3 ? layout.blockWidth * layout.sampleSize : 0
        return (stored, decoded, row)
    }

    /// Decodes block `index` (in block row `index / blocksAcross`) into `buffer`, leaving
    /// the samples at `buffer[decodePrefix...]`; `buffer`, `stored` and `row` are scratch
    /// space sized by `scratchSizes`.
    ///
    /// - Throws: `.invalidData` naming the block for corrupt data, `.io` for a failed read.
    func decode(block index: Int, into buffer: UnsafeMutableRawBufferPointer, stored: UnsafeMutableRawBufferPointer, row: UnsafeMutableRawBufferPointer) throws(GEPError) {
        let blockRow = index / layout.blocksAcross
        let size = layout.decodedByteCount(blockRow: blockRow)
        let prefix = Self.decodePrefix
        precondition(buffer.count >= prefix + size)
        let block = UnsafeMutableRawBufferPointer(rebasing: buffer[prefix..<prefix + size])
        let byteCount = layout.byteCounts[index], offset = layout.offsets[index]
        if byteCount == 0 {
            fillSparse(block)
            return
        }
        switch layout.compression {
        case .none:
            try reader.read(at: offset, into: block)
        case .lzw, .deflate, .packBits:
            let input = UnsafeMutableRawBufferPointer(rebasing: stored[0..<byteCount])
            try reader.read(at: offset, into: input)
            let produced: Int
            do {
                switch layout.compression {
                case .lzw: produced = try LZWDecoder.decode(UnsafeRawBufferPointer(input), into: UnsafeMutableRawBufferPointer(rebasing: buffer[0..<prefix + size]))
                case .deflate: produced = try Deflate.decode(UnsafeRawBufferPointer(input), into: block)
                default: produced = try PackBits.decode(UnsafeRawBufferPointer(input), into: block)
                }
            } catch {
                throw .invalidRaster(reader.name, "\(layout.blockKind) \(index): \(error.message)")
            }
            guard produced == size else {
                throw .invalidRaster(reader.name, "\(layout.blockKind) \(index): \(layout.compression.name) data decodes to \(produced) bytes, expected \(size)")
            }
        }
        let rows = layout.storedRows(inBlockRow: blockRow)
        switch layout.predictor {
        case 3:
            FloatingPointPredictor.decode(block, rowSamples: layout.blockWidth, rows: rows, sampleSize: layout.sampleSize, scratch: row)
            if byteOrder.needsSwap { ByteSwap.swap(block, sampleSize: layout.sampleSize) }
        case 2:
            if byteOrder.needsSwap { ByteSwap.swap(block, sampleSize: layout.sampleSize) }
            HorizontalPredictor.decode(block, rowSamples: layout.blockWidth, rows: rows, sampleSize: layout.sampleSize)
        default:
            if byteOrder.needsSwap { ByteSwap.swap(block, sampleSize: layout.sampleSize) }
        }
    }

    /// Fills a sparse block with `sparseFill`.
    private func fillSparse(_ block: UnsafeMutableRawBufferPointer) {
        guard let base = block.baseAddress else { return }
        let size = layout.sampleSize
        for index in 0..<block.count / size {
            switch size {
            case 1: base.storeBytes(of: UInt8(truncatingIfNeeded: sparseFill), toByteOffset: index, as: UInt8.self)
            case 2: base.storeBytes(of: UInt16(truncatingIfNeeded: sparseFill), toByteOffset: 2 * index, as: UInt16.self)
            case 4: base.storeBytes(of: UInt32(truncatingIfNeeded: sparseFill), toByteOffset: 4 * index, as: UInt32.self)
            default: base.storeBytes(of: sparseFill, toByteOffset: 8 * index, as: UInt64.self)
            }
        }
    }
}
