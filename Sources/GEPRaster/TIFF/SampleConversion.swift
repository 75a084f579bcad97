/// Copies decoded native-order samples of any `RasterDataType` into rows of `Float` or
/// `Double`.
enum SampleConversion {
    /// Converts a `rows × columns` window of a block to `Destination`.
    ///
    /// - Parameters:
    ///   - block: Decoded samples, `sourceStride` per row.
    ///   - firstRow: The block row to start from.
    ///   - destination: Where the first converted sample goes; rows are `destinationStride` apart.
    static func convert<Destination: ConvertedSample>(_ block: UnsafeRawPointer, dataType: RasterDataType, sourceStride: Int, firstRow: Int, rows: Int,
                                                      columns: Int, into destination: UnsafeMutablePointer<Destination>, destinationStride: Int) {
        switch dataType {
        case .uint8: copy(block, UInt8.self, sourceStride, firstRow, rows, columns, destination, destinationStride) { Destination($0) }
        case .int8: copy(block, Int8.self, sourceStride, firstRow, rows, columns, destination, destinationStride) { Destination($0) }
        case .uint16: copy(block, UInt16.self, sourceStride, firstRow, rows, columns, destination, destinationStride) { Destination($0) }
        case .int16: copy(block, Int16.self, sourceStride, firstRow, rows, columns, destination, destinationStride) { Destination($0) }
        case .uint32: copy(block, UInt32.self, sourceStride, firstRow, rows, columns, destination, destinationStride) { Destination($0) }
        case .int32: copy(block, Int32.self, sourceStride, firstRow, rows, columns, destination, destinationStride) { Destination($0) }
        case .float32: copy(block, Float.self, sourceStride, firstRow, rows, columns, destination, destinationStride) { Destination($0) }
        case .float64: copy(block, Double.self, sourceStride, firstRow, rows, columns, destination, destinationStride) { Destination($0) }
        }
    }

    @inline(__always)
    private static func copy<T: BitwiseCopyable, Destination>(_ block: UnsafeRawPointer, _ type: T.Type, _ sourceStride: Int, _ firstRow: Int, _ rows: Int,
                                                              _ columns: Int, _ destination: UnsafeMutablePointer<Destination>, _ destinationStride: Int,
                                                              _ convert: (T) -> Destination) {
        let size = MemoryLayout<T>.size
        for row in 0..<rows {
            let source = block + (firstRow + row) * sourceStride * size
            let target = destination + row * destinationStride
            for column in 0..<columns {
                target[column] = convert(source.loadUnaligned(fromByteOffset: column * size, as: T.self))
            }
        }
    }
}
