/// TIFF Predictor 2, horizontal differencing: each sample of a row is stored as the
/// difference from the sample to its left (modulo 2^bits), applied to the integer bit
/// pattern of 1-, 2-, 4- or 8-byte samples in native byte order, as libtiff and GDAL do
/// (GDAL also allows it for floating-point samples, differencing their bit patterns).
enum HorizontalPredictor {
    /// Replaces differences by values, in place, row by row.
    ///
    /// - Parameters:
    ///   - block: `rows × rowSamples` samples of `sampleSize` bytes, native byte order.
    ///   - rowSamples: Samples per row (the tile width, or the image width for strips).
    static func decode(_ block: UnsafeMutableRawBufferPointer, rowSamples: Int, rows: Int, sampleSize: Int) {
        switch sampleSize {
        case 1: accumulate(block, rowSamples: rowSamples, rows: rows, as: UInt8.self)
        case 2: accumulate(block, rowSamples: rowSamples, rows: rows, as: UInt16.self)
        case 4: accumulate(block, rowSamples: rowSamples, rows: rows, as: UInt32.self)
        default: accumulate(block, rowSamples: rowSamples, rows: rows, as: UInt64.self)
        }
    }

    /// Replaces values by differences, in place, row by row; the inverse of `decode`.
    static func encode(_ block: UnsafeMutableRawBufferPointer, rowSamples: Int, rows: Int, sampleSize: Int) {
        switch sampleSize {
        case 1: difference(block, rowSamples: rowSamples, rows: rows, as: UInt8.self)
        case 2: difference(block, rowSamples: rowSamples, rows: rows, as: UInt16.self)
        case 4: difference(block, rowSamples: rowSamples, rows: rows, as: UInt32.self)
        default: difference(block, rowSamples: rowSamples, rows: rows, as: UInt64.self)
        }
    }

    private static func accumulate<T: FixedWidthInteger & UnsignedInteger>(_ block: UnsafeMutableRawBufferPointer, rowSamples: Int, rows: Int, as type: T.Type) {
        guard let base = block.baseAddress, rowSamples > 1 else { return }
        let size = MemoryLayout<T>.size
        precondition(rows * rowSamples * size <= block.count)
        for row in 0..<rows {
            let start = base + row * rowSamples * size
            var sum = start.loadUnaligned(as: T.self)
            for index in 1..<rowSamples {
                sum &+= start.loadUnaligned(fromByteOffset: index * size, as: T.self)
                start.storeBytes(of: sum, toByteOffset: index * size, as: T.self)
            }
        }
    }

    private static func difference<T: FixedWidthInteger & UnsignedInteger>(_ block: UnsafeMutableRawBufferPointer, rowSamples: Int, rows: Int, as type: T.Type) {
        guard let base = block.baseAddress, rowSamples > 1 else { return }
        let size = MemoryLayout<T>.size
        precondition(rows * rowSamples * size <= block.count)
        for row in 0..<rows {
            let start = base + row * rowSamples * size
            var previous = start.loadUnaligned(as: T.self)
            for index in 1..<rowSamples {
                let value = start.loadUnaligned(fromByteOffset: index * size, as: T.self)
                start.storeBytes(of: value &- previous, toByteOffset: index * size, as: T.self)
                previous = value
            }
        }
    }
}
