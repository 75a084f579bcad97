import GEPCore

/// Writes one band as a GeoTIFF, streaming rows top to bottom, with the georeferencing
/// (ModelPixelScaleTag, ModelTiepointTag, and a GeoKeyDirectoryTag with GTModelTypeGeoKey,
/// GTRasterTypeGeoKey = PixelIsArea and the EPSG code) and GDAL_NODATA that GDAL and QGIS
/// read.
///
/// Rows are buffered until a block row (one row of tiles, or one strip) is complete, which
/// is then encoded and written; memory use is one block row. The file is built under a
/// temporary name beside the target and renamed over it by `finish()`: an error, or a
/// writer released without `finish()`, leaves no partial output.
///
/// ```swift
/// var writer = try GeoTIFFWriter(path: "wyield.tif", relativeTo: directory, geometry: geometry, nodata: -1)
/// try writer.append(rows: band, count: 256)
/// …
/// try writer.finish()
/// ```
public struct GeoTIFFWriter {
    /// The encoder and its output file (shared by copies of this writer).
    let encoder: GeoTIFFBlockEncoder

    /// Creates the output's temporary file and checks the options.
    ///
    /// - Parameters:
    ///   - path: The target file; relative paths resolve against `directory`.
    ///   - directory: Usually the command's working directory.
    ///   - geometry: Size, origin, cell size and EPSG code (1–32766) of the grid.
    ///   - dataType: The stored cell type; the engine writes `.float32`.
    ///   - nodata: Written as GDAL_NODATA; `nil` writes none.
    ///   - options: Compression, predictor, tiling and container choices.
    /// - Throws: `.cannotCreateOutput` (exit 73) when the file cannot be created or the
    ///   options cannot be honoured (tile sizes not multiples of 16, Predictor 3 with
    ///   integers, an EPSG code a GeoTIFF key cannot hold…).
    public init(path: String, relativeTo directory: String = "", geometry: GridGeometry, dataType: RasterDataType = .float32, nodata: Double?,
                options: Options = Options()) throws(GEPError) {
        let plan = try GeoTIFFWritePlan(path: path, geometry: geometry, dataType: dataType, nodata: nodata, options: options)
        let file = try TemporaryOutputFile(path: path, relativeTo: directory)
        encoder = GeoTIFFBlockEncoder(plan: plan, file: file)
    }

    /// Rows appended so far.
    public var rowsAppended: Int { encoder.rowsReceived }

    /// Whether the file is BigTIFF (asked for, or needed because it could exceed 4 GiB).
    public var isBigTIFF: Bool { encoder.plan.bigTIFF }

    /// Appends the next `count` rows (`count × width` values, row-major, top to bottom).
    ///
    /// Any row count is accepted; appending whole block rows (multiples of the tile height
    /// or rows per strip) avoids buffering. Integer types round to nearest and clamp to
    /// their range; NaN becomes the nodata value (0 when the type cannot hold it).
    ///
    /// - Precondition: `rows` holds `count × width` values and no more than the grid's
    ///   height is appended in total.
    /// - Throws: `.io` when writing fails; the writer is then unusable.
    public mutating func append(rows: UnsafeBufferPointer<Float>, count: Int) throws(GEPError) {
        try encoder.append(rows, count: count)
    }

    /// Appends the next `count` rows of `Double` values; as the `Float` variant, but
    /// float64 output keeps every bit.
    public mutating func append(rows: UnsafeBufferPointer<Double>, count: Int) throws(GEPError) {
        try encoder.append(rows, count: count)
    }

    /// Encodes the last rows, writes the directory and header, syncs the file and renames
    /// it over the target.
    ///
    /// - Throws: `.cannotCreateOutput` when fewer rows than the grid's height were appended
    ///   or the rename fails; `.io` when writing fails or an earlier `append` failed.
    public func finish() throws(GEPError) {
        try encoder.finish()
    }
}
