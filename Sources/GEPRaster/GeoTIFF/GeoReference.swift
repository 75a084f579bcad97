import GEPCore

/// A band's georeferencing as read from its GeoTIFF tags.
struct GeoReference: Sendable {
    /// X of the top-left corner of the top-left cell.
    var originX = 0.0
    /// Y of the top-left corner of the top-left cell.
    var originY = 0.0
    /// Cell width, positive.
    var cellWidth = 1.0
    /// Cell height, positive (rows grow south).
    var cellHeight = 1.0
    /// EPSG code, when the keys name one.
    var epsg: Int?
    /// Whether the file has a pixel-to-model transform.
    var hasTransform = false

    /// Reads ModelPixelScaleTag + ModelTiepointTag, or ModelTransformationTag, and the
    /// GeoKeyDirectoryTag. PixelIsPoint moves the origin half a cell up and left, as GDAL
    /// does; without any transform the origin is (0, 0) and cells are 1 × 1.
    ///
    /// - Throws: `.invalidData` for a rotated or south-up transform, ground control
    ///   points without a pixel scale, or non-finite values.
    init(directory: TIFFDirectory) throws(GEPError) {
        let name = directory.reader.name
        func fail(_ message: String) -> GEPError { .invalidRaster(name, message) }
        var pixelIsPoint = false
        if let keyValues = try directory.unsignedIntegers(.geoKeyDirectory) {
            let keys = try GeoKeyDirectory(values: keyValues, file: name)
            epsg = keys.epsg
            pixelIsPoint = keys.isPixelIsPoint
        }
        let scale = try directory.doubles(.modelPixelScale)
        let tiepoints = try directory.doubles(.modelTiepoint)
        if let scale, let tiepoints {
            guard scale.count >= 2, tiepoints.count >= 6 else {
                throw fail("ModelPixelScaleTag has \(scale.count) values and ModelTiepointTag \(tiepoints.count); expected at least 2 and 6")
            }
            guard scale[0].isFinite, scale[1].isFinite, scale[0] > 0, scale[1] > 0 else {
                throw fail("ModelPixelScaleTag (\(scale[0]), \(scale[1])) is not a north-up grid with positive cell sizes")
            }
            cellWidth = scale[0]
            cellHeight = scale[1]
            originX = tiepoints[3] - tiepoints[0] * cellWidth
            originY = tiepoints[4] + tiepoints[1] * cellHeight
            hasTransform = true
        } else if let matrix = try directory.doubles(.modelTransformation) {
            guard matrix.count >= 16 else {
                throw fail("ModelTransformationTag has \(matrix.count) values, expected 16")
            }
            guard matrix[1] == 0, matrix[4] == 0 else {
                throw fail("ModelTransformationTag describes a rotated grid (terms \(matrix[1]), \(matrix[4])); only north-up grids are supported")
            }
            guard matrix[0].isFinite, matrix[5].isFinite, matrix[0] > 0, matrix[5] < 0 else {
                throw fail("ModelTransformationTag cell size (\(matrix[0]), \(matrix[5])) is not north-up")
            }
            cellWidth = matrix[0]
            cellHeight = -matrix[5]
            originX = matrix[3]
            originY = matrix[7]
            hasTransform = true
        } else if let tiepoints, tiepoints.count > 6 {
            throw fail("georeferenced by \(tiepoints.count / 6) ground control points, which are not supported")
        }
        if hasTransform && pixelIsPoint {
            originX -= cellWidth / 2
            originY += cellHeight / 2
        }
        guard originX.isFinite, originY.isFinite else {
            throw fail("origin (\(originX), \(originY)) is not finite")
        }
    }
}
