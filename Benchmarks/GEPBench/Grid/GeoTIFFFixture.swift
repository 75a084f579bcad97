import Foundation
import GEPGrid
import GEPRaster

/// The 1600 × 1600 synthetic water-yield inputs written once as GeoTIFFs with the project's
/// writer, in a temporary directory removed by `release()`:
///
/// - `lulc.tif`, `precip.tif`, `eto.tif`, `depth_to_root_rest_layer.tif`, `pawc.tif` and
///   `subws_id.tif`: tiled 256 × 256, LZW, predictor 1 (GDAL's default for LZW), land cover
///   and zones as Int32, the rest Float32;
/// - the grid account's other layers (`gridAccountLayers`), written the same way;
/// - `precip_deflate.tif`: the precipitation again with the writer's defaults (DEFLATE level
///   6, floating-point predictor 3);
/// - `biophysical_table.csv`, for the numpy script.
final class GeoTIFFFixture {
    /// The layers of the end-to-end case, in `WaterYieldLayers` order, then the zones.
    static let waterYieldLayers: [SyntheticLayer] = [.landCover, .precipitation, .referenceET, .soilDepth, .pawc]
    static let zoneLayer = SyntheticLayer.subwatersheds
    /// The grid account's files besides those (with `lulc.tif`, `precip.tif` and the zones):
    /// RUSLE factors, the two stock-density years, the other zone sets.
    static let gridAccountLayers: [SyntheticLayer] = [.erosivity, .erodibility, .lsFactor, .forestStockStart, .forestStockEnd,
                                                      .townships, .drainsToXinfengjiang]
    static let lzw = GeoTIFFWriter.Options(compression: .lzw, predictor: 1, layout: .tiled(width: 256, height: 256))

    let size: GridSize
    private(set) var directory: String?
    /// The latest end-to-end result, for the numpy comparison.
    var endToEnd: WaterYieldResult?

    init(size: GridSize) {
        self.size = size
    }

    /// Path of a file in the directory.
    func path(_ file: String) -> String { directory! + "/" + file }
    /// The LZW file of a layer.
    func path(_ layer: SyntheticLayer) -> String { path(layer.rawValue + ".tif") }

    /// Generates the grid and writes the files unless done.
    func prepare() throws {
        guard directory == nil else { return }
        let directory = FileManager.default.temporaryDirectory.path + "/gep-bench-\(ProcessInfo.processInfo.processIdentifier)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        self.directory = directory
        let grid = SyntheticLianping.generate(rows: size.rows, cols: size.columns, seed: SyntheticFixture.seed)
        for layer in Self.waterYieldLayers + [Self.zoneLayer] + Self.gridAccountLayers {
            try GeoTIFFWriter.write(path: path(layer), geometry: grid.geometry, dataType: layer.dataType, nodata: layer.nodata,
                                    values: grid[layer], options: Self.lzw)
        }
        try GeoTIFFWriter.write(path: path("precip_deflate.tif"), geometry: grid.geometry, dataType: .float32,
                                nodata: SyntheticLayer.precipitation.nodata, values: grid[.precipitation])
        try LianpingTables.biophysicalCSV.write(toFile: path("biophysical_table.csv"), atomically: true, encoding: .utf8)
    }

    /// Removes the directory.
    func release() {
        if let directory { try? FileManager.default.removeItem(atPath: directory) }
        directory = nil
        endToEnd = nil
    }
}
