/// The baseline, extension, GeoTIFF and GDAL tag numbers this module reads or writes.
enum TIFFTag: UInt16 {
    case imageWidth = 256
    case imageLength = 257
    case bitsPerSample = 258
    case compression = 259
    case photometricInterpretation = 262
    case stripOffsets = 273
    case samplesPerPixel = 277
    case rowsPerStrip = 278
    case stripByteCounts = 279
    case planarConfiguration = 284
    case predictor = 317
    case tileWidth = 322
    case tileLength = 323
    case tileOffsets = 324
    case tileByteCounts = 325
    case sampleFormat = 339
    case modelPixelScale = 33550
    case modelTiepoint = 33922
    case modelTransformation = 34264
    case geoKeyDirectory = 34735
    case gdalNoData = 42113

    /// The name used in messages, with the number: "TileByteCounts (325)".
    var label: String {
        let name = switch self {
        case .imageWidth: "ImageWidth"
        case .imageLength: "ImageLength"
        case .bitsPerSample: "BitsPerSample"
        case .compression: "Compression"
        case .photometricInterpretation: "PhotometricInterpretation"
        case .stripOffsets: "StripOffsets"
        case .samplesPerPixel: "SamplesPerPixel"
        case .rowsPerStrip: "RowsPerStrip"
        case .stripByteCounts: "StripByteCounts"
        case .planarConfiguration: "PlanarConfiguration"
        case .predictor: "Predictor"
        case .tileWidth: "TileWidth"
        case .tileLength: "TileLength"
        case .tileOffsets: "TileOffsets"
        case .tileByteCounts: "TileByteCounts"
        case .sampleFormat: "SampleFormat"
        case .modelPixelScale: "ModelPixelScaleTag"
        case .modelTiepoint: "ModelTiepointTag"
        case .modelTransformation: "ModelTransformationTag"
        case .geoKeyDirectory: "GeoKeyDirectoryTag"
        case .gdalNoData: "GDAL_NODATA"
        }
        return "\(name) (\(rawValue))"
    }
}
