import GEPCore

/// A CSV file read as RFC 4180 describes it: a header record, then data records, each with
/// the line it starts on.
///
/// Accepted: a UTF-8 byte-order mark (Python's `utf-8-sig`, which InVEST uses), CRLF or LF
/// line ends, fields quoted with `"` (which may hold commas, line breaks and doubled quotes),
/// blank lines (skipped, as pandas does), and trailing empty fields beyond the header's width
/// (as spreadsheet exports write them).
public struct CSVTable: Sendable, Equatable {
    /// One data record.
    public struct Record: Sendable, Equatable {
        /// 1-based line on which the record starts.
        public var line: Int
        /// The fields, unquoted, not trimmed; exactly as many as the header has (a short
        /// record's missing trailing fields are empty).
        public var fields: [String]
    }

    /// The file name used in diagnostics.
    public var file: String
    /// The header fields as written.
    public var header: [String]
    /// 1-based line of the header.
    public var headerLine: Int
    /// The data records in file order.
    public var records: [Record]

    /// Parses CSV bytes.
    ///
    /// - Parameters:
    ///   - bytes: The file's contents (UTF-8, optionally with a BOM).
    ///   - file: The name used in diagnostics.
    /// - Throws: `.invalidData` listing every problem with its line and column: an unclosed
    ///   quote, text after a closing quote, a quote inside an unquoted field, a record with
    ///   more non-empty fields than the header, or a file with no header.
    /// - Complexity: O(bytes).
    public static func parse(_ bytes: [UInt8], file: String) throws(GEPError) -> CSVTable {
        var lexer = CSVLexer(bytes: bytes, file: file)
        var raw: [(line: Int, fields: [String])] = []
        while let record = lexer.nextRecord() {
            if record.fields.count == 1, record.fields[0].isEmpty, !record.quoted { continue }
            raw.append((record.line, record.fields))
        }
        var diagnostics = lexer.diagnostics
        guard let first = raw.first else {
            diagnostics.append(Diagnostic(file: file, message: "the file has no header row"))
            throw .invalidData(diagnostics)
        }
        let width = first.fields.count
        var records: [Record] = []
        records.reserveCapacity(raw.count - 1)
        for (line, fields) in raw.dropFirst() {
            var fields = fields
            if fields.count < width {
                fields.append(contentsOf: repeatElement("", count: width - fields.count))
            } else if fields.count > width {
                if fields[width...].allSatisfy(\.isEmpty) {
                    fields.removeLast(fields.count - width)
                } else {
                    diagnostics.append(Diagnostic(file: file, line: line,
                                                  message: "\(fields.count) fields, but the header has \(width)"))
                    continue
                }
            }
            records.append(Record(line: line, fields: fields))
        }
        guard diagnostics.isEmpty else { throw .invalidData(diagnostics.inFileOrder()) }
        return CSVTable(file: file, header: first.fields, headerLine: first.line, records: records)
    }

    /// Reads and parses a CSV file.
    ///
    /// - Parameters:
    ///   - path: The file; relative paths resolve against `directory`.
    ///   - directory: Usually the working directory.
    /// - Throws: `.missingInput` or `.io` when the file cannot be read, otherwise as `parse`.
    public static func load(_ path: String, relativeTo directory: String) throws(GEPError) -> CSVTable {
        try parse(InputFile.read(path, relativeTo: directory), file: path)
    }
}

/// Splits CSV bytes into records, RFC 4180 style, noting problems as it goes.
struct CSVLexer {
    private let bytes: [UInt8]
    private let file: String
    private var index = 0
    private var line = 1
    private var lineStart = 0
    /// Problems found so far.
    private(set) var diagnostics: [Diagnostic] = []

    init(bytes: [UInt8], file: String) {
        self.bytes = bytes
        self.file = file
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            index = 3
            lineStart = 3
        }
    }

    /// The next record (its first line and fields, and whether any field was quoted), or `nil`
    /// at the end of the input.
    mutating func nextRecord() -> (line: Int, fields: [String], quoted: Bool)? {
        guard index < bytes.count else { return nil }
        let recordLine = line
        var fields: [String] = []
        var quoted = false
        while true {
            let (field, wasQuoted) = nextField()
            fields.append(field)
            quoted = quoted || wasQuoted
            guard index < bytes.count else { break }
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: ",") { continue }
            if byte == UInt8(ascii: "\r"), index < bytes.count, bytes[index] == UInt8(ascii: "\n") { index += 1 }
            newLine()
            break
        }
        return (recordLine, fields, quoted)
    }

    /// One field, leaving `index` on the delimiter or line end that follows it.
    private mutating func nextField() -> (String, Bool) {
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
            let start = index
            while index < bytes.count, !isDelimiter(bytes[index]) {
                if bytes[index] == UInt8(ascii: "\"") {
                    report("a quote inside an unquoted field (quote the whole field and double the quote)")
                }
                index += 1
            }
            return (String(decoding: bytes[start..<index], as: UTF8.self), false)
        }
        let openLine = line, openColumn = index - lineStart + 1
        index += 1
        var text: [UInt8] = []
        while true {
            guard index < bytes.count else {
                diagnostics.append(Diagnostic(file: file, line: openLine, column: openColumn,
                                              message: "quoted field is not closed before the end of the file"))
                return (String(decoding: text, as: UTF8.self), true)
            }
            let byte = bytes[index]
            index += 1
            if byte == UInt8(ascii: "\"") {
                if index < bytes.count, bytes[index] == UInt8(ascii: "\"") {
                    text.append(byte)
                    index += 1
                    continue
                }
                break
            }
            if byte == UInt8(ascii: "\n") { newLine() }
            text.append(byte)
        }
        if index < bytes.count, !isDelimiter(bytes[index]) {
            report("text after a closing quote")
            while index < bytes.count, !isDelimiter(bytes[index]) { index += 1 }
        }
        return (String(decoding: text, as: UTF8.self), true)
    }

    private func isDelimiter(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: ",") || byte == UInt8(ascii: "\n") || byte == UInt8(ascii: "\r")
    }

    private mutating func newLine() {
        line += 1
        lineStart = index
    }

    private mutating func report(_ message: String) {
        diagnostics.append(Diagnostic(file: file, line: line, column: index - lineStart + 1, message: message))
    }
}
