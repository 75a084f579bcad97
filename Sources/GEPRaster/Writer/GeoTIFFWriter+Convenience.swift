import GEPCore

extension GeoTIFFWriter {
    /// Writes a whole grid held in memory as a GeoTIFF.
    ///
    /// - Parameters:
    ///   - values: `geometry.cellCount` values, row-major from the top-left cell.
    ///   - Others: As `init(path:relativeTo:geometry:dataType:nodata:options:)`.
    /// - Precondition: `values.count == geometry.cellCount`.
    /// - Throws: As `init` and `finish()`.
    public static func write(path: String, relativeTo directory: String = "", geometry: GridGeometry, dataType: RasterDataType = .float32,
                             nodata: Double?, values: [Float], options: Options = Options()) throws(GEPError) {
        try writeWhole(path: path, relativeTo: directory, geometry: geometry, dataType: dataType, nodata: nodata, values: values, options: options)
    }

    /// Writes a whole grid of `Double` values held in memory as a GeoTIFF; float64 output
    /// keeps every bit.
    ///
    /// - Precondition: `values.count == geometry.cellCount`.
    /// - Throws: As `init` and `finish()`.
    public static func write(path: String, relativeTo directory: String = "", geometry: GridGeometry, dataType: RasterDataType = .float32,
                             nodata: Double?, values: [Double], options: Options = Options()) throws(GEPError) {
        try writeWhole(path: path, relativeTo: directory, geometry: geometry, dataType: dataType, nodata: nodata, values: values, options: options)
    }

    /// The two `write`s: one writer, every row appended at once, finished.
    private static func writeWhole<Value: BinaryFloatingPoint>(path: String, relativeTo directory: String, geometry: GridGeometry,
                                                               dataType: RasterDataType, nodata: Double?, values: [Value],
                                                               options: Options) throws(GEPError) {
        precondition(values.count == geometry.cellCount, "\(values.count) values for \(geometry.cellCount) cells")
        let writer = try GeoTIFFWriter(path: path, relativeTo: directory, geometry: geometry, dataType: dataType, nodata: nodata, options: options)
        let result = values.withUnsafeBufferPointer { buffer in
            Result { () throws(GEPError) in try writer.encoder.append(buffer, count: geometry.height) }
        }
        try result.get()
        try writer.finish()
    }
}
