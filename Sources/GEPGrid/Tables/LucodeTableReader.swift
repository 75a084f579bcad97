import GEPCore

/// Reads an InVEST lookup table indexed by `lucode`, collecting every problem.
///
/// Headers are matched as InVEST 3.20.2 matches them (its CSV spec strips surrounding
/// whitespace and lower-cases each header); extra columns are ignored. Cells are trimmed
/// before being read as numbers.
struct LucodeTableReader {
    /// The largest land-cover code a table may use; lookups are dense arrays up to it.
    static let maximumLucode = 65_535

    /// The problem with an entry's lucode, if any: outside 0…65535, or already in `seen`
    /// (which gains it otherwise). For tables built from entries in code.
    static func lucodeProblem(_ lucode: Int, seen: inout Set<Int>, file: String) -> Diagnostic? {
        if !(0...maximumLucode).contains(lucode) {
            return Diagnostic(file: file, message: "lucode \(lucode) is outside 0…\(maximumLucode)")
        }
        return seen.insert(lucode).inserted ? nil : Diagnostic(file: file, message: "duplicate lucode \(lucode)")
    }

    /// A dense lookup indexed by lucode: `max lucode + 1` slots, `nil` where no entry has the code.
    static func indexedByLucode<Entry, Value>(_ entries: [Entry], lucode: (Entry) -> Int, value: (Entry) -> Value) -> [Value?] {
        var lookup = [Value?](repeating: nil, count: (entries.map(lucode).max() ?? -1) + 1)
        for entry in entries { lookup[lucode(entry)] = value(entry) }
        return lookup
    }

    let table: CSVTable
    /// Every problem found so far, in the order found.
    private(set) var problems: [Diagnostic] = []
    private var columns: [String: Int] = [:]

    /// Resolves `required` columns (lower-case names), reporting missing and duplicated ones,
    /// and `optional` columns, reporting only duplicated ones.
    init(table: CSVTable, required: [String], optional: [String] = []) {
        self.table = table
        var positions: [String: [Int]] = [:]
        for (position, name) in table.header.enumerated() {
            positions[Self.normalize(name), default: []].append(position)
        }
        for name in required + optional {
            switch positions[name] {
            case nil where optional.contains(name):
                continue
            case nil:
                problems.append(Diagnostic(file: table.file, line: table.headerLine,
                                              message: "missing column '\(name)'"))
            case let found? where found.count > 1:
                problems.append(Diagnostic(file: table.file, line: table.headerLine,
                                              message: "column '\(name)' appears \(found.count) times"))
            case let found?:
                columns[name] = found[0]
            }
        }
    }

    /// Whether every required column was found.
    var hasColumns: Bool { problems.isEmpty }

    /// Every problem found, in file order.
    var diagnostics: [Diagnostic] { problems.inFileOrder() }

    /// The `lucode` of each record, or `nil` where it is not an integer in 0…65535 or repeats an
    /// earlier record's code.
    mutating func lucodes() -> [Int?] {
        var firstLine: [Int: Int] = [:]
        return table.records.map { record in
            guard let value = number(record, "lucode") else { return nil }
            guard value == value.rounded(), value >= 0, value <= Double(Self.maximumLucode) else {
                report(record, "lucode must be an integer from 0 to \(Self.maximumLucode), found \(cell(record, "lucode"))")
                return nil
            }
            let code = Int(value)
            if let line = firstLine[code] {
                report(record, "duplicate lucode \(code) (first on line \(line))")
                return nil
            }
            firstLine[code] = record.line
            return code
        }
    }

    /// The finite number in `column` of `record`, or `nil` (reported) when the cell is empty,
    /// not a finite number, or beyond the range of the 32-bit floats that InVEST's reclassified
    /// rasters (and the kernels) hold table values in.
    mutating func number(_ record: CSVTable.Record, _ column: String) -> Double? {
        let text = cell(record, column)
        guard !text.isEmpty else {
            report(record, "column '\(column)' is empty")
            return nil
        }
        guard let value = Double(text), value.isFinite else {
            report(record, "column '\(column)': '\(text.echoed())' is not a finite number")
            return nil
        }
        guard Float(value).isFinite else {
            report(record, "column '\(column)': \(text.echoed()) is outside the range of a 32-bit float (about ±3.4e38)")
            return nil
        }
        return value
    }

    /// Whether the table has `column` (a required column always has it once the init found it).
    func hasColumn(_ column: String) -> Bool { columns[column] != nil }

    /// The trimmed text in `column` of `record` (empty when the record is short or the
    /// optional column is absent).
    func cell(_ record: CSVTable.Record, _ column: String) -> String {
        guard let position = columns[column], position < record.fields.count else { return "" }
        return Self.trim(record.fields[position])
    }

    /// Adds a problem located at `record`'s line.
    mutating func report(_ record: CSVTable.Record, _ message: String) {
        problems.append(Diagnostic(file: table.file, line: record.line, message: message))
    }

    /// A header as InVEST compares it: trimmed and lower-cased.
    static func normalize(_ header: String) -> String {
        trim(header).lowercased()
    }

    private static func trim(_ text: String) -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
        guard let first = text.firstIndex(where: { !isSpace($0) }) else { return "" }
        let last = text.lastIndex(where: { !isSpace($0) })!
        return String(text[first...last])
    }
}
