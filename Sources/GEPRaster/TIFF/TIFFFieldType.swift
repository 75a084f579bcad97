/// The TIFF 6.0 and BigTIFF field types of a directory entry.
enum TIFFFieldType: UInt16 {
    case byte = 1
    case ascii = 2
    case short = 3
    case long = 4
    case rational = 5
    case signedByte = 6
    case undefined = 7
    case signedShort = 8
    case signedLong = 9
    case signedRational = 10
    case float = 11
    case double = 12
    case ifd = 13
    case long8 = 16
    case signedLong8 = 17
    case ifd8 = 18

    /// Bytes per value.
    var size: Int {
        switch self {
        case .byte, .ascii, .signedByte, .undefined: 1
        case .short, .signedShort: 2
        case .long, .signedLong, .float, .ifd: 4
        case .rational, .signedRational, .double, .long8, .signedLong8, .ifd8: 8
        }
    }

    /// True for the unsigned integer types that can hold sizes and offsets.
    var isUnsignedInteger: Bool {
        switch self {
        case .byte, .short, .long, .ifd, .long8, .ifd8: true
        default: false
        }
    }
}
