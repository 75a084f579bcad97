#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import GEPCore

/// A dBASE III table (a Shapefile's `.dbf`): field descriptors and every record's fields as
/// text, decoded by the code page (see `ShapefileZones`); nil for a record marked deleted.
struct DBFTable {
    struct Field {
        var name: String
        var type: Character
        var length: Int
    }

    let fields: [Field]
    let rows: [[String]?]

    init(_ bytes: [UInt8], file: String, codePage: String?) throws(GEPError) {
        func fail(_ message: String) -> GEPError { .invalidData([Diagnostic(file: file, message: message)]) }
        guard bytes.count >= 33 else { throw fail("not a dBASE table (shorter than its header)") }
        let count = Int(UInt32(bytes[4]) | UInt32(bytes[5]) << 8 | UInt32(bytes[6]) << 16 | UInt32(bytes[7]) << 24)
        let headerLength = Int(UInt16(bytes[8]) | UInt16(bytes[9]) << 8), recordLength = Int(UInt16(bytes[10]) | UInt16(bytes[11]) << 8)
        guard headerLength >= 33, headerLength <= bytes.count, recordLength >= 1 else { throw fail("not a dBASE table (header of \(headerLength) bytes, records of \(recordLength))") }
        let decoder = try TextDecoder(codePage: codePage, languageDriver: bytes[29], file: file)
        var fields: [Field] = []
        var offset = 32, width = 1
        while offset + 32 <= headerLength && bytes[offset] != 0x0D {
            let raw = bytes[offset..<(offset + 11)].prefix { $0 != 0 }
            let field = Field(name: String(decoding: raw, as: UTF8.self), type: Character(Unicode.Scalar(bytes[offset + 11])), length: Int(bytes[offset + 16]))
            fields.append(field)
            width += field.length
            offset += 32
        }
        guard width <= recordLength else { throw fail("fields of \(width) bytes do not fit records of \(recordLength)") }
        guard headerLength + count * recordLength <= bytes.count else { throw fail("\(count) records of \(recordLength) bytes go past the end of the file") }
        var rows: [[String]?] = []
        for record in 0..<count {
            let start = headerLength + record * recordLength
            if bytes[start] == UInt8(ascii: "*") { rows.append(nil); continue }
            var column = start + 1, values: [String] = []
            for field in fields {
                guard let text = decoder.decode(Array(bytes[column..<(column + field.length)])) else {
                    throw fail("record \(record + 1), field \"\(field.name)\": text that the code page \(decoder.name) cannot decode")
                }
                values.append(text)
                column += field.length
            }
            rows.append(values)
        }
        self.fields = fields
        self.rows = rows
    }
}

/// Decodes dBASE text: UTF-8, GB18030 (for GBK, CP936, GB2312 and GB18030, its superset) via
/// the system's iconv, or Latin-1.
struct TextDecoder {
    enum Scheme { case utf8, gb18030, latin1 }
    let scheme: Scheme
    var name: String {
        switch scheme {
        case .utf8: "UTF-8"
        case .gb18030: "GB18030"
        case .latin1: "ISO-8859-1"
        }
    }

    /// The decoder for a `.cpg` text, or, without one, for the dBASE language driver byte
    /// (0x4D and 0x7A: Chinese GBK; others Latin-1, GDAL's default).
    init(codePage: String?, languageDriver: UInt8, file: String) throws(GEPError) {
        guard let codePage = codePage?.trimmingCharacters(in: .whitespacesAndNewlines).uppercased(), !codePage.isEmpty else {
            scheme = languageDriver == 0x4D || languageDriver == 0x7A ? .gb18030 : .latin1
            return
        }
        switch codePage {
        case "UTF-8", "UTF8", "65001": scheme = .utf8
        case "GBK", "CP936", "936", "GB2312", "GB18030", "54936": scheme = .gb18030
        case "ISO-8859-1", "LATIN1", "1252", "CP1252", "ANSI 1252": scheme = .latin1
        default:
            throw .invalidData([Diagnostic(file: file, message: "code page \"\(codePage)\" in the .cpg is not one gep reads (UTF-8, GBK/CP936/GB2312/GB18030, ISO-8859-1); "
                                           + "convert with ogr2ogr -lco ENCODING=UTF-8")])
        }
    }

    /// The text of a field, or nil when it is not valid in the code page.
    func decode(_ bytes: [UInt8]) -> String? {
        let trimmed = Array(bytes.prefix { $0 != 0 })
        switch scheme {
        case .utf8: return String(validating: trimmed, as: UTF8.self)
        case .latin1: return String(trimmed.map { Character(Unicode.Scalar($0)) })
        case .gb18030: return Self.convert(trimmed, from: "GB18030")
        }
    }

    /// `bytes` converted from `encoding` to UTF-8 by iconv(3); nil on an invalid sequence.
    private static func convert(_ bytes: [UInt8], from encoding: String) -> String? {
        if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        let converter = iconv_open("UTF-8", encoding)
        guard converter != iconv_t(bitPattern: -1) else { return nil }
        defer { iconv_close(converter) }
        var input = bytes.map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: 4 * bytes.count + 4)
        let produced: Int? = input.withUnsafeMutableBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                var inPointer: UnsafeMutablePointer<CChar>? = source.baseAddress, outPointer: UnsafeMutablePointer<CChar>? = target.baseAddress
                var inLeft = source.count, outLeft = target.count
                guard iconv(converter, &inPointer, &inLeft, &outPointer, &outLeft) != -1, inLeft == 0 else { return nil }
                return target.count - outLeft
            }
        }
        guard let produced else { return nil }
        return String(validating: output.prefix(produced).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }
}
