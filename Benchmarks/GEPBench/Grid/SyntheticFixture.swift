import GEPGrid
import GEPRaster

/// The in-memory inputs of one grid size: a `SyntheticLianping` grid (seed 2023), its bands,
/// a derived future land cover, and the last results of each case for the agreement checks.
/// Made on first use and freed by `release()`.
final class SyntheticFixture {
    static let seed: UInt64 = 2023

    let size: GridSize
    private(set) var grid: SyntheticGrid?
    private(set) var waterYieldLayers: WaterYieldLayers?
    private(set) var subwatersheds: InMemoryBand?
    private(set) var currentLandCover: InMemoryBand?
    private(set) var futureLandCover: InMemoryBand?

    /// Latest results, for the engine-versus-reference checks.
    var waterYield: WaterYieldResult?
    var waterYieldReference: WaterYieldResult?
    var carbon: CarbonResult?
    var carbonReference: ScalarCarbonReference.Output?

    init(size: GridSize) {
        self.size = size
    }

    /// Generates the grid and its bands unless present.
    func prepare() {
        guard grid == nil else { return }
        let grid = SyntheticLianping.generate(rows: size.rows, cols: size.columns, seed: Self.seed)
        self.grid = grid
        waterYieldLayers = grid.waterYieldLayers
        subwatersheds = grid.band(.subwatersheds)
        currentLandCover = grid.band(.landCover)
        futureLandCover = InMemoryBand(name: "lulc_future", geometry: grid.geometry, dataType: .int32,
                                       nodata: SyntheticLayer.landCover.nodata, values: FutureLandCover.derive(from: grid[.landCover]))
    }

    /// The band of a synthetic layer.
    func band(_ layer: SyntheticLayer) -> InMemoryBand {
        grid!.band(layer)
    }

    /// Frees the grid and the results.
    func release() {
        grid = nil
        waterYieldLayers = nil
        subwatersheds = nil
        currentLandCover = nil
        futureLandCover = nil
        waterYield = nil
        waterYieldReference = nil
        carbon = nil
        carbonReference = nil
    }
}
