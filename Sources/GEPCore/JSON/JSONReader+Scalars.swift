/// Numbers and the literals `true`, `false` and `null`.
extension JSONReader {
    /// Reads a number at `index`, checking the RFC 8259 grammar
    /// `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?` before converting the text
    /// with `Double(String)`. Magnitudes beyond `Double` are errors; values too small
    /// for `Double` become zero.
    mutating func readNumber(start: SourcePosition) throws(GEPError) -> Double {
        let first = index
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        let integerStart = index
        guard skipDigits() else { throw invalidNumber(from: first, start: start, "expected a digit after '-'") }
        if index - integerStart > 1, bytes[integerStart] == UInt8(ascii: "0") {
            throw invalidNumber(from: first, start: start, "leading zeros are not allowed")
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") {
            index += 1
            guard skipDigits() else {
                throw invalidNumber(from: first, start: start, "expected a digit after the decimal point")
            }
        }
        if index < bytes.count, bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E") {
            index += 1
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-") {
                index += 1
            }
            guard skipDigits() else {
                throw invalidNumber(from: first, start: start, "expected a digit in the exponent")
            }
        }
        let text = String(decoding: bytes[first..<index], as: UTF8.self)
        guard let number = Double(text), number.isFinite else {
            throw failure(at: start, "number out of range: \(text.echoed()) does not fit in a double")
        }
        return number
    }

    /// Skips ASCII digits at `index`; returns whether there was at least one.
    private mutating func skipDigits() -> Bool {
        let first = index
        while index < bytes.count, bytes[index] >= UInt8(ascii: "0"), bytes[index] <= UInt8(ascii: "9") {
            index += 1
        }
        return index > first
    }

    /// The failure for a malformed number starting at offset `first`.
    private func invalidNumber(from first: Int, start: SourcePosition, _ reason: String) -> GEPError {
        let text = token(at: first) { byte in
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "."), UInt8(ascii: "+"), UInt8(ascii: "-"):
                true
            default:
                false
            }
        }
        var message = "invalid number '\(text.echoed())': \(reason)"
        if text.hasSuffix("Infinity") { message += " (NaN and Infinity are not valid JSON)" }
        return failure(at: start, message)
    }

    /// Reads `literal` at `index`, failing if the word there is anything else.
    mutating func readLiteral(_ literal: StaticString, start: SourcePosition) throws(GEPError) {
        let end = index + literal.utf8CodeUnitCount
        let matches = end <= bytes.count
            && literal.withUTF8Buffer { bytes[index..<end].elementsEqual($0) }
            && (end == bytes.count || !Self.isWordByte(bytes[end]))
        guard matches else {
            throw failure(at: start, "invalid literal '\(word(at: index))': expected '\(literal)'")
        }
        index = end
    }
}
