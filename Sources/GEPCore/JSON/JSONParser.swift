/// A strict RFC 8259 JSON parser that records where every value and key starts.
///
/// The parser accepts exactly one JSON value surrounded by optional whitespace, plus an
/// optional UTF-8 byte order mark at the very start. It rejects comments, trailing
/// commas, `NaN` and `Infinity`, numbers with leading zeros, single-quoted strings,
/// unescaped control characters in strings, lone UTF-16 surrogates, invalid UTF-8,
/// numbers too large for a `Double`, strings longer than ``maximumStringBytes`` and nesting
/// deeper than ``maximumDepth``.
///
/// A syntax error stops parsing and is reported alone. Duplicate keys do not stop
/// parsing: when the document is otherwise well formed, every duplicate is reported
/// together. Either way the failure is `GEPError.invalidData` with diagnostics carrying
/// `file`, line and column.
public enum JSONParser {
    /// The deepest nesting of arrays and objects accepted; deeper input is an error.
    public static let maximumDepth = 512
    /// The longest string accepted, in bytes as written (1 MiB): names, units, sources and
    /// notes are far shorter; a longer one is a damaged or wrong file.
    public static let maximumStringBytes = 1 << 20

    /// Parses a whole document from its UTF-8 bytes. `file` is used only in diagnostics.
    public static func parse(_ bytes: [UInt8], file: String) throws(GEPError) -> JSONNode {
        var reader = JSONReader(bytes: bytes, file: file)
        return try reader.readDocument()
    }

    /// Parses a whole document from text. `file` is used only in diagnostics.
    public static func parse(_ text: String, file: String) throws(GEPError) -> JSONNode {
        try parse(Array(text.utf8), file: file)
    }
}
