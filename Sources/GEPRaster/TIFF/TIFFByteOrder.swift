/// The byte order of a TIFF file, named by its first two bytes.
public enum TIFFByteOrder: String, Sendable, Hashable {
    /// `II`: least significant byte first (Intel); what GDAL writes on x86 and ARM.
    case littleEndian = "II"
    /// `MM`: most significant byte first (Motorola).
    case bigEndian = "MM"

    /// The byte order of the machine running this code.
    static var native: TIFFByteOrder {
        UInt16(1).littleEndian == 1 ? .littleEndian : .bigEndian
    }

    /// Whether values in this order must be swapped to be used on this machine.
    var needsSwap: Bool { self != .native }

    /// The 16-bit value at `offset` of `bytes`; the caller has checked the bounds.
    func uint16(_ bytes: [UInt8], at offset: Int) -> UInt16 {
        let a = UInt16(bytes[offset]), b = UInt16(bytes[offset + 1])
        return self == .littleEndian ? a | b << 8 : a << 8 | b
    }

    /// The 32-bit value at `offset` of `bytes`; the caller has checked the bounds.
    func uint32(_ bytes: [UInt8], at offset: Int) -> UInt32 {
        var value: UInt32 = 0
        for index in 0..<4 {
            let byte = UInt32(bytes[offset + index])
            value |= self == .littleEndian ? byte << (8 * index) : byte << (8 * (3 - index))
        }
        return value
    }

    /// The 64-bit value at `offset` of `bytes`; the caller has checked the bounds.
    func uint64(_ bytes: [UInt8], at offset: Int) -> UInt64 {
        var value: UInt64 = 0
        for index in 0..<8 {
            let byte = UInt64(bytes[offset + index])
            value |= self == .littleEndian ? byte << (8 * index) : byte << (8 * (7 - index))
        }
        return value
    }
}
