import GEPCore

/// A band read from an ESRI ASCII grid (`.asc`, the "AAIGrid" format), held in memory.
///
/// The file starts with `key value` header lines, in any order and with keys matched
/// case-insensitively: `ncols`, `nrows`, `xllcorner` or `xllcenter`, `yllcorner` or
/// `yllcenter`, `cellsize` (or both `dx` and `dy`) and, optionally, `NODATA_value`. Then come
/// `nrows × ncols` numbers separated by any whitespace, row by row from the northern edge.
/// The lower-left reference point is converted to the outer top-left corner that
/// `GridGeometry` uses. The cell type is `.int32` when every value and the nodata value are
/// written as integers and `.float32` otherwise, as GDAL's AAIGrid driver decides; it governs
/// how nodata is recognised (exact match for integers, `isclose` for floats).
///
/// Cells are parsed to `Float` and kept only as `Float`, so integers beyond ±2^24 are rounded
/// to its 24-bit precision, in `readDoubles(rows:into:)` too.
///
/// The CRS comes from `epsg` when given, otherwise from a sibling `.prj` file (`lulc.asc` →
/// `lulc.prj`, as ESRI tools, QGIS and GDAL write it; `ProjectionFile` reads its EPSG code),
/// otherwise it is unknown and the grid aligns only with other grids of unknown CRS.
public final class ESRIASCIIBand: RasterBand {
    /// The path as the caller named it.
    public let name: String
    /// Size, top-left origin, cell size and (when given) CRS.
    public let geometry: GridGeometry
    /// `.int32` when all values (and the nodata value) are integers, else `.float32`.
    public let dataType: RasterDataType
    /// The `NODATA_value`, or `nil` when the header has none.
    public let nodata: Double?
    /// 1: any row range is a memory copy.
    public let blockHeight: Int = 1
    /// Row-major cell values, `geometry.cellCount` of them.
    public let values: [Float]

    /// Reads and parses an ESRI ASCII grid file.
    ///
    /// - Parameters:
    ///   - path: The file; relative paths resolve against `directory`.
    ///   - directory: Usually the working directory.
    ///   - epsg: The CRS to record in `geometry`; `nil` reads it from the sibling `.prj`, if any.
    /// - Throws: `.missingInput` or `.io` when the file (or its `.prj`) cannot be read;
    ///   `.invalidData` for a `.prj` whose CRS has no EPSG code gep can tell, or listing
    ///   every problem: unknown, missing or duplicate header keys, bad header values, sizes
    ///   that are not positive, non-numeric cells (with line and column) and a value count that
    ///   differs from `nrows × ncols`.
    /// - Complexity: O(file size); one pass over the bytes.
    public convenience init(path: String, relativeTo directory: String, epsg: Int? = nil) throws(GEPError) {
        // A grid's size is its own file's: the 1 GiB limit for tables does not apply.
        let bytes = try InputFile.read(path, relativeTo: directory, limit: .max)
        var crs = epsg
        if crs == nil { crs = try ProjectionFile.epsg(besides: path, relativeTo: directory) }
        try self.init(parsing: bytes, name: path, epsg: crs)
    }

    /// Parses an ESRI ASCII grid held in memory.
    ///
    /// - Parameters:
    ///   - bytes: The file's contents.
    ///   - name: The name used in `name` and in diagnostics.
    ///   - epsg: The CRS to record in `geometry`.
    /// - Throws: `.invalidData` listing every problem, as for `init(path:relativeTo:epsg:)`.
    public init(parsing bytes: [UInt8], name: String, epsg: Int? = nil) throws(GEPError) {
        var parser = ASCIIGridParser(file: name)
        let parsed = bytes.withUnsafeBufferPointer { parser.parse($0) }
        guard let parsed, parser.diagnostics.isEmpty else {
            throw .invalidData(parser.diagnostics)
        }
        self.name = name
        self.values = parsed.values
        self.nodata = parsed.header.nodata
        self.dataType = parsed.allIntegers ? .int32 : .float32
        let header = parsed.header
        self.geometry = GridGeometry(
            width: header.columns, height: header.rows,
            originX: header.originX, originY: header.originY,
            cellWidth: header.cellWidth, cellHeight: header.cellHeight, epsg: epsg)
    }

    /// Copies rows `rows` into `buffer`.
    public func read(rows: Range<Int>, into buffer: UnsafeMutableBufferPointer<Float>) throws(GEPError) {
        ResidentRows.copy(values, width: geometry.width, rows: rows, into: buffer)
    }

    /// Copies rows `rows` into `buffer`, widened to `Double`: exactly the `Float` values of
    /// `values`, which are the text's numbers correctly rounded to `Float`. Decimals and
    /// integers up to ±2^24 (16,777,216) are therefore as `read(rows:into:)` gives them, and
    /// larger integers, such as 9- or 12-digit zone codes, are not exact (16,777,217 reads
    /// as 16,777,216 and 441623100000 as 441623085056): the grid is kept only as `Float`,
    /// which the engine reads in place, because keeping exact values as well would more
    /// than double its memory. Store such codes as an Int32, UInt32 or Float64 GeoTIFF.
    public func readDoubles(rows: Range<Int>, into buffer: UnsafeMutableBufferPointer<Double>) throws(GEPError) {
        ResidentRows.copy(values, width: geometry.width, rows: rows, into: buffer)
    }
}

/// The validated header of an ESRI ASCII grid.
private struct ASCIIGridHeader {
    var columns: Int
    var rows: Int
    var originX: Double
    var originY: Double
    var cellWidth: Double
    var cellHeight: Double
    var nodata: Double?
}

/// A single-pass, byte-level parser for ESRI ASCII grids that collects every problem.
private struct ASCIIGridParser {
    /// The file name used in diagnostics.
    let file: String
    /// Every problem found so far.
    private(set) var diagnostics: [Diagnostic] = []

    /// At most this many bad cells are listed one by one; the rest are counted.
    static let listedBadCells = 20

    /// The header keys, lower-cased.
    private static let keys: Set<String> = [
        "ncols", "nrows", "xllcorner", "xllcenter", "yllcorner", "yllcenter", "cellsize", "dx", "dy", "nodata_value",
    ]

    init(file: String) {
        self.file = file
    }

    /// A header value with where it was written.
    private struct HeaderEntry {
        var text: String
        var value: Double?
        var line: Int
        var column: Int
    }

    /// The parsed grid, or `nil` when a problem prevents reading the values.
    mutating func parse(_ bytes: UnsafeBufferPointer<UInt8>) -> (header: ASCIIGridHeader, values: [Float], allIntegers: Bool)? {
        var scanner = ASCIIGridScanner(bytes: bytes)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { scanner.position = 3 }
        let (entries, nodataIsInteger) = readHeader(&scanner)
        let header = validate(entries)
        let expected = header.map { $0.columns * $0.rows } ?? 0
        // Every value takes at least two bytes (a digit and a separator, except the last), so
        // a larger count cannot be satisfied: count the values without storing them.
        let plausible = expected <= (bytes.count - scanner.position) / 2 + 1
        var values = [Float](repeating: 0, count: plausible ? expected : 0)
        let (count, allIntegers) = values.withUnsafeMutableBufferPointer { readValues(&scanner, into: $0) }
        guard let header else { return nil }
        if count != expected {
            let noun = count == 1 ? "value" : "values"
            diagnostics.append(Diagnostic(
                file: file,
                message: "found \(count) \(noun), expected \(expected) (\(header.rows) rows × \(header.columns) columns)"))
        }
        return (header, values, allIntegers && nodataIsInteger)
    }

    /// Reads `key value` lines until the first line that starts with a number.
    private mutating func readHeader(_ scanner: inout ASCIIGridScanner) -> (entries: [String: HeaderEntry], nodataIsInteger: Bool) {
        var entries: [String: HeaderEntry] = [:]
        var nodataIsInteger = true
        while true {
            let mark = scanner.position, markLine = scanner.line, markLineStart = scanner.lineStart
            guard let keyToken = scanner.nextToken() else { break }
            let keyText = String(decoding: keyToken.bytes, as: UTF8.self)
            guard let first = keyToken.bytes.first, isLetter(first), !isNumberWord(keyText) else {
                scanner.position = mark
                scanner.line = markLine
                scanner.lineStart = markLineStart
                break
            }
            let key = keyText.lowercased()
            let valueToken = scanner.nextTokenOnLine()
            guard Self.keys.contains(key) else {
                diagnostics.append(Diagnostic(file: file, line: keyToken.line, column: keyToken.column,
                                              message: "unknown header key '\(keyText)'"))
                scanner.skipLine()
                continue
            }
            guard let valueToken else {
                diagnostics.append(Diagnostic(file: file, line: keyToken.line, column: keyToken.column,
                                              message: "header key '\(keyText)' has no value"))
                continue
            }
            let valueText = String(decoding: valueToken.bytes, as: UTF8.self)
            let value = Double(valueText)
            if value == nil {
                diagnostics.append(Diagnostic(file: file, line: valueToken.line, column: valueToken.column,
                                              message: "header value '\(valueText)' for '\(keyText)' is not a number"))
            }
            if let extra = scanner.nextTokenOnLine() {
                diagnostics.append(Diagnostic(file: file, line: extra.line, column: extra.column,
                                              message: "unexpected text after the value of '\(keyText)'"))
                scanner.skipLine()
            }
            if let previous = entries[key] {
                diagnostics.append(Diagnostic(file: file, line: keyToken.line, column: keyToken.column,
                                              message: "duplicate header key '\(keyText)' (first on line \(previous.line))"))
                continue
            }
            if key == "nodata_value" { nodataIsInteger = !valueToken.bytes.contains(where: isFractionMarker) }
            entries[key] = HeaderEntry(text: valueText, value: value, line: valueToken.line, column: valueToken.column)
        }
        return (entries, nodataIsInteger)
    }

    /// Checks the header entries and converts them to a header; `nil` when a problem remains.
    private mutating func validate(_ entries: [String: HeaderEntry]) -> ASCIIGridHeader? {
        let problemsBefore = diagnostics.count
        func required(_ key: String, _ display: String) -> HeaderEntry? {
            let entry = entries[key]
            if entry == nil { diagnostics.append(Diagnostic(file: file, message: "missing header key '\(display)'")) }
            return entry
        }
        func size(_ entry: HeaderEntry?, _ display: String) -> Int? {
            guard let entry, let value = entry.value else { return nil }
            guard value == value.rounded(), value >= 1, value <= Double(Int32.max) else {
                diagnostics.append(Diagnostic(file: file, line: entry.line, column: entry.column,
                                              message: "'\(display)' must be a positive integer, found \(entry.text)"))
                return nil
            }
            return Int(value)
        }
        func cellSize(_ entry: HeaderEntry?, _ display: String) -> Double? {
            guard let entry, let value = entry.value else { return nil }
            guard value.isFinite, value > 0 else {
                diagnostics.append(Diagnostic(file: file, line: entry.line, column: entry.column,
                                              message: "'\(display)' must be a positive number, found \(entry.text)"))
                return nil
            }
            return value
        }
        func reference(_ corner: String, _ center: String) -> (value: Double, isCenter: Bool)? {
            switch (entries[corner], entries[center]) {
            case (nil, nil):
                diagnostics.append(Diagnostic(file: file, message: "missing header key '\(corner)' or '\(center)'"))
            case let (entry?, nil):
                if let value = entry.value, value.isFinite { return (value, false) }
                if entry.value != nil { diagnostics.append(Diagnostic(file: file, line: entry.line, message: "'\(corner)' must be finite")) }
            case let (nil, entry?):
                if let value = entry.value, value.isFinite { return (value, true) }
                if entry.value != nil { diagnostics.append(Diagnostic(file: file, line: entry.line, message: "'\(center)' must be finite")) }
            case (_, let entry?):
                diagnostics.append(Diagnostic(file: file, line: entry.line, message: "both '\(corner)' and '\(center)' are given"))
            }
            return nil
        }

        let columns = size(required("ncols", "ncols"), "ncols")
        let rows = size(required("nrows", "nrows"), "nrows")
        var cellWidth: Double?, cellHeight: Double?
        switch (entries["cellsize"], entries["dx"], entries["dy"]) {
        case let (cellsize?, nil, nil):
            cellWidth = cellSize(cellsize, "cellsize")
            cellHeight = cellWidth
        case let (nil, dx?, dy?):
            cellWidth = cellSize(dx, "dx")
            cellHeight = cellSize(dy, "dy")
        case (nil, nil, nil):
            diagnostics.append(Diagnostic(file: file, message: "missing header key 'cellsize' (or 'dx' and 'dy')"))
        case let (cellsize?, _, _):
            diagnostics.append(Diagnostic(file: file, line: cellsize.line, message: "both 'cellsize' and 'dx'/'dy' are given"))
        case let (nil, dx, dy):
            let present = (dx ?? dy)!
            diagnostics.append(Diagnostic(file: file, line: present.line, message: "'dx' and 'dy' must be given together"))
        }
        let x = reference("xllcorner", "xllcenter")
        let y = reference("yllcorner", "yllcenter")
        var nodata: Double?
        if let entry = entries["nodata_value"] { nodata = entry.value }

        guard diagnostics.count == problemsBefore, let columns, let rows, let cellWidth, let cellHeight, let x, let y else {
            return nil
        }
        let left = x.isCenter ? x.value - cellWidth / 2 : x.value
        let bottom = y.isCenter ? y.value - cellHeight / 2 : y.value
        return ASCIIGridHeader(columns: columns, rows: rows, originX: left, originY: bottom + Double(rows) * cellHeight,
                               cellWidth: cellWidth, cellHeight: cellHeight, nodata: nodata)
    }

    /// Parses every remaining token into `values` (extra tokens are counted, not stored).
    /// Returns the number of tokens and whether all of them were written as integers.
    private mutating func readValues(_ scanner: inout ASCIIGridScanner, into values: UnsafeMutableBufferPointer<Float>) -> (count: Int, allIntegers: Bool) {
        var count = 0
        var allIntegers = true
        var badCells = 0
        let bytes = scanner.bytes
        var index = scanner.position
        var line = scanner.line
        var lineStart = scanner.lineStart
        let end = bytes.count
        while true {
            while index < end {
                let byte = bytes[index]
                if byte == 0x0A {
                    line += 1
                    lineStart = index + 1
                } else if byte != 0x20 && byte != 0x09 && byte != 0x0D {
                    break
                }
                index += 1
            }
            if index == end { break }
            let start = index
            while index < end {
                let byte = bytes[index]
                if byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D { break }
                index += 1
            }
            let token = UnsafeBufferPointer(rebasing: bytes[start..<index])
            let parsed = ASCIIGridNumber.parse(token)
            if let value = parsed.value {
                if count < values.count { values[count] = value }
                allIntegers = allIntegers && parsed.isInteger
            } else {
                badCells += 1
                if badCells <= Self.listedBadCells {
                    let text = String(decoding: token.prefix(40), as: UTF8.self)
                    let overflows = Double(String(decoding: token, as: UTF8.self))?.isFinite == true
                    diagnostics.append(Diagnostic(file: file, line: line, column: start - lineStart + 1,
                                                  message: overflows ? "'\(text)' is outside the range of a 32-bit float (about ±3.4e38)" : "'\(text)' is not a number"))
                }
            }
            count += 1
        }
        if badCells > Self.listedBadCells {
            diagnostics.append(Diagnostic(file: file, message: "\(badCells - Self.listedBadCells) more values are not numbers or are out of range"))
        }
        return (count, allIntegers)
    }

    private func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }

    /// Words that are numbers (`nan`, `inf`, `infinity`) rather than header keys.
    private func isNumberWord(_ text: String) -> Bool {
        ["nan", "inf", "infinity"].contains(text.lowercased())
    }
}

/// Whether a byte marks a number as non-integer (decimal point, exponent, or a letter of nan/inf).
private func isFractionMarker(_ byte: UInt8) -> Bool {
    byte == 0x2E || byte == 0x65 || byte == 0x45 || byte == 0x6E || byte == 0x4E || byte == 0x69 || byte == 0x49
}

/// A whitespace-separated token with its 1-based line and column.
private struct ASCIIGridToken {
    var bytes: UnsafeBufferPointer<UInt8>
    var line: Int
    var column: Int
}

/// Walks bytes token by token, tracking lines.
private struct ASCIIGridScanner {
    let bytes: UnsafeBufferPointer<UInt8>
    var position = 0
    var line = 1
    var lineStart = 0

    init(bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    /// The next token, crossing line ends.
    mutating func nextToken() -> ASCIIGridToken? {
        while position < bytes.count, isSpace(bytes[position]) {
            if bytes[position] == 0x0A {
                line += 1
                lineStart = position + 1
            }
            position += 1
        }
        return position < bytes.count ? token() : nil
    }

    /// The next token on the current line, or `nil` at the line end.
    mutating func nextTokenOnLine() -> ASCIIGridToken? {
        while position < bytes.count, bytes[position] == 0x20 || bytes[position] == 0x09 || bytes[position] == 0x0D {
            position += 1
        }
        guard position < bytes.count, bytes[position] != 0x0A else { return nil }
        return token()
    }

    /// Moves to the start of the next line.
    mutating func skipLine() {
        while position < bytes.count, bytes[position] != 0x0A { position += 1 }
    }

    private mutating func token() -> ASCIIGridToken {
        let start = position
        while position < bytes.count, !isSpace(bytes[position]) { position += 1 }
        return ASCIIGridToken(bytes: UnsafeBufferPointer(rebasing: bytes[start..<position]), line: line, column: start - lineStart + 1)
    }

    private func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }
}

/// Decimal text to `Float`, correctly rounded.
private enum ASCIIGridNumber {
    /// Powers of ten that are exact in `Float`.
    private static let powersOfTen: [Float] = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10]

    /// The value of `token` (`nil` when it is not a number) and whether it is written as an
    /// integer. Plain decimals with at most 7 significant digits and a small exponent take an
    /// exact fast path (one correctly rounded `Float` multiply or divide); anything else goes
    /// through the standard library's correctly rounded conversion.
    static func parse(_ token: UnsafeBufferPointer<UInt8>) -> (value: Float?, isInteger: Bool) {
        var index = 0
        let count = token.count
        var negative = false
        if index < count, token[index] == 0x2D || token[index] == 0x2B {
            negative = token[index] == 0x2D
            index += 1
        }
        var mantissa: UInt32 = 0
        var digits = 0
        var scale = 0
        var sawDigit = false
        var isInteger = true
        while index < count, token[index] &- 0x30 < 10 {
            sawDigit = true
            if mantissa != 0 || token[index] != 0x30 { digits += 1 }
            if digits <= 8 { mantissa = mantissa &* 10 &+ UInt32(token[index] &- 0x30) }
            index += 1
        }
        if index < count, token[index] == 0x2E {
            isInteger = false
            index += 1
            while index < count, token[index] &- 0x30 < 10 {
                sawDigit = true
                if mantissa != 0 || token[index] != 0x30 { digits += 1 }
                if digits <= 8 { mantissa = mantissa &* 10 &+ UInt32(token[index] &- 0x30) }
                scale -= 1
                index += 1
            }
        }
        if index == count, sawDigit, digits <= 8, mantissa <= 1 << 24, scale >= -10 {
            let magnitude = Float(mantissa)
            let value = scale == 0 ? magnitude : magnitude / powersOfTen[-scale]
            return (negative ? -value : value, isInteger)
        }
        let text = String(decoding: token, as: UTF8.self)
        // A finite decimal beyond Float's range (1e39) is not a cell value: only the words
        // inf and infinity may give an infinite one.
        guard let value = Float(text), !value.isInfinite || text.lowercased().contains("inf") else { return (nil, false) }
        return (value, isInteger && !token.contains(where: isFractionMarker) && !text.lowercased().hasPrefix("0x"))
    }
}
