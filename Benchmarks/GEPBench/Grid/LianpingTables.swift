import GEPGrid

/// The InVEST tables of the Lianping-like benchmark grids, built in code with the values of
/// the reference run's inputs (`/work/shared/reference/invest-3.20-small/inputs/`), lucodes
/// 1–10 as `SyntheticLianping` draws them.
enum LianpingTables {
    /// Seasonality constant Z of the reference run.
    static let seasonalityConstant = 10.0

    /// lucode, lulc_veg, root_depth (mm), kc.
    static let biophysicalRows: [(lucode: Int, vegetated: Bool, rootDepth: Double, kc: Double)] = [
        (1, true, 3500, 1.00), (2, true, 3000, 0.95), (3, true, 3200, 1.00), (4, true, 1500, 0.95), (5, true, 2000, 0.85),
        (6, true, 800, 0.75), (7, true, 600, 0.80), (8, true, 1800, 0.85), (9, false, 1, 1.05), (10, false, 1, 0.30),
    ]

    /// lucode, c_above, c_below, c_soil, c_dead (Mg C/ha).
    static let carbonRows: [(lucode: Int, above: Double, below: Double, soil: Double, dead: Double)] = [
        (1, 60, 14, 110, 5), (2, 40, 9, 90, 4), (3, 50, 11, 100, 4.5), (4, 35, 12, 95, 3), (5, 12, 6, 75, 1.5),
        (6, 3, 4, 60, 0.5), (7, 4, 1, 55, 0), (8, 20, 5, 65, 1), (9, 0, 0, 0, 0), (10, 2, 0.5, 30, 0),
    ]

    /// The water-yield model with these values and Z = 10.
    static func waterYieldModel() throws -> WaterYieldModel {
        let entries = biophysicalRows.map {
            BiophysicalTable.Entry(lucode: $0.lucode, isVegetated: $0.vegetated, rootDepth: $0.rootDepth, kc: $0.kc)
        }
        return try WaterYieldModel(table: BiophysicalTable(entries: entries, file: "biophysical_table.csv (benchmark)"),
                                   seasonalityConstant: seasonalityConstant)
    }

    /// The carbon model with these pools.
    static func carbonModel() throws -> CarbonModel {
        let entries = carbonRows.map { CarbonPoolTable.Entry(lucode: $0.lucode, above: $0.above, below: $0.below, soil: $0.soil, dead: $0.dead) }
        return CarbonModel(pools: try CarbonPoolTable(entries: entries, file: "carbon_pools.csv (benchmark)"))
    }

    /// The biophysical table as CSV, for the numpy script.
    static var biophysicalCSV: String {
        "lucode,lulc_veg,root_depth,kc\n" + biophysicalRows.map { "\($0.lucode),\($0.vegetated ? 1 : 0),\($0.rootDepth),\($0.kc)\n" }.joined()
    }
}
