/// Cell counts and summary values of one band, over every cell.
///
/// A cell is *nodata* when it is NaN or equals the declared nodata value (compared in the
/// band's own type: a float32 band compares against the nodata value rounded to `Float`,
/// as GDAL does); every other cell, infinities included, is *valid*. Sums are accumulated
/// in `Double` from the stored values.
public struct RasterStatistics: Sendable, Hashable {
    /// Valid cells: finite values other than the nodata value.
    public var validCount: Int
    /// Nodata cells, NaN cells included.
    public var nodataCount: Int
    /// NaN cells (all of which are counted in `nodataCount`).
    public var nanCount: Int
    /// Cells holding +inf or −inf (a Float32 file can store them; a decimal beyond 3.4e38
    /// written as Float32 becomes one). Neither valid nor nodata: the extremes, mean and sum
    /// are over the finite values, and `validCount + nodataCount + infiniteCount` is the cell count.
    public var infiniteCount: Int
    /// Smallest valid value, or `nil` when there is none.
    public var min: Double?
    /// Largest valid value, or `nil` when there is none.
    public var max: Double?
    /// Mean of the valid values (`sum / validCount`), or `nil` when there is none.
    public var mean: Double?
    /// Sum of the valid values (0 when there is none).
    public var sum: Double

    /// Creates statistics from their parts.
    public init(validCount: Int, nodataCount: Int, nanCount: Int, infiniteCount: Int = 0, min: Double?, max: Double?, mean: Double?, sum: Double) {
        self.validCount = validCount
        self.nodataCount = nodataCount
        self.nanCount = nanCount
        self.infiniteCount = infiniteCount
        self.min = min
        self.max = max
        self.mean = mean
        self.sum = sum
    }
}
