import GEPCore

extension GEPError {
    /// A `.invalidData` error with one diagnostic about the raster `file`.
    static func invalidRaster(_ file: String, _ message: String) -> GEPError {
        .invalidData([Diagnostic(file: file, message: message)])
    }
}
