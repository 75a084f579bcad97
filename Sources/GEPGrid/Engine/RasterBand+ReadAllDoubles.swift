import GEPCore
import GEPRaster

extension RasterBand {
    /// Every cell, row-major, read exactly as Double in one call (`geometry.cellCount` values).
    ///
    /// - Throws: As `readDoubles(rows:into:)`.
    func readAllDoubles() throws(GEPError) -> [Double] {
        var values = [Double](repeating: .nan, count: geometry.cellCount)
        let rows = 0..<geometry.height
        let result = values.withUnsafeMutableBufferPointer { buffer in
            Result { () throws(GEPError) in try readDoubles(rows: rows, into: buffer) }
        }
        try result.get()
        return values
    }
}
