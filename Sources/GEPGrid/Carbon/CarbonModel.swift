import GEPCore
import GEPRaster

/// The per-cell outputs of Carbon, in `GridRows.outputs` order (only `current` without a
/// future scenario).
public enum CarbonOutput: Int, CaseIterable, Sendable {
    /// Current carbon density, Mg C/ha; InVEST `c_storage_bas.tif`.
    case current
    /// Future carbon density, Mg C/ha; InVEST `c_storage_alt.tif`.
    case future
    /// Future − current density, Mg C/ha; InVEST `c_change_bas_alt.tif`.
    case change

    /// The InVEST file stem: `c_storage_bas`, `c_storage_alt` or `c_change_bas_alt`.
    public var name: String {
        switch self {
        case .current: "c_storage_bas"
        case .future: "c_storage_alt"
        case .change: "c_change_bas_alt"
        }
    }

    /// The nodata value InVEST writes (`_CARBON_NODATA`, L354).
    public static let nodata: Float = -1
}

extension GridRows {
    /// The rows of one Carbon output.
    public subscript(_ output: CarbonOutput) -> UnsafeBufferPointer<Float> { outputs[output.rawValue] }
}

/// The result of a Carbon run: whole-grid and per-zone sums.
public struct CarbonResult: Sendable, Equatable {
    /// Every cell of the grid.
    public var grid: CarbonSums
    /// Sums by zone id (only zones that occur).
    public var zones: [Int: CarbonSums]
    /// Cells in no zone.
    public var unzoned: CarbonSums
    /// Area of one cell, m².
    public var cellArea: Double
    /// Whether a future scenario was given.
    public var hasFuture: Bool

    /// Creates a result.
    public init(grid: CarbonSums, zones: [Int: CarbonSums], unzoned: CarbonSums, cellArea: Double, hasFuture: Bool) {
        self.grid = grid
        self.zones = zones
        self.unzoned = unzoned
        self.cellArea = cellArea
        self.hasFuture = hasFuture
    }

    /// Total current storage, Mg C (InVEST "Baseline Carbon Storage").
    public var currentStorage: Double { grid.currentStorage(cellArea: cellArea) }
    /// Total future storage, Mg C (InVEST "Alternate Carbon Storage").
    public var futureStorage: Double { grid.futureStorage(cellArea: cellArea) }
    /// Total sequestration, Mg C (InVEST "Change in Carbon Storage").
    public var sequestration: Double { grid.sequestration(cellArea: cellArea) }
}

/// InVEST 3.20.2 Carbon storage and sequestration (`carbon.py`), summed per zone.
///
/// Per cell, density = c_above + c_below + c_soil + c_dead of the cell's class (Float32, Mg
/// C/ha; land-cover nodata stays nodata); sequestration density = future − current, where
/// both are valid. Totals are Σ density × cell area / 10000 (Mg C), summed in `Double`.
/// A land-cover code that is not nodata and not in the pools table is an error.
public struct CarbonModel: Sendable {
    /// The carbon pools table.
    public var pools: CarbonPoolTable

    /// Creates a model.
    public init(pools: CarbonPoolTable) {
        self.pools = pools
    }

    /// Runs the model.
    ///
    /// - Parameters:
    ///   - current: Current (baseline) land cover.
    ///   - future: Optional future (alternate) land cover; InVEST requires the same grid.
    ///   - zones: Optional zone ids.
    ///   - engine: Threads and band height.
    ///   - output: When given, receives current, future and change density rows (only
    ///     current without `future`) in row order, −1 where not valid.
    /// - Throws: `.invalidData` for misaligned layers, then for codes missing from the pools
    ///   table (per scenario, with cell counts) and invalid zone ids; read and output errors.
    public func run(current: any RasterBand, future: (any RasterBand)? = nil, zones: (any RasterBand)? = nil,
                    engine: GridEngine = GridEngine(), output: GridRowsHandler? = nil) throws(GEPError) -> CarbonResult {
        let kernel = CarbonKernel(pools: pools, currentRule: NodataRule(band: current), futureRule: future.map { NodataRule(band: $0) })
        let layers = [current] + (future.map { [$0] } ?? [])
        let run = try engine.run(kernel, layers: layers, zones: zones, output: output)
        let diagnostics = run.unmatched.map { value, cells in
            Diagnostic(file: layers[value.layer].name,
                       message: "land-cover code \(LandCoverCode.describe(value.value)) in \(cells) cell\(cells == 1 ? "" : "s") is not in the carbon pools table '\(pools.file)'")
        } + (zones.map { run.zoneDiagnostics(zoneLayer: $0.name) } ?? [])
        guard diagnostics.isEmpty else { throw .invalidData(diagnostics) }
        guard [run.grid.current, run.grid.future, run.grid.change].allSatisfy(\.isFinite) else {
            throw .invalidData([Diagnostic(file: pools.file, message: "the carbon totals are not finite numbers (current \(run.grid.current) Mg C): this table's pools are too large to sum")])
        }
        return CarbonResult(grid: run.grid, zones: run.zones, unzoned: run.unzoned, cellArea: current.geometry.cellArea,
                            hasFuture: future != nil)
    }
}
