/// Strings: escapes, surrogate pairs and UTF-8 validation.
extension JSONReader {
    /// Reads a string whose opening quote is at `index` and returns its decoded text.
    mutating func readString(start: SourcePosition) throws(GEPError) -> String {
        let opening = index
        index += 1
        var runStart = index
        var decoded: [UInt8] = []
        var hasEscapes = false
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                guard index - opening - 1 <= JSONParser.maximumStringBytes else {
                    throw failure(at: start, "a string of \(index - opening - 1) bytes is longer than the \(JSONParser.maximumStringBytes)-byte limit for a string")
                }
                let text: String
                if hasEscapes {
                    decoded.append(contentsOf: bytes[runStart..<index])
                    text = String(decoding: decoded, as: UTF8.self)
                } else {
                    text = String(decoding: bytes[runStart..<index], as: UTF8.self)
                }
                index += 1
                return text
            case UInt8(ascii: "\\"):
                decoded.append(contentsOf: bytes[runStart..<index])
                hasEscapes = true
                try readEscape(into: &decoded, stringStart: start)
                runStart = index
            case UInt8(ascii: "\n"), UInt8(ascii: "\r"):
                throw failure(at: position(at: index), "unescaped line break in string started at \(start) (missing closing quote?)")
            case 0x00..<0x20:
                throw failure(at: position(at: index), "unescaped control character \(Self.codePoint(UInt32(byte))) in string")
            case 0x20..<0x80:
                index += 1
            default:
                guard let length = utf8SequenceLength(at: index) else {
                    throw failure(at: position(at: index), "invalid UTF-8 byte 0x\(Self.hex(UInt32(byte), digits: 2)) in string")
                }
                index += length
            }
        }
        throw unterminatedString(start)
    }

    /// Reads the escape whose backslash is at `index`, appending its UTF-8 to `decoded`.
    private mutating func readEscape(into decoded: inout [UInt8], stringStart: SourcePosition) throws(GEPError) {
        guard index + 1 < bytes.count else { throw unterminatedString(stringStart) }
        let replacement: UInt8
        switch bytes[index + 1] {
        case UInt8(ascii: "\""): replacement = UInt8(ascii: "\"")
        case UInt8(ascii: "\\"): replacement = UInt8(ascii: "\\")
        case UInt8(ascii: "/"): replacement = UInt8(ascii: "/")
        case UInt8(ascii: "b"): replacement = 0x08
        case UInt8(ascii: "f"): replacement = 0x0C
        case UInt8(ascii: "n"): replacement = UInt8(ascii: "\n")
        case UInt8(ascii: "r"): replacement = UInt8(ascii: "\r")
        case UInt8(ascii: "t"): replacement = UInt8(ascii: "\t")
        case UInt8(ascii: "u"):
            let scalar = try readUnicodeEscape(stringStart: stringStart)
            UTF8.encode(scalar) { decoded.append($0) }
            return
        default:
            let found = describe(at: index + 1).found
            throw failure(
                at: position(at: index),
                "invalid escape sequence: backslash followed by \(found) (valid escapes are \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)"
            )
        }
        decoded.append(replacement)
        index += 2
    }

    /// Reads `\uXXXX` at `index`, and a second one when the first is a high surrogate.
    private mutating func readUnicodeEscape(stringStart: SourcePosition) throws(GEPError) -> Unicode.Scalar {
        let escapeStart = position(at: index)
        let unit = try readUTF16Escape(stringStart: stringStart)
        switch unit {
        case 0xD800...0xDBFF:
            let isEscape = index + 1 < bytes.count
                && bytes[index] == UInt8(ascii: "\\") && bytes[index + 1] == UInt8(ascii: "u")
            if isEscape {
                let low = try readUTF16Escape(stringStart: stringStart)
                if (0xDC00...0xDFFF).contains(low) {
                    let value = 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                    return Unicode.Scalar(value) ?? "\u{FFFD}"
                }
            }
            throw failure(
                at: escapeStart,
                "lone surrogate \\u\(Self.hex(unit, digits: 4)) in string: a high surrogate must be followed by a low surrogate \\uDC00-\\uDFFF"
            )
        case 0xDC00...0xDFFF:
            throw failure(
                at: escapeStart,
                "lone surrogate \\u\(Self.hex(unit, digits: 4)) in string: a low surrogate must follow a high surrogate \\uD800-\\uDBFF"
            )
        default:
            return Unicode.Scalar(unit) ?? "\u{FFFD}"
        }
    }

    /// Reads one `\uXXXX` at `index` and returns its UTF-16 code unit.
    private mutating func readUTF16Escape(stringStart: SourcePosition) throws(GEPError) -> UInt32 {
        var unit: UInt32 = 0
        for offset in index + 2..<index + 6 {
            guard offset < bytes.count else { throw unterminatedString(stringStart) }
            guard let digit = Self.hexDigitValue(bytes[offset]) else {
                throw failure(at: position(at: index), "invalid \\u escape: expected 4 hexadecimal digits after \\u, found \(describe(at: offset).found)")
            }
            unit = unit << 4 | digit
        }
        index += 6
        return unit
    }

    /// The failure for a string still open at end of file.
    private mutating func unterminatedString(_ start: SourcePosition) -> GEPError {
        failure(at: position(at: bytes.count), "unexpected end of file: unterminated string started at \(start)")
    }

    /// The value of an ASCII hexadecimal digit.
    private static func hexDigitValue(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }

    /// The length of the well-formed UTF-8 sequence for a non-ASCII scalar at `offset`,
    /// or `nil` when the bytes there are not valid UTF-8 (stray continuation bytes,
    /// overlong forms, surrogates, values above U+10FFFF, or a truncated sequence).
    func utf8SequenceLength(at offset: Int) -> Int? {
        let lead = bytes[offset]
        let length: Int
        var secondRange: ClosedRange<UInt8> = 0x80...0xBF
        switch lead {
        case 0xC2...0xDF: length = 2
        case 0xE0: length = 3; secondRange = 0xA0...0xBF
        case 0xE1...0xEC, 0xEE...0xEF: length = 3
        case 0xED: length = 3; secondRange = 0x80...0x9F
        case 0xF0: length = 4; secondRange = 0x90...0xBF
        case 0xF1...0xF3: length = 4
        case 0xF4: length = 4; secondRange = 0x80...0x8F
        default: return nil
        }
        guard offset + length <= bytes.count, secondRange.contains(bytes[offset + 1]) else { return nil }
        for next in offset + 2..<offset + length where bytes[next] & 0xC0 != 0x80 {
            return nil
        }
        return length
    }
}
