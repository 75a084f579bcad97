/// Reverses the byte order of every sample in a buffer, for files whose byte order is not
/// the machine's.
enum ByteSwap {
    /// Swaps each of the `buffer.count / sampleSize` samples of 2, 4 or 8 bytes in place;
    /// 1-byte samples are left as they are.
    static func swap(_ buffer: UnsafeMutableRawBufferPointer, sampleSize: Int) {
        guard let base = buffer.baseAddress else { return }
        let count = buffer.count / sampleSize
        switch sampleSize {
        case 2:
            for index in 0..<count {
                base.storeBytes(of: base.loadUnaligned(fromByteOffset: 2 * index, as: UInt16.self).byteSwapped, toByteOffset: 2 * index, as: UInt16.self)
            }
        case 4:
            for index in 0..<count {
                base.storeBytes(of: base.loadUnaligned(fromByteOffset: 4 * index, as: UInt32.self).byteSwapped, toByteOffset: 4 * index, as: UInt32.self)
            }
        case 8:
            for index in 0..<count {
                base.storeBytes(of: base.loadUnaligned(fromByteOffset: 8 * index, as: UInt64.self).byteSwapped, toByteOffset: 8 * index, as: UInt64.self)
            }
        default:
            break
        }
    }
}
