import GEPCore

extension GeoTIFFBand {
    /// Decodes rows `rows` (all columns) into `buffer`, row-major, converted to `Float`.
    ///
    /// Only the blocks that intersect the rows are read and decoded; memory use is one
    /// block plus its stored bytes. Safe to call from several threads at once.
    ///
    /// - Precondition: `rows` lies within `0..<geometry.height` and `buffer` holds
    ///   `rows.count × geometry.width` values.
    /// - Throws: `.invalidData` naming the file and block for corrupt data (such as
    ///   "tile 12: LZW code 4103 out of range"); `.io` when a read fails.
    public func read(rows: Range<Int>, into buffer: UnsafeMutableBufferPointer<Float>) throws(GEPError) {
        try convert(rows: rows, into: buffer)
    }

    /// Decodes rows `rows` (all columns) into `buffer`, row-major, converted exactly to
    /// `Double`: the same blocks, decoding and memory use as `read(rows:into:)`, with only
    /// the last step, the conversion of each stored sample, to `Double` instead of `Float`.
    ///
    /// - Precondition: As `read(rows:into:)`.
    /// - Throws: As `read(rows:into:)`.
    public func readDoubles(rows: Range<Int>, into buffer: UnsafeMutableBufferPointer<Double>) throws(GEPError) {
        try convert(rows: rows, into: buffer)
    }

    /// Decodes the blocks that intersect `rows` and converts their samples into `buffer`;
    /// the body of `read(rows:into:)` and `readDoubles(rows:into:)`.
    private func convert<Value: ConvertedSample>(rows: Range<Int>, into buffer: UnsafeMutableBufferPointer<Value>) throws(GEPError) {
        let layout = decoder.layout
        let width = layout.width
        precondition(rows.lowerBound >= 0 && rows.upperBound <= layout.height, "rows \(rows) outside 0..<\(layout.height)")
        precondition(buffer.count >= rows.count * width, "buffer of \(buffer.count) values for \(rows.count) rows of \(width)")
        guard !rows.isEmpty, let destination = buffer.baseAddress else { return }
        let blockRows = rows.lowerBound / layout.blockHeight...(rows.upperBound - 1) / layout.blockHeight
        try forEachBlock(blockRows: blockRows) { (block, blockRow, blockColumn) in
            let top = blockRow * layout.blockHeight
            let first = max(rows.lowerBound, top), end = min(rows.upperBound, top + layout.rows(inBlockRow: blockRow))
            let left = blockColumn * layout.blockWidth
            SampleConversion.convert(block, dataType: layout.dataType, sourceStride: layout.blockWidth, firstRow: first - top, rows: end - first,
                                     columns: min(layout.blockWidth, width - left),
                                     into: destination + (first - rows.lowerBound) * width + left, destinationStride: width)
        }
    }

    /// Decodes block row `blockRow` (rows `blockRow × blockHeight` up to the next block row
    /// or the last row) into `buffer`: the engine's aligned fast path.
    ///
    /// - Precondition: `0 <= blockRow < blockRowCount`, and `buffer` holds the block row's
    ///   rows × `geometry.width` values.
    /// - Throws: As `read(rows:into:)`.
    public func readBlockRow(_ blockRow: Int, into buffer: UnsafeMutableBufferPointer<Float>) throws(GEPError) {
        let layout = decoder.layout
        precondition(blockRow >= 0 && blockRow < layout.blocksDown, "block row \(blockRow) outside 0..<\(layout.blocksDown)")
        let top = blockRow * layout.blockHeight
        try read(rows: top..<top + layout.rows(inBlockRow: blockRow), into: buffer)
    }

    /// Decodes every block of block rows `blockRows` in order, calling `body` with the
    /// decoded native-order samples (`blockWidth` per row), the block row and the block
    /// column. Scratch buffers are allocated once per call.
    func forEachBlock(blockRows: ClosedRange<Int>, _ body: (UnsafeRawPointer, Int, Int) -> Void) throws(GEPError) {
        let layout = decoder.layout
        let sizes = decoder.scratchSizes(blockRows: blockRows)
        let decoded = UnsafeMutableRawBufferPointer.allocate(byteCount: sizes.decoded, alignment: 16)
        let stored = UnsafeMutableRawBufferPointer.allocate(byteCount: sizes.stored, alignment: 16)
        let row = UnsafeMutableRawBufferPointer.allocate(byteCount: sizes.row, alignment: 16)
        defer {
            decoded.deallocate()
            stored.deallocate()
            row.deallocate()
        }
        for blockRow in blockRows {
            for blockColumn in 0..<layout.blocksAcross {
                try decoder.decode(block: blockRow * layout.blocksAcross + blockColumn, into: decoded, stored: stored, row: row)
                body(UnsafeRawPointer(decoded.baseAddress! + TIFFBlockDecoder.decodePrefix), blockRow, blockColumn)
            }
        }
    }
}
