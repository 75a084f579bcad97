import GEPCore

/// The GeoTIFF keys this module reads from a GeoKeyDirectoryTag (34735): the model type,
/// the raster type and the EPSG code of the CRS.
struct GeoKeyDirectory: Sendable {
    /// GTModelTypeGeoKey (1024): 1 projected, 2 geographic, 3 geocentric.
    static let modelTypeKey: UInt16 = 1024
    /// GTRasterTypeGeoKey (1025): 1 PixelIsArea, 2 PixelIsPoint.
    static let rasterTypeKey: UInt16 = 1025
    /// GeographicTypeGeoKey (2048): EPSG code of a geographic CRS.
    static let geographicTypeKey: UInt16 = 2048
    /// ProjectedCSTypeGeoKey (3072): EPSG code of a projected CRS.
    static let projectedTypeKey: UInt16 = 3072
    /// The GeoTIFF code for "user-defined" (no EPSG code).
    static let userDefined: UInt16 = 32767

    /// Key values stored directly in the directory (TIFFTagLocation 0), by key ID.
    private(set) var shortValues: [UInt16: UInt16] = [:]

    /// Parses the SHORT values of a GeoKeyDirectoryTag: a 4-value header (version,
    /// revision, minor revision, key count) then 4 values per key (ID, location, count,
    /// value or offset).
    init(values: [UInt64], file: String) throws(GEPError) {
        guard values.count >= 4 else {
            throw .invalidRaster(file, "GeoKeyDirectoryTag (34735) has \(values.count) values, expected at least 4")
        }
        guard values[3] <= UInt64((values.count - 4) / 4) else {
            throw .invalidRaster(file, "GeoKeyDirectoryTag (34735) declares \(values[3]) keys but holds only \(values.count) values")
        }
        let keyCount = Int(values[3])
        for index in 0..<keyCount {
            let base = 4 + 4 * index
            let id = UInt16(truncatingIfNeeded: values[base]), location = values[base + 1]
            if location == 0, shortValues[id] == nil {
                shortValues[id] = UInt16(truncatingIfNeeded: values[base + 3])
            }
        }
    }

    /// True when GTRasterTypeGeoKey says PixelIsPoint.
    var isPixelIsPoint: Bool { shortValues[Self.rasterTypeKey] == 2 }

    /// The EPSG code of the CRS: ProjectedCSTypeGeoKey when set, else GeographicTypeGeoKey
    /// unless the model is projected; `nil` when user-defined or absent.
    var epsg: Int? {
        func code(_ key: UInt16) -> Int? {
            guard let value = shortValues[key], value != 0, value != Self.userDefined else { return nil }
            return Int(value)
        }
        let modelType = shortValues[Self.modelTypeKey]
        if modelType != 2, shortValues[Self.projectedTypeKey] != nil {
            return code(Self.projectedTypeKey)
        }
        if modelType != 1 {
            return code(Self.geographicTypeKey)
        }
        return nil
    }
}
