/// One zone layer's values in a band, exactly as Double (`RasterBand.readDoubles`): either
/// read into the band's scratch, or, for a layer held in memory as Float (`InMemoryBand`,
/// `ESRIASCIIBand`), used in place: runs are found on the Float bits (equal Float bits are
/// equal Double bits, and for every value that is not NaN the converse holds) and a value
/// converted only when asked for, so a fold that scans zones run by run never copies them.
///
/// Valid only during the fold's `process` call.
struct ZoneRows {
    private enum Storage {
        case doubles(UnsafePointer<Double>)
        case floats(UnsafePointer<Float>, scratch: UnsafeMutablePointer<Double>)
    }

    private let storage: Storage
    /// Columns per row.
    let width: Int
    /// Rows in the band.
    let rowCount: Int

    /// The band's values already read as Double, `rowCount × width` of them.
    init(doubles: UnsafePointer<Double>, width: Int, rowCount: Int) {
        storage = .doubles(doubles)
        (self.width, self.rowCount) = (width, rowCount)
    }

    /// The band's Float values in memory; `scratch` (room for `rowCount × width` Doubles) is
    /// written only by `band`.
    init(floats: UnsafePointer<Float>, scratch: UnsafeMutablePointer<Double>, width: Int, rowCount: Int) {
        storage = .floats(floats, scratch: scratch)
        (self.width, self.rowCount) = (width, rowCount)
    }

    /// The value at `column` of band row `row`, as Double bits.
    @inline(__always)
    func bits(row: Int, column: Int) -> UInt64 {
        switch storage {
        case let .doubles(values): values[row * width + column].bitPattern
        case let .floats(values, _): Double(values[row * width + column]).bitPattern
        }
    }

    /// The first column after `column` in band row `row` whose value differs from the value at
    /// `column` (or `width`), comparing bits several cells at a time. NaN cells of different
    /// payloads may end a run where their Double bits would not; they are never zone ids.
    @inline(__always)
    func runEnd(row: Int, from column: Int) -> Int {
        switch storage {
        case let .doubles(values): Self.runEnd(UnsafeRawPointer(values + row * width), UInt64.self, from: column, width: width)
        case let .floats(values, _): Self.runEnd(UnsafeRawPointer(values + row * width), UInt32.self, from: column, width: width)
        }
    }

    /// The whole band as Double (Float values converted into the band scratch).
    var band: UnsafeBufferPointer<Double> {
        let count = rowCount * width
        switch storage {
        case let .doubles(values):
            return UnsafeBufferPointer(start: values, count: count)
        case let .floats(values, scratch):
            for k in 0..<count { scratch[k] = Double(values[k]) }
            return UnsafeBufferPointer(start: scratch, count: count)
        }
    }

    /// The run end over cells of `Bits` (the Float or Double bit patterns), 32 bytes at a time.
    @inline(__always)
    private static func runEnd<Bits: FixedWidthInteger & UnsignedInteger>(_ values: UnsafeRawPointer, _: Bits.Type, from column: Int, width: Int) -> Int {
        let size = MemoryLayout<Bits>.size
        let bits = values.loadUnaligned(fromByteOffset: column * size, as: Bits.self)
        var pattern: UInt64 = 0
        for k in 0..<(8 / size) { pattern |= UInt64(bits) << (k * size * 8) }
        let splat = SIMD4<UInt64>(repeating: pattern), perVector = 32 / size
        var next = column + 1
        while next + perVector <= width && values.loadUnaligned(fromByteOffset: next * size, as: SIMD4<UInt64>.self) == splat { next += perVector }
        while next < width && values.loadUnaligned(fromByteOffset: next * size, as: Bits.self) == bits { next += 1 }
        return next
    }
}
