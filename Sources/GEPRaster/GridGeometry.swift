/// Where a raster's cells are: size, origin, cell size and coordinate reference system.
///
/// Grids are north-up: row 0 is the northern edge, `originX`/`originY` is the outer
/// top-left corner of cell (0, 0), columns grow east by `cellWidth` and rows grow south by
/// `cellHeight` (both positive, in CRS units, normally metres).
public struct GridGeometry: Sendable, Hashable {
    /// Number of columns.
    public var width: Int
    /// Number of rows.
    public var height: Int
    /// X of the top-left corner of the top-left cell.
    public var originX: Double
    /// Y of the top-left corner of the top-left cell.
    public var originY: Double
    /// Cell size along x (east), positive.
    public var cellWidth: Double
    /// Cell size along y (south), positive.
    public var cellHeight: Double
    /// EPSG code of the CRS, when the file names one.
    public var epsg: Int?

    /// Creates a geometry.
    public init(width: Int, height: Int, originX: Double, originY: Double, cellWidth: Double, cellHeight: Double, epsg: Int?) {
        self.width = width
        self.height = height
        self.originX = originX
        self.originY = originY
        self.cellWidth = cellWidth
        self.cellHeight = cellHeight
        self.epsg = epsg
    }

    /// Number of cells.
    public var cellCount: Int { width * height }

    /// Area of one cell in CRS units squared (m² for a projected CRS in metres).
    public var cellArea: Double { cellWidth * cellHeight }

    /// Every way `other` differs from this grid: size, cell size, origin (beyond
    /// `tolerance` × cell size) and CRS. Empty when the two are aligned.
    public func differences(from other: GridGeometry, tolerance: Double = 1e-6) -> [String] {
        var result: [String] = []
        if width != other.width || height != other.height {
            result.append("size \(other.width)×\(other.height) cells, expected \(width)×\(height)")
        }
        if abs(cellWidth - other.cellWidth) > tolerance * cellWidth || abs(cellHeight - other.cellHeight) > tolerance * cellHeight {
            result.append("cell size \(other.cellWidth)×\(other.cellHeight), expected \(cellWidth)×\(cellHeight)")
        }
        if abs(originX - other.originX) > tolerance * cellWidth || abs(originY - other.originY) > tolerance * cellHeight {
            result.append("origin (\(other.originX), \(other.originY)), expected (\(originX), \(originY))")
        }
        if epsg != other.epsg {
            result.append("CRS \(other.epsg.map { "EPSG:\($0)" } ?? "unknown"), expected \(epsg.map { "EPSG:\($0)" } ?? "unknown")")
        }
        return result
    }
}
