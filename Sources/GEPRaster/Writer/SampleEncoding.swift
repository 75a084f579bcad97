/// Converts `Float` or `Double` rows to the native-order bytes of a `RasterDataType`, and
/// fills runs of samples with one bit pattern.
enum SampleEncoding {
    /// Stores `count` values as `dataType` at `target`: floats are converted (float32
    /// rounds to nearest), integers are rounded to nearest (halves away from zero) and
    /// clamped to the type's range, and NaN becomes `fill` in integer types.
    static func store<Source: BinaryFloatingPoint>(_ source: UnsafePointer<Source>, count: Int, as dataType: RasterDataType, fill: UInt64,
                                                   into target: UnsafeMutableRawPointer) {
        switch dataType {
        case .float32:
            for index in 0..<count { target.storeBytes(of: Float(source[index]), toByteOffset: 4 * index, as: Float.self) }
        case .float64:
            for index in 0..<count { target.storeBytes(of: Double(source[index]), toByteOffset: 8 * index, as: Double.self) }
        case .uint8: storeIntegers(source, count, UInt8.self, fill, target)
        case .int8: storeIntegers(source, count, Int8.self, fill, target)
        case .uint16: storeIntegers(source, count, UInt16.self, fill, target)
        case .int16: storeIntegers(source, count, Int16.self, fill, target)
        case .uint32: storeIntegers(source, count, UInt32.self, fill, target)
        case .int32: storeIntegers(source, count, Int32.self, fill, target)
        }
    }

    private static func storeIntegers<Source: BinaryFloatingPoint, T: FixedWidthInteger>(_ source: UnsafePointer<Source>, _ count: Int, _ type: T.Type,
                                                                                        _ fill: UInt64, _ target: UnsafeMutableRawPointer) {
        let fillValue = T(truncatingIfNeeded: fill)
        let lower = Double(T.min), upper = Double(T.max)
        for index in 0..<count {
            let value = Double(source[index])
            let stored: T
            if value.isNaN {
                stored = fillValue
            } else {
                let rounded = value.rounded(.toNearestOrAwayFromZero)
                stored = rounded <= lower ? T.min : rounded >= upper ? T.max : T(rounded)
            }
            target.storeBytes(of: stored, toByteOffset: index * MemoryLayout<T>.size, as: T.self)
        }
    }

    /// Writes `count` samples of `size` bytes, each the low bytes of `pattern`, at `target`.
    static func fill(_ target: UnsafeMutableRawPointer, count: Int, size: Int, pattern: UInt64) {
        switch size {
        case 1: target.initializeMemory(as: UInt8.self, repeating: UInt8(truncatingIfNeeded: pattern), count: count)
        case 2: for index in 0..<count { target.storeBytes(of: UInt16(truncatingIfNeeded: pattern), toByteOffset: 2 * index, as: UInt16.self) }
        case 4: for index in 0..<count { target.storeBytes(of: UInt32(truncatingIfNeeded: pattern), toByteOffset: 4 * index, as: UInt32.self) }
        default: for index in 0..<count { target.storeBytes(of: pattern, toByteOffset: 8 * index, as: UInt64.self) }
        }
    }
}
