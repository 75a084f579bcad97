import GEPCore
import GEPRaster

/// A deterministic synthetic landscape shaped like Lianping county (连平县, Heyuan,
/// Guangdong), for tests and benchmarks.
///
/// The county is a ragged blob filling most of the grid; every layer is nodata outside it.
/// Inside: relief rising to the north with valley lines, land cover in coherent patches with
/// Lianping's shares (forest 170,300 of 227,508 ha ≈ 74.9 %: `landCoverShares`), water along
/// low valley lines, built-up land around the county seat and township seats, paddy on low
/// valley floors; precipitation rising from about 1,900 mm in the north to 2,100 mm in the
/// south; ET0 about 1,100–1,200 mm; soil depth 500–2,000 mm; PAWC 0.08–0.2; a DEM with RUSLE
/// LS, R and K; 2 watersheds split into 8 sub-watersheds; 13 townships; a zone marking the
/// ≈ 85 % of the county that drains to the Xinfengjiang reservoir; and forest growing-stock
/// density at the start and end of the accounting year (`forest_stock_2022`,
/// `forest_stock_2023`, m³/ha, 0 off forest), whose class means are the sample county input's
/// standing volume per hectare and whose growth is about its 4.5 % annual increment
/// (`SyntheticForestStock`).
///
/// Everything comes from the seed through `SplitMix64` and plain IEEE-754 arithmetic (no libm
/// functions; `sqrt` is correctly rounded), and continuous layers are rounded to fixed
/// decimals, so the same seed gives bit-identical grids on Linux and macOS. Rows are
/// generated in parallel.
public enum SyntheticLianping {
    /// WGS 84 / UTM zone 50N.
    public static let epsg = 32650
    /// Cell size, m.
    public static let cellSize = 30.0
    /// X of the grid's top-left corner, m (UTM 50N; Lianping lies near 114.5° E, 24.4° N).
    public static let originX = 240_000.0
    /// Y of the grid's top-left corner, m.
    public static let originY = 2_720_000.0
    /// Target share of the county's cells per lucode: 1 evergreen broadleaf, 2 coniferous,
    /// 3 mixed forest, 4 bamboo, 5 shrub, 6 grassland, 7 paddy and dry farmland, 8 orchard,
    /// 9 water, 10 built-up.
    public static let landCoverShares: [Int: Double] = [
        1: 0.229, 2: 0.273, 3: 0.198, 4: 0.050, 5: 0.040, 6: 0.065, 7: 0.060, 8: 0.026, 9: 0.015, 10: 0.042,
    ]
    /// Number of townships.
    public static let townshipCount = 13
    /// Watersheds, each split into `subwatershedsPerWatershed` sub-watersheds.
    public static let watershedCount = 2
    /// Sub-watersheds per watershed.
    public static let subwatershedsPerWatershed = 4
    /// Target share of the county draining to the Xinfengjiang reservoir.
    public static let xinfengjiangShare = 0.85

    /// Generates a grid.
    ///
    /// - Parameters:
    ///   - rows: Rows (north to south), at least 1.
    ///   - cols: Columns (west to east), at least 1.
    ///   - seed: The seed; equal seeds and sizes give identical grids.
    /// - Returns: The layers in memory (15 × rows × cols Floats).
    /// - Complexity: O(rows × cols); about two seconds for 4096 × 4096 on two cores.
    public static func generate(rows: Int, cols: Int, seed: UInt64) -> SyntheticGrid {
        precondition(rows >= 1 && cols >= 1, "SyntheticLianping.generate needs at least one row and column")
        var random = SplitMix64(seed: seed)
        let terrain = SyntheticTerrain(rows: rows, columns: cols, random: &random)
        let zones = SyntheticZones(terrain: terrain, random: &random)
        let landCover = SyntheticLandCover.allocate(terrain: terrain, seats: zones.townshipSeats)
        var layers = SyntheticSurfaces.generate(terrain: terrain, random: &random)
        layers[.landCover] = landCover
        layers[.watersheds] = zones.watersheds
        layers[.subwatersheds] = zones.subwatersheds
        layers[.townships] = zones.townships
        layers[.drainsToXinfengjiang] = zones.drainsToXinfengjiang
        // The forest stock draws from a stream of its own, after and apart from `random`, so the
        // layers above do not depend on it.
        let stock = SyntheticForestStock.generate(terrain: terrain, landCover: landCover, seats: zones.townshipSeats, seed: seed)
        layers[.forestStockStart] = stock.start
        layers[.forestStockEnd] = stock.end
        let geometry = GridGeometry(width: cols, height: rows, originX: originX, originY: originY,
                                    cellWidth: cellSize, cellHeight: cellSize, epsg: epsg)
        return SyntheticGrid(geometry: geometry, seed: seed, layers: layers)
    }
}

/// Rounds to `decimals` places in `Double` (deterministic), returning a `Float`.
func roundedValue(_ value: Float, decimals: Int) -> Float {
    var scale = 1.0
    for _ in 0..<decimals { scale *= 10 }
    return Float((Double(value) * scale).rounded() / scale)
}

/// `value` limited to 0…1.
func unitClamp(_ value: Float) -> Float {
    min(1, max(0, value))
}
