import GEPCore

/// The validated structure of band 1 of a TIFF: size, sample type, compression, predictor
/// and where each block (tile or strip) lies.
///
/// Every check that bounds memory happens here, before any block is read: dimensions,
/// block sizes, block counts against the tile or strip grid, and each block's bytes
/// against the file size and the largest expansion its compression allows.
struct TIFFImageLayout: Sendable {
    /// Largest width or height accepted (the TIFF LONG range halved, 2^31 − 1).
    static let maximumDimension = Int(Int32.max)
    /// Largest number of cells accepted (2^40, about 1.1 × 10^12).
    static let maximumCellCount = 1 << 40
    /// Largest decoded block accepted, in bytes (1 GiB).
    static let maximumBlockBytes = 1 << 30

    /// Columns.
    let width: Int
    /// Rows.
    let height: Int
    /// The sample type.
    let dataType: RasterDataType
    /// The Compression tag value.
    let compressionCode: Int
    /// The decoder for it.
    let compression: TIFFCompression
    /// The predictor in effect: the Predictor tag (1 none, 2 horizontal, 3 floating
    /// point), except that uncompressed and PackBits data never use one (libtiff applies
    /// predictors only in the LZW, DEFLATE and newer codecs and ignores the tag there).
    let predictor: Int
    /// True for tiles, false for strips.
    let isTiled: Bool
    /// Tile width, or the image width for strips.
    let blockWidth: Int
    /// Tile height, or rows per strip (at most the image height).
    let blockHeight: Int
    /// Blocks per block row (1 for strips).
    let blocksAcross: Int
    /// Block rows.
    let blocksDown: Int
    /// File offset of each block, row-major by block.
    let offsets: [Int]
    /// Stored bytes of each block; 0 (with offset 0) marks a sparse block.
    let byteCounts: [Int]

    /// Number of blocks.
    var blockCount: Int { offsets.count }
    /// Bytes per sample.
    var sampleSize: Int { dataType.byteCount }
    /// "tile" or "strip", for messages.
    var blockKind: String { isTiled ? "tile" : "strip" }

    /// Rows of image data in block row `blockRow` (the last may be shorter).
    func rows(inBlockRow blockRow: Int) -> Int {
        min(blockHeight, height - blockRow * blockHeight)
    }

    /// Rows of samples stored in a block of block row `blockRow`: the full tile height for
    /// tiles, the rows present for strips.
    func storedRows(inBlockRow blockRow: Int) -> Int {
        isTiled ? blockHeight : rows(inBlockRow: blockRow)
    }

    /// Decoded bytes of a block in block row `blockRow`.
    func decodedByteCount(blockRow: Int) -> Int {
        storedRows(inBlockRow: blockRow) * blockWidth * sampleSize
    }

    /// Reads and validates the layout from `directory`.
    init(directory: TIFFDirectory) throws(GEPError) {
        let name = directory.reader.name
        let fileSize = directory.reader.source.size

        func required(_ tag: TIFFTag) throws(GEPError) -> UInt64 {
            guard let value = try directory.unsignedInteger(tag) else {
                throw .invalidRaster(name, "missing required tag \(tag.label)")
            }
            return value
        }
        func fail(_ message: String) -> GEPError { .invalidRaster(name, message) }

        let rawWidth = try required(.imageWidth), rawHeight = try required(.imageLength)
        guard rawWidth > 0, rawHeight > 0 else {
            throw fail("image size \(rawWidth) × \(rawHeight) is empty")
        }
        guard rawWidth <= UInt64(Self.maximumDimension), rawHeight <= UInt64(Self.maximumDimension) else {
            throw fail("image size \(rawWidth) × \(rawHeight) exceeds the limit of \(Self.maximumDimension) cells per side")
        }
        width = Int(rawWidth)
        height = Int(rawHeight)
        let (cells, cellOverflow) = width.multipliedReportingOverflow(by: height)
        guard !cellOverflow, cells <= Self.maximumCellCount else {
            throw fail("image size \(width) × \(height) exceeds the limit of \(Self.maximumCellCount) cells")
        }

        let samplesPerPixel = try directory.unsignedInteger(.samplesPerPixel) ?? 1
        guard samplesPerPixel == 1 else {
            throw fail("unsupported SamplesPerPixel \(samplesPerPixel): only single-band rasters are read")
        }
        let planar = try directory.unsignedInteger(.planarConfiguration) ?? 1
        guard planar == 1 || planar == 2 else {
            throw fail("unsupported PlanarConfiguration \(planar)")
        }
        let bits = try directory.unsignedInteger(.bitsPerSample) ?? 1
        let format = try directory.unsignedInteger(.sampleFormat) ?? 1
        dataType = try Self.dataType(sampleFormat: format, bitsPerSample: bits, file: name)

        let code = try directory.unsignedInteger(.compression) ?? 1
        guard let compression = code <= UInt64(Int32.max) ? TIFFCompression(code: Int(code)) : nil else {
            throw fail("unsupported compression \(TIFFCompression.name(code: Int(min(code, UInt64(Int32.max))))); supported: none (1), LZW (5), DEFLATE (8, 32946), PackBits (32773)")
        }
        compressionCode = Int(code)
        self.compression = compression

        let predictor = try directory.unsignedInteger(.predictor) ?? 1
        switch predictor {
        case 1, 2:
            break
        case 3:
            guard dataType.isFloatingPoint else {
                throw fail("floating-point Predictor 3 used with \(dataType.rawValue) samples")
            }
        default:
            throw fail("unsupported Predictor \(predictor): expected 1 (none), 2 (horizontal) or 3 (floating point)")
        }
        self.predictor = compression == .none || compression == .packBits ? 1 : Int(predictor)

        let offsetsTag: TIFFTag, countsTag: TIFFTag
        if directory.contains(.tileWidth) || directory.contains(.tileLength) || directory.contains(.tileOffsets) {
            isTiled = true
            let tileWidth = try required(.tileWidth), tileHeight = try required(.tileLength)
            guard tileWidth > 0, tileHeight > 0, tileWidth <= UInt64(Self.maximumDimension), tileHeight <= UInt64(Self.maximumDimension) else {
                throw fail("invalid tile size \(tileWidth) × \(tileHeight)")
            }
            blockWidth = Int(tileWidth)
            blockHeight = Int(tileHeight)
            offsetsTag = .tileOffsets
            countsTag = .tileByteCounts
        } else {
            isTiled = false
            let rowsPerStrip = try directory.unsignedInteger(.rowsPerStrip) ?? UInt64(UInt32.max)
            guard rowsPerStrip > 0 else { throw fail("RowsPerStrip is 0") }
            blockWidth = width
            blockHeight = Int(min(rowsPerStrip, UInt64(height)))
            offsetsTag = .stripOffsets
            countsTag = .stripByteCounts
        }
        let kind = isTiled ? "tile" : "strip"
        let (blockSamples, samplesOverflow) = blockWidth.multipliedReportingOverflow(by: blockHeight)
        let (blockBytes, bytesOverflow) = blockSamples.multipliedReportingOverflow(by: dataType.byteCount)
        guard !samplesOverflow, !bytesOverflow, blockBytes <= Self.maximumBlockBytes else {
            throw fail("\(kind) size \(blockWidth) × \(blockHeight) exceeds the limit of \(Self.maximumBlockBytes) decoded bytes per block")
        }
        blocksAcross = (width + blockWidth - 1) / blockWidth
        blocksDown = (height + blockHeight - 1) / blockHeight
        let expected = blocksAcross * blocksDown  // ≤ cells ≤ 2^40: cannot overflow
        guard let offsets = try directory.unsignedIntegers(offsetsTag) else {
            throw fail("missing required tag \(offsetsTag.label)")
        }
        guard let counts = try directory.unsignedIntegers(countsTag) else {
            throw fail("missing required tag \(countsTag.label)")
        }
        let grid = isTiled ? "\(blocksAcross) × \(blocksDown) tiles of \(blockWidth) × \(blockHeight)" : "strips of \(blockHeight) rows"
        guard offsets.count == expected else {
            throw fail("\(offsetsTag.label) has \(offsets.count) values, expected \(expected) (\(grid))")
        }
        guard counts.count == expected else {
            throw fail("\(countsTag.label) has \(counts.count) values, expected \(expected) (\(grid))")
        }
        var blockOffsets = [Int](repeating: 0, count: expected)
        var blockCounts = [Int](repeating: 0, count: expected)
        for index in 0..<expected {
            let offset = offsets[index], count = counts[index]
            if offset == 0 && count == 0 { continue }  // sparse block (GDAL SPARSE_OK)
            guard count > 0 else {
                throw fail("\(kind) \(index): zero byte count")
            }
            guard offset <= UInt64(fileSize), count <= UInt64(fileSize), offset + count <= UInt64(fileSize) else {
                throw fail("\(kind) \(index): \(count) bytes at offset \(offset) extend beyond the end of the file (\(fileSize) bytes)")
            }
            let stored = Int(count)
            let decoded = (isTiled ? blockHeight : min(blockHeight, height - (index / blocksAcross) * blockHeight)) * blockWidth * dataType.byteCount
            let (limit, limitOverflow) = stored.multipliedReportingOverflow(by: compression.maximumExpansion)
            guard limitOverflow || limit >= decoded else {
                throw fail("\(kind) \(index): \(stored) stored bytes cannot hold \(decoded) decoded bytes")
            }
            blockOffsets[index] = Int(offset)
            blockCounts[index] = stored
        }
        self.offsets = blockOffsets
        self.byteCounts = blockCounts
    }

    /// The data type for a SampleFormat and BitsPerSample pair.
    private static func dataType(sampleFormat: UInt64, bitsPerSample: UInt64, file: String) throws(GEPError) -> RasterDataType {
        switch (sampleFormat, bitsPerSample) {
        case (1, 8): return .uint8
        case (2, 8): return .int8
        case (1, 16): return .uint16
        case (2, 16): return .int16
        case (1, 32): return .uint32
        case (2, 32): return .int32
        case (3, 32): return .float32
        case (3, 64): return .float64
        default:
            let kind: String = switch sampleFormat {
            case 1: "unsigned integer"
            case 2: "signed integer"
            case 3: "floating-point"
            case 4: "untyped (SampleFormat 4)"
            case 5: "complex integer"
            case 6: "complex floating-point"
            default: "SampleFormat \(sampleFormat)"
            }
            throw .invalidRaster(file, "unsupported sample type: \(bitsPerSample)-bit \(kind); supported: 8/16/32-bit integers, 32/64-bit floating point")
        }
    }
}
