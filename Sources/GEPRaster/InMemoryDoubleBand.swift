import GEPCore

/// A band held in memory as Double, so integer codes beyond 2^24 (zone ids, 12-digit
/// administrative codes) stay exact: for zone layers loaded once into memory and for zones
/// rasterised from polygons. `read(rows:into:)` gives the values rounded to Float, as for
/// any band; `readDoubles(rows:into:)` gives them unchanged.
public final class InMemoryDoubleBand: RasterBand {
    /// The path or name used in messages.
    public let name: String
    /// Size, origin, cell size and CRS.
    public let geometry: GridGeometry
    /// The cell type the values represent.
    public let dataType: RasterDataType
    /// The nodata value, or `nil`.
    public let nodata: Double?
    /// The natural block height of the source (any row range is a memory copy).
    public let blockHeight: Int
    /// Row-major cell values, `geometry.cellCount` of them.
    public let values: [Double]

    /// Creates a band; `values.count` must equal `geometry.cellCount`.
    public init(name: String, geometry: GridGeometry, dataType: RasterDataType, nodata: Double?, values: [Double], blockHeight: Int = 256) {
        precondition(values.count == geometry.cellCount, "InMemoryDoubleBand: \(values.count) values for \(geometry.cellCount) cells")
        self.name = name
        self.geometry = geometry
        self.dataType = dataType
        self.nodata = nodata
        self.values = values
        self.blockHeight = max(1, blockHeight)
    }

    /// Copies rows `rows` into `buffer`, each value rounded to the nearest `Float`.
    public func read(rows: Range<Int>, into buffer: UnsafeMutableBufferPointer<Float>) throws(GEPError) {
        ResidentRows.copy(values, width: geometry.width, rows: rows, into: buffer)
    }

    /// Copies rows `rows` into `buffer` unchanged.
    public func readDoubles(rows: Range<Int>, into buffer: UnsafeMutableBufferPointer<Double>) throws(GEPError) {
        ResidentRows.copy(values, width: geometry.width, rows: rows, into: buffer)
    }
}
