import GEPCore

/// The mutable half of a `GeoTIFFWriter`: buffers rows until a block row is complete,
/// encodes its blocks (predictor, then compression), writes them, and at the end writes
/// the directory and header.
///
/// File layout: the 8-byte (classic) or 16-byte (BigTIFF) header, the blocks in order,
/// then the directory and its values at the end. Samples are in the machine's byte order,
/// which the header declares.
final class GeoTIFFBlockEncoder {
    /// What to write.
    let plan: GeoTIFFWritePlan
    /// Where to.
    private let file: TemporaryOutputFile
    /// One block row of samples in the stored type, `blockHeight × width`.
    private let pending: UnsafeMutableRawBufferPointer
    /// One tile (tiled layout only).
    private let tile: UnsafeMutableRawBufferPointer
    /// One block row of byte planes for Predictor 3.
    private let planes: UnsafeMutableRawBufferPointer
    /// Rows held in `pending`.
    private var pendingRows = 0
    /// Rows appended so far.
    private(set) var rowsReceived = 0
    /// File offset of each block written.
    private var offsets: [UInt64] = []
    /// Stored size of each block written.
    private var byteCounts: [UInt64] = []
    /// Where the next block goes.
    private var nextOffset: Int
    /// Set when a write failed or the file was finished: no further use.
    private var closed = false

    /// Prepares the buffers for `plan`, writing to `file`.
    init(plan: GeoTIFFWritePlan, file: TemporaryOutputFile) {
        self.plan = plan
        self.file = file
        let rowBytes = plan.geometry.width * plan.sampleSize
        pending = .allocate(byteCount: plan.blockHeight * rowBytes, alignment: 16)
        tile = .allocate(byteCount: plan.isTiled ? plan.blockWidth * plan.blockHeight * plan.sampleSize : 0, alignment: 16)
        planes = .allocate(byteCount: plan.predictor == 3 ? plan.blockWidth * plan.sampleSize : 0, alignment: 16)
        nextOffset = plan.bigTIFF ? 16 : 8
        offsets.reserveCapacity(plan.blocksAcross * plan.blocksDown)
        byteCounts.reserveCapacity(plan.blocksAcross * plan.blocksDown)
    }

    deinit {
        pending.deallocate()
        tile.deallocate()
        planes.deallocate()
    }

    /// Converts and buffers `count` rows, writing each block row as it completes.
    func append<Source: BinaryFloatingPoint>(_ rows: UnsafeBufferPointer<Source>, count: Int) throws(GEPError) {
        let width = plan.geometry.width
        precondition(count >= 0 && rows.count >= count * width, "\(rows.count) values for \(count) rows of \(width)")
        precondition(rowsReceived + count <= plan.geometry.height, "appending \(count) rows after \(rowsReceived) of \(plan.geometry.height)")
        guard !closed else { throw .io(path: plan.path, reason: "the writer failed or was finished earlier") }
        guard count > 0, let source = rows.baseAddress, let buffer = pending.baseAddress else { return }
        let rowBytes = width * plan.sampleSize
        for row in 0..<count {
            SampleEncoding.store(source + row * width, count: width, as: plan.dataType, fill: plan.fill, into: buffer + pendingRows * rowBytes)
            pendingRows += 1
            rowsReceived += 1
            if pendingRows == plan.blockHeight {
                try writeBlockRow()
            }
        }
    }

    /// Writes the rest and puts the file in place.
    func finish() throws(GEPError) {
        guard !closed else { throw .io(path: plan.path, reason: "the writer failed or was finished earlier") }
        guard rowsReceived == plan.geometry.height else {
            closed = true
            throw .cannotCreateOutput(path: plan.path, reason: "only \(rowsReceived) of \(plan.geometry.height) rows were written")
        }
        if pendingRows > 0 { try writeBlockRow() }
        closed = true
        let directoryOffset = TIFFDirectoryBuilder.aligned(nextOffset)
        let directory = makeDirectory().encode(at: directoryOffset)
        guard plan.bigTIFF || directoryOffset + directory.count <= Int(UInt32.max) else {
            throw .io(path: plan.path, reason: "the file exceeds classic TIFF's 4 GiB limit")
        }
        try file.write(directory, at: directoryOffset)
        var header: [UInt8] = TIFFByteOrder.native == .littleEndian ? [0x49, 0x49] : [0x4D, 0x4D]
        if plan.bigTIFF {
            header += TIFFDirectoryBuilder.bytes(of: [UInt16(43), 8, 0]) + TIFFDirectoryBuilder.bytes(of: [UInt64(directoryOffset)])
        } else {
            header += TIFFDirectoryBuilder.bytes(of: [UInt16(42)]) + TIFFDirectoryBuilder.bytes(of: [UInt32(directoryOffset)])
        }
        try file.write(header, at: 0)
        try file.commit()
    }

    /// Encodes and writes the blocks of the buffered block row.
    private func writeBlockRow() throws(GEPError) {
        let width = plan.geometry.width, size = plan.sampleSize
        guard let source = pending.baseAddress else { return }
        if !plan.isTiled {
            try writeBlock(UnsafeMutableRawBufferPointer(rebasing: pending[0..<pendingRows * width * size]), rows: pendingRows)
        } else if let target = tile.baseAddress {
            let tileRowBytes = plan.blockWidth * size
            for column in 0..<plan.blocksAcross {
                let left = column * plan.blockWidth
                let columns = min(plan.blockWidth, width - left)
                for row in 0..<plan.blockHeight {
                    let destination = target + row * tileRowBytes
                    if row < pendingRows {
                        destination.copyMemory(from: source + (row * width + left) * size, byteCount: columns * size)
                        SampleEncoding.fill(destination + columns * size, count: plan.blockWidth - columns, size: size, pattern: plan.fill)
                    } else {
                        SampleEncoding.fill(destination, count: plan.blockWidth, size: size, pattern: plan.fill)
                    }
                }
                try writeBlock(tile, rows: plan.blockHeight)
            }
        }
        pendingRows = 0
    }

    /// Applies the predictor to `block` (`rows` rows of `blockWidth` samples), compresses
    /// it and writes it at the end of the file.
    private func writeBlock(_ block: UnsafeMutableRawBufferPointer, rows: Int) throws(GEPError) {
        switch plan.predictor {
        case 2: HorizontalPredictor.encode(block, rowSamples: plan.blockWidth, rows: rows, sampleSize: plan.sampleSize)
        case 3: FloatingPointPredictor.encode(block, rowSamples: plan.blockWidth, rows: rows, sampleSize: plan.sampleSize, scratch: planes)
        default: break
        }
        let count: Int
        do {
            switch plan.compression {
            case .none:
                try file.write(UnsafeRawBufferPointer(block), at: nextOffset)
                count = block.count
            case .lzw:
                let encoded = LZWEncoder.encode(UnsafeRawBufferPointer(block))
                try file.write(encoded, at: nextOffset)
                count = encoded.count
            case let .deflate(level):
                let encoded = Deflate.encode(UnsafeRawBufferPointer(block), level: level)
                try file.write(encoded, at: nextOffset)
                count = encoded.count
            case .packBits:
                let encoded = PackBits.encode(UnsafeRawBufferPointer(block), rowBytes: plan.blockWidth * plan.sampleSize)
                try file.write(encoded, at: nextOffset)
                count = encoded.count
            }
        } catch {
            closed = true
            throw error
        }
        offsets.append(UInt64(nextOffset))
        byteCounts.append(UInt64(count))
        nextOffset += count
        if !plan.bigTIFF && nextOffset > Int(UInt32.max) {
            closed = true
            throw .io(path: plan.path, reason: "the file exceeds classic TIFF's 4 GiB limit")
        }
    }

    /// The directory entries: image structure, block index, georeferencing and nodata.
    private func makeDirectory() -> TIFFDirectoryBuilder {
        var builder = TIFFDirectoryBuilder(bigTIFF: plan.bigTIFF)
        let geometry = plan.geometry
        builder.add(.imageWidth, long: UInt32(geometry.width))
        builder.add(.imageLength, long: UInt32(geometry.height))
        builder.add(.bitsPerSample, shorts: [UInt16(8 * plan.sampleSize)])
        builder.add(.compression, shorts: [UInt16(plan.compressionCode)])
        builder.add(.photometricInterpretation, shorts: [1])
        builder.add(.samplesPerPixel, shorts: [1])
        builder.add(.planarConfiguration, shorts: [1])
        if plan.predictor != 1 { builder.add(.predictor, shorts: [UInt16(plan.predictor)]) }
        let format: UInt16 = plan.dataType.isFloatingPoint ? 3 : [.int8, .int16, .int32].contains(plan.dataType) ? 2 : 1
        builder.add(.sampleFormat, shorts: [format])
        if plan.isTiled {
            builder.add(.tileWidth, long: UInt32(plan.blockWidth))
            builder.add(.tileLength, long: UInt32(plan.blockHeight))
            builder.add(.tileOffsets, offsets: offsets)
            builder.add(.tileByteCounts, offsets: byteCounts)
        } else {
            builder.add(.rowsPerStrip, long: UInt32(plan.blockHeight))
            builder.add(.stripOffsets, offsets: offsets)
            builder.add(.stripByteCounts, offsets: byteCounts)
        }
        builder.add(.modelPixelScale, doubles: [geometry.cellWidth, geometry.cellHeight, 0])
        builder.add(.modelTiepoint, doubles: [0, 0, 0, geometry.originX, geometry.originY, 0])
        builder.add(.geoKeyDirectory, shorts: plan.geoKeys)
        if let nodata = plan.nodata {
            builder.add(.gdalNoData, ascii: GDALNoData.format(nodata))
        }
        return builder
    }
}
