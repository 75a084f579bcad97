import GEPCore

/// The header and first image file directory (IFD) of a classic TIFF or BigTIFF file, with
/// typed, bounds-checked access to tag values.
struct TIFFDirectory: Sendable {
    /// One directory entry: where its value lies and how it is typed.
    private struct Entry: Sendable {
        /// The field type, or `nil` for a type this reader does not know.
        let type: TIFFFieldType?
        /// The raw field type number, for messages.
        let rawType: UInt16
        /// Number of values.
        let count: Int
        /// Offset of the entry's value/offset field inside `fields`.
        let fieldOffset: Int
    }

    /// The file this directory was read from.
    let reader: TIFFReader
    /// The file's byte order.
    let byteOrder: TIFFByteOrder
    /// True for BigTIFF (version 43, 8-byte offsets).
    let isBigTIFF: Bool
    /// The raw entry bytes of the directory.
    private let fields: [UInt8]
    /// Entries by tag number; the first wins when a tag repeats.
    private let entries: [UInt16: Entry]

    /// Reads and checks the header and the first IFD.
    ///
    /// - Throws: `.invalidData` for a wrong magic number or version, or an IFD outside the file.
    init(reader: TIFFReader) throws(GEPError) {
        self.reader = reader
        let name = reader.name
        let size = reader.source.size
        guard size >= 8 else {
            throw .invalidRaster(name, "not a TIFF file: only \(size) bytes, a TIFF header needs 8")
        }
        let header = try reader.bytes(at: 0, count: min(size, 16), what: "TIFF header")
        switch (header[0], header[1]) {
        case (0x49, 0x49): byteOrder = .littleEndian
        case (0x4D, 0x4D): byteOrder = .bigEndian
        default:
            throw .invalidRaster(name, "not a TIFF file: it starts with bytes \(Self.hex(header[0])) \(Self.hex(header[1])), expected 'II' or 'MM'")
        }
        let version = byteOrder.uint16(header, at: 2)
        let firstIFD: UInt64
        switch version {
        case 42:
            isBigTIFF = false
            firstIFD = UInt64(byteOrder.uint32(header, at: 4))
        case 43:
            guard header.count == 16 else {
                throw .invalidRaster(name, "truncated BigTIFF header: \(size) bytes, expected at least 16")
            }
            let offsetSize = byteOrder.uint16(header, at: 4)
            guard offsetSize == 8, byteOrder.uint16(header, at: 6) == 0 else {
                throw .invalidRaster(name, "BigTIFF header declares \(offsetSize)-byte offsets; only 8 is defined")
            }
            isBigTIFF = true
            firstIFD = byteOrder.uint64(header, at: 8)
        default:
            throw .invalidRaster(name, "unsupported TIFF version \(version): expected 42 (TIFF) or 43 (BigTIFF)")
        }
        let headerSize = isBigTIFF ? 16 : 8
        guard firstIFD >= UInt64(headerSize), firstIFD < UInt64(size) else {
            throw .invalidRaster(name, "first IFD offset \(firstIFD) lies outside the file (\(size) bytes)")
        }
        let ifdOffset = Int(firstIFD)
        let countSize = isBigTIFF ? 8 : 2
        let countBytes = try reader.bytes(at: ifdOffset, count: countSize, what: "IFD entry count")
        let entryCount = isBigTIFF ? byteOrder.uint64(countBytes, at: 0) : UInt64(byteOrder.uint16(countBytes, at: 0))
        let entrySize = isBigTIFF ? 20 : 12
        guard entryCount > 0 else {
            throw .invalidRaster(name, "the IFD at offset \(ifdOffset) has no entries")
        }
        guard entryCount <= UInt64(size / entrySize) else {
            throw .invalidRaster(name, "the IFD at offset \(ifdOffset) claims \(entryCount) entries, more than the file can hold")
        }
        let count = Int(entryCount)
        fields = try reader.bytes(at: ifdOffset + countSize, count: count * entrySize, what: "IFD with \(count) entries")
        var entries: [UInt16: Entry] = [:]
        for index in 0..<count {
            let base = index * entrySize
            let tag = byteOrder.uint16(fields, at: base)
            guard entries[tag] == nil else { continue }
            let rawType = byteOrder.uint16(fields, at: base + 2)
            let rawCount = isBigTIFF ? byteOrder.uint64(fields, at: base + 4) : UInt64(byteOrder.uint32(fields, at: base + 4))
            guard rawCount <= UInt64(Int.max) else {
                throw .invalidRaster(name, "tag \(tag) claims \(rawCount) values")
            }
            entries[tag] = Entry(type: TIFFFieldType(rawValue: rawType), rawType: rawType, count: Int(rawCount), fieldOffset: base + (isBigTIFF ? 12 : 8))
        }
        self.entries = entries
    }

    /// Whether the directory has `tag`.
    func contains(_ tag: TIFFTag) -> Bool {
        entries[tag.rawValue] != nil
    }

    /// The raw bytes of the value of `tag` (in file byte order) and its type, or `nil`
    /// when the tag is absent.
    private func rawValue(_ tag: TIFFTag) throws(GEPError) -> (type: TIFFFieldType, count: Int, bytes: [UInt8])? {
        guard let entry = entries[tag.rawValue] else { return nil }
        guard let type = entry.type else {
            throw .invalidRaster(reader.name, "tag \(tag.label) has unknown field type \(entry.rawType)")
        }
        let (byteCount, overflow) = entry.count.multipliedReportingOverflow(by: type.size)
        guard !overflow, byteCount <= reader.source.size else {
            throw .invalidRaster(reader.name, "tag \(tag.label) claims \(entry.count) values, more than the file can hold")
        }
        let inlineCapacity = isBigTIFF ? 8 : 4
        if byteCount <= inlineCapacity {
            return (type, entry.count, Array(fields[entry.fieldOffset..<entry.fieldOffset + byteCount]))
        }
        let offset = isBigTIFF ? byteOrder.uint64(fields, at: entry.fieldOffset) : UInt64(byteOrder.uint32(fields, at: entry.fieldOffset))
        guard offset <= UInt64(reader.source.size) else {
            throw .invalidRaster(reader.name, "tag \(tag.label): values at offset \(offset) lie beyond the end of the file (\(reader.source.size) bytes)")
        }
        let bytes = try reader.bytes(at: Int(offset), count: byteCount, what: "tag \(tag.label) values")
        return (type, entry.count, bytes)
    }

    /// The values of an unsigned-integer tag (BYTE, SHORT, LONG, LONG8 or IFD types),
    /// or `nil` when the tag is absent.
    func unsignedIntegers(_ tag: TIFFTag) throws(GEPError) -> [UInt64]? {
        guard let (type, count, bytes) = try rawValue(tag) else { return nil }
        guard type.isUnsignedInteger else {
            throw .invalidRaster(reader.name, "tag \(tag.label) has field type \(type.rawValue), expected an unsigned integer type")
        }
        var values = [UInt64](repeating: 0, count: count)
        for index in 0..<count {
            switch type.size {
            case 1: values[index] = UInt64(bytes[index])
            case 2: values[index] = UInt64(byteOrder.uint16(bytes, at: 2 * index))
            case 4: values[index] = UInt64(byteOrder.uint32(bytes, at: 4 * index))
            default: values[index] = byteOrder.uint64(bytes, at: 8 * index)
            }
        }
        return values
    }

    /// The single value of an unsigned-integer tag, or `nil` when absent. Extra values (as
    /// in a per-sample BitsPerSample) must all equal the first.
    func unsignedInteger(_ tag: TIFFTag) throws(GEPError) -> UInt64? {
        guard let values = try unsignedIntegers(tag) else { return nil }
        guard let first = values.first else {
            throw .invalidRaster(reader.name, "tag \(tag.label) has no value")
        }
        guard values.allSatisfy({ $0 == first }) else {
            throw .invalidRaster(reader.name, "tag \(tag.label) has differing values \(values.prefix(8).map(String.init).joined(separator: ", ")); only one sample is supported")
        }
        return first
    }

    /// The values of a numeric tag as `Double` (DOUBLE, FLOAT, RATIONAL or integer types),
    /// or `nil` when the tag is absent.
    func doubles(_ tag: TIFFTag) throws(GEPError) -> [Double]? {
        guard let (type, count, bytes) = try rawValue(tag) else { return nil }
        var values = [Double](repeating: 0, count: count)
        for index in 0..<count {
            switch type {
            case .double:
                values[index] = Double(bitPattern: byteOrder.uint64(bytes, at: 8 * index))
            case .float:
                values[index] = Double(Float(bitPattern: byteOrder.uint32(bytes, at: 4 * index)))
            case .rational, .signedRational:
                let numerator = byteOrder.uint32(bytes, at: 8 * index), denominator = byteOrder.uint32(bytes, at: 8 * index + 4)
                values[index] = type == .rational
                    ? Double(numerator) / Double(denominator)
                    : Double(Int32(bitPattern: numerator)) / Double(Int32(bitPattern: denominator))
            case .byte, .undefined: values[index] = Double(bytes[index])
            case .signedByte: values[index] = Double(Int8(bitPattern: bytes[index]))
            case .short: values[index] = Double(byteOrder.uint16(bytes, at: 2 * index))
            case .signedShort: values[index] = Double(Int16(bitPattern: byteOrder.uint16(bytes, at: 2 * index)))
            case .long, .ifd: values[index] = Double(byteOrder.uint32(bytes, at: 4 * index))
            case .signedLong: values[index] = Double(Int32(bitPattern: byteOrder.uint32(bytes, at: 4 * index)))
            case .long8, .ifd8: values[index] = Double(byteOrder.uint64(bytes, at: 8 * index))
            case .signedLong8: values[index] = Double(Int64(bitPattern: byteOrder.uint64(bytes, at: 8 * index)))
            case .ascii:
                throw .invalidRaster(reader.name, "tag \(tag.label) is text, expected numbers")
            }
        }
        return values
    }

    /// The text of an ASCII tag up to its first NUL, or `nil` when the tag is absent.
    func ascii(_ tag: TIFFTag) throws(GEPError) -> String? {
        guard let (type, _, bytes) = try rawValue(tag) else { return nil }
        guard type == .ascii || type == .byte || type == .undefined else {
            throw .invalidRaster(reader.name, "tag \(tag.label) has field type \(type.rawValue), expected ASCII")
        }
        let text = bytes.prefix { $0 != 0 }
        return String(decoding: text, as: UTF8.self)
    }

    /// `0x4A`-style rendering of a byte, for messages.
    private static func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return "0x" + (digits.count == 1 ? "0" + digits : digits)
    }
}
