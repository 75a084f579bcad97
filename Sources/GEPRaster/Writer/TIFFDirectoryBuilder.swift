/// Collects the entries of one image file directory and lays it out, with its
/// out-of-line values, in the machine's byte order.
struct TIFFDirectoryBuilder {
    /// One entry: tag, field type, value count and the value bytes.
    private struct Entry {
        let tag: UInt16
        let type: TIFFFieldType
        let count: Int
        let bytes: [UInt8]
    }

    /// True for BigTIFF layout (20-byte entries, 8-byte counts and offsets).
    let bigTIFF: Bool
    private var entries: [Entry] = []

    /// Starts an empty directory.
    init(bigTIFF: Bool) {
        self.bigTIFF = bigTIFF
    }

    /// Adds SHORT values.
    mutating func add(_ tag: TIFFTag, shorts: [UInt16]) {
        entries.append(Entry(tag: tag.rawValue, type: .short, count: shorts.count, bytes: Self.bytes(of: shorts)))
    }

    /// Adds one LONG value.
    mutating func add(_ tag: TIFFTag, long: UInt32) {
        entries.append(Entry(tag: tag.rawValue, type: .long, count: 1, bytes: Self.bytes(of: [long])))
    }

    /// Adds offsets or byte counts: LONG in classic TIFF (the caller has checked they fit),
    /// LONG8 in BigTIFF.
    mutating func add(_ tag: TIFFTag, offsets: [UInt64]) {
        if bigTIFF {
            entries.append(Entry(tag: tag.rawValue, type: .long8, count: offsets.count, bytes: Self.bytes(of: offsets)))
        } else {
            let longs = offsets.map { UInt32(truncatingIfNeeded: $0) }
            entries.append(Entry(tag: tag.rawValue, type: .long, count: longs.count, bytes: Self.bytes(of: longs)))
        }
    }

    /// Adds DOUBLE values.
    mutating func add(_ tag: TIFFTag, doubles: [Double]) {
        entries.append(Entry(tag: tag.rawValue, type: .double, count: doubles.count, bytes: Self.bytes(of: doubles)))
    }

    /// Adds NUL-terminated ASCII text.
    mutating func add(_ tag: TIFFTag, ascii: String) {
        let bytes = Array(ascii.utf8) + [0]
        entries.append(Entry(tag: tag.rawValue, type: .ascii, count: bytes.count, bytes: bytes))
    }

    /// The directory as it will sit at file offset `offset` (a multiple of 8): entry count,
    /// entries sorted by tag, a zero next-directory offset, then the values too large to
    /// sit in their entries, each at an 8-byte boundary.
    func encode(at offset: Int) -> [UInt8] {
        let sorted = entries.sorted { $0.tag < $1.tag }
        let countSize = bigTIFF ? 8 : 2, entrySize = bigTIFF ? 20 : 12, inlineSize = bigTIFF ? 8 : 4
        var output: [UInt8] = []
        var extra: [UInt8] = []
        let extraStart = Self.aligned(countSize + sorted.count * entrySize + (bigTIFF ? 8 : 4))
        output += bigTIFF ? Self.bytes(of: [UInt64(sorted.count)]) : Self.bytes(of: [UInt16(sorted.count)])
        for entry in sorted {
            output += Self.bytes(of: [entry.tag, entry.type.rawValue])
            output += bigTIFF ? Self.bytes(of: [UInt64(entry.count)]) : Self.bytes(of: [UInt32(entry.count)])
            if entry.bytes.count <= inlineSize {
                output += entry.bytes + [UInt8](repeating: 0, count: inlineSize - entry.bytes.count)
            } else {
                let position = offset + extraStart + extra.count
                output += bigTIFF ? Self.bytes(of: [UInt64(position)]) : Self.bytes(of: [UInt32(truncatingIfNeeded: position)])
                extra += entry.bytes
                extra += [UInt8](repeating: 0, count: Self.aligned(extra.count) - extra.count)
            }
        }
        output += [UInt8](repeating: 0, count: bigTIFF ? 8 : 4)
        output += [UInt8](repeating: 0, count: extraStart - output.count)
        return output + extra
    }

    /// Size of the encoded directory for `entries` entries whose out-of-line values total
    /// `extraBytes`: an upper bound used when deciding between classic TIFF and BigTIFF.
    static func estimatedSize(entries: Int, extraBytes: Int, bigTIFF: Bool) -> Int {
        aligned((bigTIFF ? 16 : 6) + entries * (bigTIFF ? 20 : 12)) + extraBytes + 8 * entries
    }

    /// `value` rounded up to a multiple of 8.
    static func aligned(_ value: Int) -> Int {
        (value + 7) & ~7
    }

    /// The native-order bytes of `values`.
    static func bytes<T: BitwiseCopyable>(of values: [T]) -> [UInt8] {
        values.withUnsafeBytes { Array($0) }
    }
}
