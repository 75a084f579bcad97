/// A minimal RFC 4180 reader for checking CSV output: quoted fields may hold commas, doubled
/// quotes and line breaks; records end in `\n`.
enum CSVRecords {
    /// The records of `text`, each a list of fields; `nil` when a quote is left open or a
    /// quoted field is followed by anything but a comma or the end of the record.
    static func parse(_ text: String) -> [[String]]? {
        var records: [[String]] = []
        var record: [String] = []
        var field = ""
        var quoted = false, afterQuote = false
        var scalars = Array(text.unicodeScalars)[...]
        while let c = scalars.popFirst() {
            if quoted {
                if c == "\"" {
                    if scalars.first == "\"" { field.unicodeScalars.append("\""); scalars.removeFirst() } else { quoted = false; afterQuote = true }
                } else { field.unicodeScalars.append(c) }
                continue
            }
            switch c {
            case "\"" where field.isEmpty && !afterQuote: quoted = true
            case ",": record.append(field); field = ""; afterQuote = false
            case "\n": record.append(field); records.append(record); record = []; field = ""; afterQuote = false
            default:
                if afterQuote { return nil }
                field.unicodeScalars.append(c)
            }
        }
        return quoted || !field.isEmpty || !record.isEmpty ? nil : records
    }
}
