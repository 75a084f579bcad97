/// Writes ``JSON`` values as text that is byte-identical for equal values.
///
/// Output rules:
/// - Object keys are sorted by their UTF-8 bytes.
/// - Pretty mode indents by two spaces, writes `"key": value`, puts every array element
///   and object member on its own line, writes empty containers as `[]` and `{}`, and
///   ends the text with a newline. Compact mode writes no whitespace at all, not even a
///   final newline.
/// - Strings escape only `"`, `\` and control characters (`\n`, `\t`, `\r`, `\b`, `\f`,
///   others as `\u00XX`); `/` and non-ASCII text such as Chinese are written as is.
/// - Numbers follow ``formatNumber(_:)``.
public enum JSONWriter {
    /// The JSON text for `value`; pretty-printed unless `pretty` is `false`.
    public static func string(_ value: JSON, pretty: Bool = true) -> String {
        var output = JSONOutput(pretty: pretty)
        output.write(value, depth: 0)
        if pretty { output.bytes.append(UInt8(ascii: "\n")) }
        return String(decoding: output.bytes, as: UTF8.self)
    }

    /// Deterministic, round-trippable text for a number:
    /// - NaN and infinities become `null` (JSON has no spelling for them);
    /// - integral values with magnitude below 10^15, including `-0.0`, print as integers
    ///   without a fraction (`42`, `-7`, `0`);
    /// - everything else uses Swift's shortest round-trip `description`
    ///   (`0.1`, `6.11`, `1.5e-07`, `1e+20`), which is valid JSON and parses back to the
    ///   same `Double`.
    public static func formatNumber(_ number: Double) -> String {
        guard number.isFinite else { return "null" }
        if number.magnitude < 1e15, number.rounded(.towardZero) == number {
            return String(Int64(number))
        }
        return number.description
    }
}

/// The byte buffer and layout state behind ``JSONWriter``.
struct JSONOutput {
    /// Upper-case hexadecimal digits for `\u00XX` escapes.
    private static let hexDigits = Array("0123456789ABCDEF".utf8)
    /// Whether to indent and break lines.
    let pretty: Bool
    /// The UTF-8 written so far.
    var bytes: [UInt8] = []

    init(pretty: Bool) {
        self.pretty = pretty
    }

    /// Appends `value`, which sits at nesting `depth`.
    mutating func write(_ value: JSON, depth: Int) {
        switch value {
        case .null:
            append("null")
        case let .bool(bool):
            append(bool ? "true" : "false")
        case let .number(number):
            append(JSONWriter.formatNumber(number))
        case let .string(string):
            writeString(string)
        case let .array(elements):
            guard !elements.isEmpty else { return append("[]") }
            bytes.append(UInt8(ascii: "["))
            for (offset, element) in elements.enumerated() {
                if offset > 0 { bytes.append(UInt8(ascii: ",")) }
                breakLine(depth: depth + 1)
                write(element, depth: depth + 1)
            }
            breakLine(depth: depth)
            bytes.append(UInt8(ascii: "]"))
        case let .object(object):
            guard !object.isEmpty else { return append("{}") }
            let keys = object.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
            bytes.append(UInt8(ascii: "{"))
            for (offset, key) in keys.enumerated() {
                if offset > 0 { bytes.append(UInt8(ascii: ",")) }
                breakLine(depth: depth + 1)
                writeString(key)
                append(pretty ? ": " : ":")
                write(object[key] ?? .null, depth: depth + 1)
            }
            breakLine(depth: depth)
            bytes.append(UInt8(ascii: "}"))
        }
    }

    /// Appends `text` unchanged.
    private mutating func append(_ text: String) {
        bytes.append(contentsOf: text.utf8)
    }

    /// In pretty mode, starts a new line indented for `depth`.
    private mutating func breakLine(depth: Int) {
        guard pretty else { return }
        bytes.append(UInt8(ascii: "\n"))
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * depth))
    }

    /// Appends `string` quoted, escaping quotes, backslashes and control characters.
    private mutating func writeString(_ string: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): append("\\\"")
            case UInt8(ascii: "\\"): append("\\\\")
            case UInt8(ascii: "\n"): append("\\n")
            case UInt8(ascii: "\r"): append("\\r")
            case UInt8(ascii: "\t"): append("\\t")
            case 0x08: append("\\b")
            case 0x0C: append("\\f")
            case 0x00..<0x20:
                append("\\u00")
                bytes.append(Self.hexDigits[Int(byte >> 4)])
                bytes.append(Self.hexDigits[Int(byte & 0x0F)])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
