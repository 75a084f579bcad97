import GEPCore

/// The result of an Annual Water Yield run: whole-grid and per-zone sums.
public struct WaterYieldResult: Sendable, Equatable {
    /// Every cell of the grid.
    public var grid: WaterYieldSums
    /// Sums by zone id (only zones that occur).
    public var zones: [Int: WaterYieldSums]
    /// Cells in no zone (zone 0 or nodata, or no zone layer).
    public var unzoned: WaterYieldSums
    /// Area of one cell, m² (from the grid geometry; the CRS is assumed to be in metres, as
    /// InVEST assumes).
    public var cellArea: Double

    /// Creates a result.
    public init(grid: WaterYieldSums, zones: [Int: WaterYieldSums], unzoned: WaterYieldSums, cellArea: Double) {
        self.grid = grid
        self.zones = zones
        self.unzoned = unzoned
        self.cellArea = cellArea
    }

    /// The zone ids in ascending order.
    public var zoneIDs: [Int] { zones.keys.sorted() }

    /// A CSV table (RFC 4180) with one row per zone and a last row `total` for the grid:
    /// `zone, cells, valid_cells, precip_mn, pet_mn, aet_mn, wyield_mn, wyield_vol_m3,
    /// wyield_vol_invest_m3`. Means in mm, volumes in m³; empty fields where a mean has no cells.
    public func csv() -> String {
        var text = CSVWriter.record(["zone", "cells", "valid_cells", "precip_mn", "pet_mn", "aet_mn", "wyield_mn",
                                     "wyield_vol_m3", "wyield_vol_invest_m3"])
        func row(_ name: String, _ sums: WaterYieldSums) {
            let optional: (Double?) -> String = { $0.map { "\($0)" } ?? "" }
            text += CSVWriter.record([
                name, "\(sums.cells)", "\(sums.validCells)", optional(sums.precipitationMean), optional(sums.petMean),
                optional(sums.aetMean), optional(sums.wyieldMean), "\(sums.wyieldVolume(cellArea: cellArea))",
                optional(sums.investVolume(cellArea: cellArea)),
            ])
        }
        for id in zoneIDs { row("\(id)", zones[id]!) }
        row("total", grid)
        return text
    }
}
