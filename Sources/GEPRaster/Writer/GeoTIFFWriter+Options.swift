extension GeoTIFFWriter {
    /// How blocks are compressed.
    public enum Compression: Sendable, Hashable {
        /// Compression 1: samples stored as they are.
        case none
        /// Compression 5: LZW, as libtiff writes it.
        case lzw
        /// Compression 8: DEFLATE (zlib) at `level` 0 (store) … 9 (smallest); GDAL's default is 6.
        case deflate(level: Int)
        /// Compression 32773: PackBits (TIFF 6.0 baseline run-length coding, each block row
        /// packed on its own), as GDAL's `COMPRESS=PACKBITS` writes it; no predictor.
        case packBits
    }

    /// How the image is cut into blocks.
    public enum Layout: Sendable, Hashable {
        /// Tiles of `width` × `height` cells; both must be positive multiples of 16 (TIFF 6.0).
        case tiled(width: Int, height: Int)
        /// Strips of `rowsPerStrip` full-width rows (the last may be shorter).
        case striped(rowsPerStrip: Int)
    }

    /// How the EPSG code is recorded in the GeoTIFF keys.
    public enum CRSModel: Sendable, Hashable {
        /// Projected for most codes, geographic for the EPSG 4000–4999 range apart from its
        /// projected blocks (4087–4088 World Equidistant Cylindrical, 4491–4554 CGCS2000 /
        /// Gauss-Krüger, 4568–4589 New Beijing / Gauss-Krüger).
        case automatic
        /// GTModelTypeGeoKey 1 with ProjectedCSTypeGeoKey (3072).
        case projected
        /// GTModelTypeGeoKey 2 with GeographicTypeGeoKey (2048).
        case geographic
    }

    /// Encoding choices for a GeoTIFF. The defaults are the engine's: 256 × 256 tiles,
    /// DEFLATE level 6, the floating-point predictor for floats (horizontal differencing
    /// for integers), classic TIFF unless the file could exceed 4 GiB.
    public struct Options: Sendable, Hashable {
        /// Block compression.
        public var compression: Compression
        /// TIFF Predictor: 1 none, 2 horizontal differencing (any type), 3 floating point
        /// (float32/float64 only); `nil` picks 3 for floats and 2 for integers. Ignored
        /// without compression and with PackBits, as libtiff and GDAL ignore it there.
        public var predictor: Int?
        /// Tiles or strips.
        public var layout: Layout
        /// Always write BigTIFF (64-bit offsets). When false, BigTIFF is still chosen when the
        /// largest possible file would not fit classic TIFF's 4 GiB.
        public var bigTIFF: Bool
        /// How the EPSG code is recorded.
        public var crsModel: CRSModel

        /// Creates options; see the properties for the meaning and defaults.
        public init(compression: Compression = .deflate(level: 6), predictor: Int? = nil, layout: Layout = .tiled(width: 256, height: 256),
                    bigTIFF: Bool = false, crsModel: CRSModel = .automatic) {
            self.compression = compression
            self.predictor = predictor
            self.layout = layout
            self.bigTIFF = bigTIFF
            self.crsModel = crsModel
        }

        /// The predictor to use for `dataType`.
        func resolvedPredictor(for dataType: RasterDataType) -> Int {
            if compression == .none || compression == .packBits { return 1 }
            if let predictor { return predictor }
            return dataType.isFloatingPoint ? 3 : 2
        }

        /// The Compression tag value.
        var compressionCode: Int {
            switch compression {
            case .none: 1
            case .lzw: 5
            case .deflate: 8
            case .packBits: 32773
            }
        }
    }
}

extension GeoTIFFWriter.CRSModel {
    /// Whether `epsg` is recorded as a geographic CRS (under `.automatic`: the EPSG 4000–4999
    /// range apart from its projected blocks, as the `CRSModel` cases describe).
    public func isGeographic(_ epsg: Int) -> Bool {
        switch self {
        case .projected: false
        case .geographic: true
        case .automatic:
            (4000...4999).contains(epsg) && !(4087...4088).contains(epsg) && !(4491...4554).contains(epsg) && !(4568...4589).contains(epsg)
        }
    }
}
