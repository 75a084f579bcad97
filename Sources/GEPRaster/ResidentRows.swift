/// Row copies out of a whole grid held in memory as row-major values, for the bands that
/// keep one (`InMemoryBand` and `ESRIASCIIBand` as `Float`, `InMemoryDoubleBand` as `Double`).
enum ResidentRows {
    /// Copies rows `rows` of `values` (`width` per row) into `buffer` unchanged.
    ///
    /// - Precondition: `rows` lies within the grid and `buffer` holds `rows.count × width` values.
    static func copy<Value>(_ values: [Value], width: Int, rows: Range<Int>, into buffer: UnsafeMutableBufferPointer<Value>) {
        withRows(values, width: width, rows: rows, capacity: buffer.count) { source in
            _ = buffer.update(fromContentsOf: source)
        }
    }

    /// Copies rows `rows` of `values` (`width` per row) into `buffer`, each value widened to
    /// `Double` (exactly: every `Float` is a `Double`).
    ///
    /// - Precondition: As `copy(_:width:rows:into:)` for `Float`.
    static func copy(_ values: [Float], width: Int, rows: Range<Int>, into buffer: UnsafeMutableBufferPointer<Double>) {
        withRows(values, width: width, rows: rows, capacity: buffer.count) { source in
            for index in source.indices { buffer[index] = Double(source[index]) }
        }
    }

    /// Copies rows `rows` of `values` (`width` per row) into `buffer`, each value rounded to the
    /// nearest `Float`.
    ///
    /// - Precondition: As `copy(_:width:rows:into:)`.
    static func copy(_ values: [Double], width: Int, rows: Range<Int>, into buffer: UnsafeMutableBufferPointer<Float>) {
        withRows(values, width: width, rows: rows, capacity: buffer.count) { source in
            for index in source.indices { buffer[index] = Float(source[index]) }
        }
    }

    /// Checks the request and calls `body` with the values of rows `rows`.
    private static func withRows<Value>(_ values: [Value], width: Int, rows: Range<Int>, capacity: Int, _ body: (UnsafeBufferPointer<Value>) -> Void) {
        precondition(rows.lowerBound >= 0 && rows.upperBound * width <= values.count && capacity >= rows.count * width,
                     "rows \(rows) of \(width) into \(capacity) values, from a grid of \(values.count)")
        values.withUnsafeBufferPointer { all in
            body(UnsafeBufferPointer(rebasing: all[(rows.lowerBound * width)..<(rows.upperBound * width)]))
        }
    }
}
