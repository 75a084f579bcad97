/// Writes CSV records as RFC 4180 describes them.
public enum CSVWriter {
    /// One RFC 4180 record: fields quoted only when they contain a comma, quote, CR or LF;
    /// quotes doubled; joined by commas; terminated by "\n".
    public static func record(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\n"
    }

    /// One field, quoted when it needs to be. Checks UTF-8 bytes, because `"\r\n"` is a
    /// single `Character` and would hide from a character search for `"\n"`.
    private static func field(_ text: String) -> String {
        let needsQuotes = text.utf8.contains { byte in
            byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\"")
                || byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n")
        }
        guard needsQuotes else { return text }
        var quoted = "\""
        for scalar in text.unicodeScalars {
            if scalar == "\"" { quoted.unicodeScalars.append("\"") }
            quoted.unicodeScalars.append(scalar)
        }
        return quoted + "\""
    }
}
