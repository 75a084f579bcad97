#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import GEPCore

/// Band 1 of a GeoTIFF: classic TIFF or BigTIFF, either byte order, striped or tiled,
/// uncompressed, LZW, DEFLATE or PackBits, with Predictor 1, 2 or 3 (none with PackBits),
/// holding 8/16/32-bit integers or 32/64-bit floats.
///
/// Opening a band reads and validates the header, the first directory and the block
/// index, and checks that every block lies inside the file; the pixels stay on disk until
/// `read(rows:into:)` (or `readDoubles(rows:into:)`) decodes the blocks that cover the rows
/// asked for. The file stays
/// open (read with `pread`) until the band is released, and the band holds no mutable
/// state, so any number of threads may read from it at once.
public final class GeoTIFFBand: RasterBand {
    /// The path as given, or the name passed with in-memory bytes; used in messages.
    public let name: String
    /// Size, origin, cell size and CRS.
    public let geometry: GridGeometry
    /// The cell type as stored.
    public let dataType: RasterDataType
    /// The GDAL_NODATA value, or `nil`.
    public let nodata: Double?
    /// Tile height, or rows per strip: read in multiples of it, aligned to it.
    public let blockHeight: Int
    /// Container, layout, encoding and georeferencing facts, for `gep raster info`.
    public let description: TIFFDescription
    /// Decodes the blocks.
    let decoder: TIFFBlockDecoder
    /// The descriptor to close on release, for bands read from a file.
    private let descriptor: Int32?

    /// Whether the file has a pixel-to-model transform; without one the origin is (0, 0)
    /// and cells are 1 × 1.
    public var hasGeoreference: Bool { description.hasGeoreference }

    /// Number of block rows (rows of tiles, or strips).
    public var blockRowCount: Int { decoder.layout.blocksDown }

    /// Opens band 1 of the GeoTIFF at `path` (relative paths resolve against the current
    /// directory).
    ///
    /// - Throws: `.missingInput` (exit 66) when the file cannot be opened or is not a regular
    ///   file (a directory, FIFO or device); `.invalidData`
    ///   (exit 65) naming the file and the problem when it is not a TIFF this reader
    ///   supports or is corrupt; `.io` (exit 74) when a read fails.
    public convenience init(path: String) throws(GEPError) {
        try self.init(path: path, relativeTo: "")
    }

    /// Opens band 1 of the GeoTIFF at `path`, resolving a relative path against `directory`
    /// (usually the command's working directory).
    ///
    /// - Throws: As `init(path:)`.
    public convenience init(path: String, relativeTo directory: String) throws(GEPError) {
        let (descriptor, size) = try InputFile.open(path, relativeTo: directory)
        let source = TIFFByteSource.file(descriptor: descriptor, size: size)
        try self.init(reader: TIFFReader(name: path, source: source), descriptor: descriptor)
    }

    /// Reads band 1 of a GeoTIFF held in memory (for tests, fuzzing and downloaded data).
    ///
    /// - Parameters:
    ///   - bytes: The whole file.
    ///   - name: The name used in messages.
    /// - Throws: `.invalidData` as `init(path:)` does.
    public convenience init(bytes: [UInt8], name: String) throws(GEPError) {
        try self.init(reader: TIFFReader(name: name, source: .memory(bytes)), descriptor: nil)
    }

    /// Parses the file; closes `descriptor` when that fails.
    private init(reader: TIFFReader, descriptor: Int32?) throws(GEPError) {
        let directory: TIFFDirectory, layout: TIFFImageLayout, georeference: GeoReference, nodata: Double?
        do {
            directory = try TIFFDirectory(reader: reader)
            layout = try TIFFImageLayout(directory: directory)
            georeference = try GeoReference(directory: directory)
            nodata = try Self.nodata(directory: directory)
        } catch {
            if let descriptor { close(descriptor) }
            throw error
        }
        self.descriptor = descriptor
        name = reader.name
        geometry = GridGeometry(width: layout.width, height: layout.height, originX: georeference.originX, originY: georeference.originY,
                                cellWidth: georeference.cellWidth, cellHeight: georeference.cellHeight, epsg: georeference.epsg)
        dataType = layout.dataType
        self.nodata = nodata
        blockHeight = layout.blockHeight
        decoder = TIFFBlockDecoder(reader: reader, layout: layout, byteOrder: directory.byteOrder,
                                   sparseFill: nodata.flatMap { layout.dataType.bitPattern(of: $0) } ?? 0)
        description = TIFFDescription(
            isBigTIFF: directory.isBigTIFF, byteOrder: directory.byteOrder, width: layout.width, height: layout.height,
            dataType: layout.dataType, compression: TIFFCompression.name(code: layout.compressionCode),
            compressionCode: layout.compressionCode, predictor: layout.predictor, tiled: layout.isTiled,
            blockWidth: layout.blockWidth, blockHeight: layout.blockHeight, blockCount: layout.blockCount, nodata: nodata,
            geometry: geometry, hasGeoreference: georeference.hasTransform, epsg: georeference.epsg, fileSize: reader.source.size)
    }

    deinit {
        if let descriptor { close(descriptor) }
    }

    /// The GDAL_NODATA value, or `nil` when the tag is absent or empty.
    private static func nodata(directory: TIFFDirectory) throws(GEPError) -> Double? {
        guard let text = try directory.ascii(.gdalNoData), !text.isEmpty else { return nil }
        guard let value = GDALNoData.parse(text) else {
            throw .invalidRaster(directory.reader.name, "GDAL_NODATA (42113) '\(text.prefix(40))' is not a number")
        }
        return value
    }
}
