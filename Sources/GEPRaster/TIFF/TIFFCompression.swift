/// The compression schemes this module decodes, and names for the ones it does not.
enum TIFFCompression: Sendable, Hashable {
    /// Compression 1: samples stored as they are.
    case none
    /// Compression 5: LZW.
    case lzw
    /// Compression 8 (Adobe) or 32946 (the older PKZIP code): DEFLATE in a zlib stream.
    case deflate
    /// Compression 32773: PackBits (TIFF 6.0 baseline run-length coding, `PackBits`).
    case packBits

    /// The scheme for a Compression tag value, or `nil` when this module cannot decode it.
    init?(code: Int) {
        switch code {
        case 1: self = .none
        case 5: self = .lzw
        case 8, 32946: self = .deflate
        case 32773: self = .packBits
        default: return nil
        }
    }

    /// The largest number of decoded bytes one stored byte can produce (bounding what a
    /// block's byte count can claim before anything is allocated): 1 for no compression,
    /// comfortably above the real limits of LZW (about 1,400) and DEFLATE (1,032), and
    /// PackBits' exact 64 (a two-byte run of 128).
    var maximumExpansion: Int {
        switch self {
        case .none: 1
        case .lzw: 4096
        case .deflate: 2048
        case .packBits: PackBits.maximumExpansion
        }
    }

    /// The scheme's name in messages.
    var name: String {
        switch self {
        case .none: "none"
        case .lzw: "LZW"
        case .deflate: "DEFLATE"
        case .packBits: "PackBits"
        }
    }

    /// A readable name with the code, such as "LZW (5)" or "ZSTD (50000)", for any
    /// Compression tag value.
    static func name(code: Int) -> String {
        let name: String = switch code {
        case 1: "none"
        case 2: "CCITT RLE"
        case 3: "CCITT Group 3 fax"
        case 4: "CCITT Group 4 fax"
        case 5: "LZW"
        case 6: "old-style JPEG"
        case 7: "JPEG"
        case 8: "DEFLATE"
        case 32773: "PackBits"
        case 32809: "ThunderScan"
        case 32946: "DEFLATE (PKZIP)"
        case 34661: "JBIG"
        case 34676: "SGILog"
        case 34677: "SGILog24"
        case 34712: "JPEG 2000"
        case 34887: "LERC"
        case 34925: "LZMA"
        case 50000: "ZSTD"
        case 50001: "WebP"
        case 50002: "JPEG XL"
        default: "unknown"
        }
        return "\(name) (\(code))"
    }
}
