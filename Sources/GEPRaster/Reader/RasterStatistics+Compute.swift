import GEPCore

extension RasterStatistics {
    /// Statistics of any band: a GeoTIFF's from its stored values, any other band's from its
    /// `Float` values read one block of rows at a time (NaN and nodata counted, sums in Double).
    public static func compute(_ band: any RasterBand) throws(GEPError) -> RasterStatistics {
        if let tiff = band as? GeoTIFFBand { return try tiff.statistics() }
        let g = band.geometry
        let rowsPerRead = Swift.max(1, band.blockHeight)
        var accumulator = StatisticsAccumulator(nodata: band.nodata.map { Double(Float($0)) })
        let buffer = UnsafeMutableBufferPointer<Float>.allocate(capacity: rowsPerRead * Swift.max(1, g.width))
        defer { buffer.deallocate() }
        var start = 0
        while start < g.height {
            let count = Swift.min(rowsPerRead, g.height - start)
            try band.read(rows: start..<(start + count), into: UnsafeMutableBufferPointer(rebasing: buffer[0..<(count * g.width)]))
            accumulator.add(UnsafeRawPointer(buffer.baseAddress!), dataType: .float32, stride: g.width, rows: count, columns: g.width)
            start += count
        }
        return accumulator.result
    }
}
