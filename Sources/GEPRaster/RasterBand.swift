import GEPCore

/// The storage type of a raster's cells.
public enum RasterDataType: String, Sendable, Hashable, CaseIterable {
    case uint8, int8, uint16, int16, uint32, int32, float32, float64

    /// Bytes per cell.
    public var byteCount: Int {
        switch self {
        case .uint8, .int8: 1
        case .uint16, .int16: 2
        case .uint32, .int32, .float32: 4
        case .float64: 8
        }
    }

    /// True for the two floating-point types.
    public var isFloatingPoint: Bool { self == .float32 || self == .float64 }
}

/// One band of a raster that can be read a range of rows at a time.
///
/// The grid engine streams aligned bands row-band by row-band, from several threads at
/// once: `read(rows:into:)` and `readDoubles(rows:into:)` must be safe to call concurrently
/// for different (or the same) row ranges, and must not keep more than one decoded block
/// row in memory per call.
public protocol RasterBand: AnyObject, Sendable {
    /// The path or name used in messages.
    var name: String { get }
    /// Size, origin, cell size and CRS.
    var geometry: GridGeometry { get }
    /// The cell type as stored.
    var dataType: RasterDataType { get }
    /// The nodata value as declared (GDAL_NODATA or NODATA_value), or `nil`.
    var nodata: Double? { get }
    /// The row count of the file's natural blocks (tile height, or rows per strip); bands
    /// are best read in multiples of it, aligned to it.
    var blockHeight: Int { get }
    /// Decodes rows `rows` (all columns) into `buffer`, row-major, `rows.count × width`
    /// values converted to Float. Nodata cells keep their stored value (converted to Float).
    ///
    /// - Throws: `GEPError.invalidData` for corrupt data (naming the file and block),
    ///   `GEPError.io` for a failed read.
    func read(rows: Range<Int>, into buffer: UnsafeMutableBufferPointer<Float>) throws(GEPError)
    /// Decodes rows `rows` (all columns) into `buffer`, row-major, `rows.count × width`
    /// values converted to Double, as `read(rows:into:)` does to Float. Every stored type
    /// (8-, 16- and 32-bit integers, Float32, Float64) converts exactly, so zone codes such
    /// as 2,000,000,001 or 441,623,100,000 come back unchanged. Nodata cells keep their
    /// stored value (converted to Double).
    ///
    /// - Throws: As `read(rows:into:)`.
    func readDoubles(rows: Range<Int>, into buffer: UnsafeMutableBufferPointer<Double>) throws(GEPError)
}

extension RasterBand {
    /// Every cell, row-major, read in one call (`geometry.cellCount` values; NaN until read).
    ///
    /// - Throws: As `read(rows:into:)`.
    public func readAll() throws(GEPError) -> [Float] {
        var values = [Float](repeating: .nan, count: geometry.cellCount)
        let rows = 0..<geometry.height
        let result = values.withUnsafeMutableBufferPointer { buffer in
            Result { () throws(GEPError) in try read(rows: rows, into: buffer) }
        }
        try result.get()
        return values
    }
}

/// A band held in memory: for tests, synthetic grids and small rasters.
public final class InMemoryBand: RasterBand {
    /// The path or name used in messages.
    public let name: String
    /// Size, origin, cell size and CRS.
    public let geometry: GridGeometry
    /// The cell type the values represent.
    public let dataType: RasterDataType
    /// The nodata value, or `nil`.
    public let nodata: Double?
    /// Natural block height used when streaming.
    public let blockHeight: Int
    /// Row-major values, `geometry.cellCount` of them.
    public let values: [Float]

    /// Creates a band; `values.count` must equal `geometry.cellCount`.
    public init(name: String, geometry: GridGeometry, dataType: RasterDataType, nodata: Double?, values: [Float], blockHeight: Int = 256) {
        precondition(values.count == geometry.cellCount, "InMemoryBand: \(values.count) values for \(geometry.cellCount) cells")
        self.name = name
        self.geometry = geometry
        self.dataType = dataType
        self.nodata = nodata
        self.values = values
        self.blockHeight = max(1, blockHeight)
    }

    /// Copies rows `rows` into `buffer`.
    public func read(rows: Range<Int>, into buffer: UnsafeMutableBufferPointer<Float>) throws(GEPError) {
        ResidentRows.copy(values, width: geometry.width, rows: rows, into: buffer)
    }

    /// Copies rows `rows` into `buffer`, widened to `Double`: exactly the `Float` values the
    /// band holds (integers beyond ±2^24 were rounded when they were put in `values`).
    public func readDoubles(rows: Range<Int>, into buffer: UnsafeMutableBufferPointer<Double>) throws(GEPError) {
        ResidentRows.copy(values, width: geometry.width, rows: rows, into: buffer)
    }
}
