/// What `gep raster info` reports about a GeoTIFF: its container, layout, encoding and
/// georeferencing, as read from band 1's directory.
public struct TIFFDescription: Sendable {
    /// True for BigTIFF (version 43, 64-bit offsets), false for classic TIFF (version 42).
    public var isBigTIFF: Bool
    /// `II` (little-endian) or `MM` (big-endian).
    public var byteOrder: TIFFByteOrder
    /// Columns.
    public var width: Int
    /// Rows.
    public var height: Int
    /// The cell type as stored.
    public var dataType: RasterDataType
    /// The compression scheme's name and code, such as "LZW (5)" or "DEFLATE (8)".
    public var compression: String
    /// The Compression tag value (1 none, 5 LZW, 8 or 32946 DEFLATE).
    public var compressionCode: Int
    /// The Predictor tag value: 1 none, 2 horizontal differencing, 3 floating point.
    public var predictor: Int
    /// True for a tiled layout, false for strips.
    public var tiled: Bool
    /// Tile width in cells, or the image width for strips.
    public var blockWidth: Int
    /// Tile height in cells, or rows per strip.
    public var blockHeight: Int
    /// Number of tiles or strips.
    public var blockCount: Int
    /// The GDAL_NODATA value, or `nil`.
    public var nodata: Double?
    /// Size, origin, cell size and CRS.
    public var geometry: GridGeometry
    /// Whether the file has a pixel-to-model transform (ModelPixelScale + ModelTiepoint,
    /// or ModelTransformation); without one, the origin is (0, 0) and cells are 1 × 1.
    public var hasGeoreference: Bool
    /// EPSG code of the CRS from the GeoTIFF keys, or `nil`.
    public var epsg: Int?
    /// Size of the file in bytes.
    public var fileSize: Int
}
