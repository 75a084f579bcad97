/// TIFF Predictor 3, the floating-point predictor of Adobe's TIFF Technical Note 3, as
/// libtiff on little-endian machines (every GDAL build in practice) implements it: each
/// row's samples are split into byte planes, plane k holding byte `size − 1 − k` of each
/// sample as stored in the file, and the planes are then stored as byte-wise horizontal
/// differences along the whole row.
///
/// For little-endian files the first plane holds the most significant bytes, as the note
/// describes. For big-endian files it holds the least significant ones: that is what GDAL
/// writes and reads on x86 and ARM (libtiff's plane order follows the machine, not the file).
enum FloatingPointPredictor {
    /// Restores `rows` rows of `rowSamples` 4- or 8-byte floats, in place, to samples in
    /// the file's byte order. `scratch` must hold at least one row (`rowSamples × sampleSize` bytes).
    static func decode(_ block: UnsafeMutableRawBufferPointer, rowSamples: Int, rows: Int, sampleSize: Int, scratch: UnsafeMutableRawBufferPointer) {
        let rowBytes = rowSamples * sampleSize
        guard let base = block.baseAddress?.assumingMemoryBound(to: UInt8.self),
              let planes = scratch.baseAddress?.assumingMemoryBound(to: UInt8.self), rowBytes > 0 else { return }
        precondition(rows * rowBytes <= block.count && rowBytes <= scratch.count)
        for row in 0..<rows {
            let bytes = base + row * rowBytes
            var sum = bytes[0]
            planes[0] = sum
            for index in 1..<rowBytes {
                sum &+= bytes[index]
                planes[index] = sum
            }
            let output = UnsafeMutableRawPointer(bytes)
            if sampleSize == 4 {
                for index in 0..<rowSamples {
                    let value = UInt32(planes[index]) << 24 | UInt32(planes[rowSamples + index]) << 16
                        | UInt32(planes[2 * rowSamples + index]) << 8 | UInt32(planes[3 * rowSamples + index])
                    output.storeBytes(of: value.littleEndian, toByteOffset: 4 * index, as: UInt32.self)
                }
            } else {
                for index in 0..<rowSamples {
                    var value: UInt64 = 0
                    for plane in 0..<8 {
                        value = value << 8 | UInt64(planes[plane * rowSamples + index])
                    }
                    output.storeBytes(of: value.littleEndian, toByteOffset: 8 * index, as: UInt64.self)
                }
            }
        }
    }

    /// Applies the predictor to `rows` rows of `rowSamples` 4- or 8-byte floats in the
    /// byte order they will be stored in, in place; the inverse of `decode`. `scratch`
    /// must hold one row.
    static func encode(_ block: UnsafeMutableRawBufferPointer, rowSamples: Int, rows: Int, sampleSize: Int, scratch: UnsafeMutableRawBufferPointer) {
        let rowBytes = rowSamples * sampleSize
        guard let base = block.baseAddress?.assumingMemoryBound(to: UInt8.self),
              let planes = scratch.baseAddress?.assumingMemoryBound(to: UInt8.self), rowBytes > 0 else { return }
        precondition(rows * rowBytes <= block.count && rowBytes <= scratch.count)
        for row in 0..<rows {
            let bytes = base + row * rowBytes
            let input = UnsafeRawPointer(bytes)
            if sampleSize == 4 {
                for index in 0..<rowSamples {
                    let value = UInt32(littleEndian: input.loadUnaligned(fromByteOffset: 4 * index, as: UInt32.self))
                    for plane in 0..<4 {
                        planes[plane * rowSamples + index] = UInt8(truncatingIfNeeded: value >> UInt32(24 - 8 * plane))
                    }
                }
            } else {
                for index in 0..<rowSamples {
                    let value = UInt64(littleEndian: input.loadUnaligned(fromByteOffset: 8 * index, as: UInt64.self))
                    for plane in 0..<8 {
                        planes[plane * rowSamples + index] = UInt8(truncatingIfNeeded: value >> UInt64(56 - 8 * plane))
                    }
                }
            }
            bytes[0] = planes[0]
            for index in 1..<rowBytes {
                bytes[index] = planes[index] &- planes[index - 1]
            }
        }
    }
}
