/// Carbon sums for one zone (or the whole grid), accumulated in `Double`.
///
/// Densities are in Mg C/ha per cell, as InVEST 3.20.2's `c_storage_*` rasters hold them;
/// `storage(_:cellArea:)` converts a density sum to Mg C as InVEST's summary table does
/// (`_generate_summary_results_table` L646-698: Σ valid pixels × pixel area [m²] / 10000).
public struct CarbonSums: ZoneRecord {
    /// Cells in the zone, valid or not.
    public var cells: Int
    /// Cells whose current land cover is not nodata.
    public var currentCells: Int
    /// Σ current carbon density over those cells, Mg C/ha.
    public var current: Double
    /// Cells whose future land cover is not nodata (0 without a future scenario).
    public var futureCells: Int
    /// Σ future carbon density over those cells, Mg C/ha.
    public var future: Double
    /// Cells valid in both scenarios.
    public var changeCells: Int
    /// Σ (future − current) density over cells valid in both, Mg C/ha.
    public var change: Double

    /// The record of no cells.
    public static let zero = CarbonSums(cells: 0, currentCells: 0, current: 0, futureCells: 0, future: 0, changeCells: 0, change: 0)

    /// Creates sums from their parts.
    public init(cells: Int, currentCells: Int, current: Double, futureCells: Int, future: Double, changeCells: Int, change: Double) {
        self.cells = cells
        self.currentCells = currentCells
        self.current = current
        self.futureCells = futureCells
        self.future = future
        self.changeCells = changeCells
        self.change = change
    }

    /// Adds another record's counts and sums.
    public mutating func add(_ other: CarbonSums) {
        cells += other.cells
        currentCells += other.currentCells
        current += other.current
        futureCells += other.futureCells
        future += other.future
        changeCells += other.changeCells
        change += other.change
    }

    /// Stored carbon, current scenario, Mg C: Σ density × cell area [m²] / 10000.
    public func currentStorage(cellArea: Double) -> Double { current * cellArea / 10000 }
    /// Stored carbon, future scenario, Mg C.
    public func futureStorage(cellArea: Double) -> Double { future * cellArea / 10000 }
    /// Sequestration, Mg C: Σ (future − current) over cells valid in both scenarios × cell
    /// area / 10000. Equals future − current storage only when the nodata masks match.
    public func sequestration(cellArea: Double) -> Double { change * cellArea / 10000 }
    /// Mean current density over valid cells, Mg C/ha; `nil` if none.
    public var currentMeanDensity: Double? { currentCells > 0 ? current / Double(currentCells) : nil }
    /// Mean future density over valid cells, Mg C/ha; `nil` if none.
    public var futureMeanDensity: Double? { futureCells > 0 ? future / Double(futureCells) : nil }
}
