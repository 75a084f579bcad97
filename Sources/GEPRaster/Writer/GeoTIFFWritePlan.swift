import GEPCore

/// The checked, fully resolved encoding of one GeoTIFF to be written.
struct GeoTIFFWritePlan: Sendable {
    /// The target as named, for messages.
    let path: String
    /// Size, origin, cell size and CRS.
    let geometry: GridGeometry
    /// Stored cell type.
    let dataType: RasterDataType
    /// GDAL_NODATA value.
    let nodata: Double?
    /// Compression choice.
    let compression: GeoTIFFWriter.Compression
    /// Predictor 1, 2 or 3.
    let predictor: Int
    /// Tiles or strips.
    let isTiled: Bool
    /// Tile width, or the image width for strips.
    let blockWidth: Int
    /// Tile height, or rows per strip.
    let blockHeight: Int
    /// Tiles per row (1 for strips).
    let blocksAcross: Int
    /// Block rows.
    let blocksDown: Int
    /// BigTIFF container.
    let bigTIFF: Bool
    /// GeoKeyDirectoryTag values.
    let geoKeys: [UInt16]
    /// Compression tag value.
    let compressionCode: Int
    /// Bit pattern for padding and for NaN in integer types: the nodata value when the
    /// type holds it, else zero.
    let fill: UInt64

    /// Bytes per sample.
    var sampleSize: Int { dataType.byteCount }

    /// Checks and resolves the options.
    init(path: String, geometry: GridGeometry, dataType: RasterDataType, nodata: Double?, options: GeoTIFFWriter.Options) throws(GEPError) {
        func fail(_ reason: String) -> GEPError { .cannotCreateOutput(path: path, reason: reason) }
        guard geometry.width > 0, geometry.height > 0, geometry.width <= TIFFImageLayout.maximumDimension,
              geometry.height <= TIFFImageLayout.maximumDimension, geometry.width.multipliedReportingOverflow(by: geometry.height).partialValue <= TIFFImageLayout.maximumCellCount else {
            throw fail("grid size \(geometry.width) × \(geometry.height) is empty or too large")
        }
        guard geometry.cellWidth.isFinite, geometry.cellHeight.isFinite, geometry.cellWidth > 0, geometry.cellHeight > 0,
              geometry.originX.isFinite, geometry.originY.isFinite else {
            throw fail("cell size \(geometry.cellWidth) × \(geometry.cellHeight) and origin (\(geometry.originX), \(geometry.originY)) must be finite, with positive cell sizes")
        }
        self.path = path
        self.geometry = geometry
        self.dataType = dataType
        self.nodata = nodata
        compression = options.compression
        compressionCode = options.compressionCode
        if case let .deflate(level) = options.compression, !(0...9).contains(level) {
            throw fail("DEFLATE level \(level) is outside 0…9")
        }
        predictor = options.resolvedPredictor(for: dataType)
        guard (1...3).contains(predictor) else {
            throw fail("Predictor \(predictor) is not 1, 2 or 3")
        }
        guard predictor != 3 || dataType.isFloatingPoint else {
            throw fail("Predictor 3 (floating point) needs float32 or float64 samples, not \(dataType.rawValue)")
        }
        switch options.layout {
        case let .tiled(width, height):
            let (cells, overflow) = width.multipliedReportingOverflow(by: height)
            guard width > 0, height > 0, width % 16 == 0, height % 16 == 0, !overflow, cells <= TIFFImageLayout.maximumBlockBytes / dataType.byteCount else {
                throw fail("tile size \(width) × \(height) must be positive multiples of 16 and at most \(TIFFImageLayout.maximumBlockBytes) bytes")
            }
            isTiled = true
            blockWidth = width
            blockHeight = height
        case let .striped(rowsPerStrip):
            guard rowsPerStrip > 0 else { throw fail("rows per strip must be positive, not \(rowsPerStrip)") }
            isTiled = false
            blockWidth = geometry.width
            blockHeight = min(rowsPerStrip, geometry.height)
            guard blockWidth * blockHeight <= TIFFImageLayout.maximumBlockBytes / dataType.byteCount else {
                throw fail("strips of \(blockHeight) rows × \(blockWidth) cells exceed \(TIFFImageLayout.maximumBlockBytes) bytes")
            }
        }
        blocksAcross = (geometry.width + blockWidth - 1) / blockWidth
        blocksDown = (geometry.height + blockHeight - 1) / blockHeight
        fill = nodata.flatMap { dataType.bitPattern(of: $0) } ?? 0
        geoKeys = try Self.geoKeys(epsg: geometry.epsg, model: options.crsModel, fail: fail)
        bigTIFF = options.bigTIFF || Self.worstCaseSize(blockBytes: blockWidth * blockHeight * dataType.byteCount, rowBytes: blockWidth * dataType.byteCount,
                                                         blocks: blocksAcross * blocksDown, compression: options.compression) > Int(UInt32.max)
    }

    /// The GeoKeyDirectoryTag values: GTModelTypeGeoKey, GTRasterTypeGeoKey = PixelIsArea,
    /// and ProjectedCSTypeGeoKey or GeographicTypeGeoKey; only the raster type without an
    /// EPSG code.
    private static func geoKeys(epsg: Int?, model: GeoTIFFWriter.CRSModel, fail: (String) -> GEPError) throws(GEPError) -> [UInt16] {
        guard let epsg else {
            return [1, 1, 0, 1, GeoKeyDirectory.rasterTypeKey, 0, 1, 1]
        }
        guard epsg > 0, epsg < Int(GeoKeyDirectory.userDefined) else {
            throw fail("EPSG:\(epsg) cannot be recorded in a GeoTIFF key (codes 1–32766)")
        }
        let geographic = model.isGeographic(epsg)
        return [1, 1, 0, 3,
                GeoKeyDirectory.modelTypeKey, 0, 1, geographic ? 2 : 1,
                GeoKeyDirectory.rasterTypeKey, 0, 1, 1,
                geographic ? GeoKeyDirectory.geographicTypeKey : GeoKeyDirectory.projectedTypeKey, 0, 1, UInt16(epsg)]
    }

    /// The largest file `blocks` blocks of `blockBytes` (in rows of `rowBytes`) could make:
    /// blocks at their compression's worst-case expansion, plus header and directory.
    private static func worstCaseSize(blockBytes: Int, rowBytes: Int, blocks: Int, compression: GeoTIFFWriter.Compression) -> Int {
        let perBlock = switch compression {
        case .none: blockBytes
        case .lzw: (blockBytes + blockBytes / 3836 + 4) * 3 / 2 + 8
        case .deflate: blockBytes + blockBytes / 1000 + 64
        case .packBits: PackBits.worstCaseSize(byteCount: blockBytes, rowBytes: rowBytes)
        }
        let (data, overflow) = perBlock.multipliedReportingOverflow(by: blocks)
        let directory = TIFFDirectoryBuilder.estimatedSize(entries: 24, extraBytes: 16 * blocks + 512, bigTIFF: false)
        return overflow || data > Int.max / 2 ? Int.max : data + 8 + directory
    }
}
