extension RasterDataType {
    /// The native-order bit pattern (in the low `byteCount` bytes) of `value` stored as
    /// this type (rounded to the nearest `Float` for float32, as GDAL casts nodata), or
    /// `nil` when an integer type cannot hold it exactly (NaN, a fraction, out of range).
    func bitPattern(of value: Double) -> UInt64? {
        switch self {
        case .float32:
            return UInt64(Float(value).bitPattern)
        case .float64:
            return value.bitPattern
        case .uint8: return UInt8(exactly: value).map { UInt64($0) }
        case .int8: return Int8(exactly: value).map { UInt64(UInt8(bitPattern: $0)) }
        case .uint16: return UInt16(exactly: value).map { UInt64($0) }
        case .int16: return Int16(exactly: value).map { UInt64(UInt16(bitPattern: $0)) }
        case .uint32: return UInt32(exactly: value).map { UInt64($0) }
        case .int32: return Int32(exactly: value).map { UInt64(UInt32(bitPattern: $0)) }
        }
    }
}
