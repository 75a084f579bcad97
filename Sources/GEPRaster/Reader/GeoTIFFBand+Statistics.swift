import GEPCore

extension GeoTIFFBand {
    /// Counts and summary values over every cell, from the stored values (not their
    /// `Float` conversions), accumulated in `Double`; see `RasterStatistics` for what
    /// counts as nodata. Reads the whole band one block at a time.
    ///
    /// - Throws: As `read(rows:into:)`.
    public func statistics() throws(GEPError) -> RasterStatistics {
        let layout = decoder.layout
        var accumulator = StatisticsAccumulator(nodata: nodata.map { dataType == .float32 ? Double(Float($0)) : $0 })
        try forEachBlock(blockRows: 0...layout.blocksDown - 1) { block, blockRow, blockColumn in
            let rows = layout.rows(inBlockRow: blockRow)
            let columns = min(layout.blockWidth, layout.width - blockColumn * layout.blockWidth)
            accumulator.add(block, dataType: layout.dataType, stride: layout.blockWidth, rows: rows, columns: columns)
        }
        return accumulator.result
    }
}

/// Running counts, extremes and sum over blocks of native-order samples.
struct StatisticsAccumulator {
    /// The nodata value in the band's precision; NaN cells are nodata regardless.
    let nodata: Double?
    private var valid = 0
    private var missing = 0
    private var nans = 0
    private var infinite = 0
    private var minimum = Double.infinity
    private var maximum = -Double.infinity
    private var sum = 0.0

    /// Starts empty.
    init(nodata: Double?) {
        self.nodata = nodata
    }

    /// The statistics so far.
    var result: RasterStatistics {
        RasterStatistics(validCount: valid, nodataCount: missing, nanCount: nans, infiniteCount: infinite, min: valid > 0 ? minimum : nil,
                         max: valid > 0 ? maximum : nil, mean: valid > 0 ? sum / Double(valid) : nil, sum: sum)
    }

    /// Adds a `rows × columns` window of a block whose rows are `stride` samples apart.
    mutating func add(_ block: UnsafeRawPointer, dataType: RasterDataType, stride: Int, rows: Int, columns: Int) {
        switch dataType {
        case .uint8: add(block, UInt8.self, stride, rows, columns) { Double($0) }
        case .int8: add(block, Int8.self, stride, rows, columns) { Double($0) }
        case .uint16: add(block, UInt16.self, stride, rows, columns) { Double($0) }
        case .int16: add(block, Int16.self, stride, rows, columns) { Double($0) }
        case .uint32: add(block, UInt32.self, stride, rows, columns) { Double($0) }
        case .int32: add(block, Int32.self, stride, rows, columns) { Double($0) }
        case .float32: add(block, Float.self, stride, rows, columns) { Double($0) }
        case .float64: add(block, Double.self, stride, rows, columns) { $0 }
        }
    }

    @inline(__always)
    private mutating func add<T: BitwiseCopyable>(_ block: UnsafeRawPointer, _ type: T.Type, _ stride: Int, _ rows: Int, _ columns: Int,
                                                  _ convert: (T) -> Double) {
        let size = MemoryLayout<T>.size
        let nodata = self.nodata ?? .nan
        var valid = 0, missing = 0, nans = 0, infinite = 0
        var minimum = self.minimum, maximum = self.maximum, blockSum = 0.0
        for row in 0..<rows {
            let source = block + row * stride * size
            for column in 0..<columns {
                let value = convert(source.loadUnaligned(fromByteOffset: column * size, as: T.self))
                if value.isNaN {
                    nans += 1
                    missing += 1
                } else if value == nodata {
                    missing += 1
                } else if value.isInfinite {
                    infinite += 1
                } else {
                    valid += 1
                    blockSum += value
                    minimum = Swift.min(minimum, value)
                    maximum = Swift.max(maximum, value)
                }
            }
        }
        self.valid += valid
        self.missing += missing
        self.nans += nans
        self.infinite += infinite
        self.minimum = minimum
        self.maximum = maximum
        sum += blockSum
    }
}
