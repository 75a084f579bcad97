/// Annual Water Yield sums for one zone (or the whole grid), accumulated in `Double`.
///
/// Each mean follows InVEST 3.20.2's zonal statistics (`annual_water_yield.py` L1086-1103,
/// L1405-1408): the sum over the zone's cells where *that* raster is valid, divided by their
/// count. So `precipitationMean` counts cells where only precipitation is valid (including
/// P = 0), `petMean` cells where land cover and ET0 are valid, and `aetMean`, `wyieldMean` and
/// `fractpMean` only fully valid cells.
public struct WaterYieldSums: ZoneRecord {
    /// Cells in the zone, valid or not.
    public var cells: Int
    /// Cells where precipitation is not nodata (P = 0 included).
    public var precipitationCells: Int
    /// Σ P over those cells, mm.
    public var precipitation: Double
    /// Cells where PET = Kc·ET0 exists: land cover in the table and ET0 not nodata.
    public var petCells: Int
    /// Σ PET over those cells, mm.
    public var pet: Double
    /// Fully valid cells (see `WaterYieldModel`).
    public var validCells: Int
    /// Σ AET over valid cells, mm.
    public var aet: Double
    /// Σ water yield over valid cells, mm.
    public var wyield: Double
    /// Σ fractp (AET/P) over valid cells.
    public var fractp: Double

    /// The record of no cells.
    public static let zero = WaterYieldSums(cells: 0, precipitationCells: 0, precipitation: 0, petCells: 0, pet: 0,
                                            validCells: 0, aet: 0, wyield: 0, fractp: 0)

    /// Creates sums from their parts.
    public init(cells: Int, precipitationCells: Int, precipitation: Double, petCells: Int, pet: Double,
                validCells: Int, aet: Double, wyield: Double, fractp: Double) {
        self.cells = cells
        self.precipitationCells = precipitationCells
        self.precipitation = precipitation
        self.petCells = petCells
        self.pet = pet
        self.validCells = validCells
        self.aet = aet
        self.wyield = wyield
        self.fractp = fractp
    }

    /// Adds another record's counts and sums.
    public mutating func add(_ other: WaterYieldSums) {
        cells += other.cells
        precipitationCells += other.precipitationCells
        precipitation += other.precipitation
        petCells += other.petCells
        pet += other.pet
        validCells += other.validCells
        aet += other.aet
        wyield += other.wyield
        fractp += other.fractp
    }

    /// InVEST `precip_mn`: mean precipitation over cells where it is not nodata, mm; `nil` if none.
    public var precipitationMean: Double? { mean(precipitation, precipitationCells) }
    /// InVEST `PET_mn`: mean Kc·ET0 over cells where it exists, mm; `nil` if none.
    public var petMean: Double? { mean(pet, petCells) }
    /// InVEST `AET_mn`: mean actual evapotranspiration over valid cells, mm; `nil` if none.
    public var aetMean: Double? { mean(aet, validCells) }
    /// InVEST `wyield_mn`: mean water yield over valid cells, mm; `nil` if none.
    public var wyieldMean: Double? { mean(wyield, validCells) }
    /// Mean fractp (AET/P) over valid cells; `nil` if none.
    public var fractpMean: Double? { mean(fractp, validCells) }

    /// Water yield volume as a cell sum: Σ over valid cells of wyield [mm] × 1e-3 [m/mm] ×
    /// cell area [m²], in m³. Cells that are not valid contribute nothing.
    public func wyieldVolume(cellArea: Double) -> Double {
        wyield * cellArea / 1000
    }

    /// Water yield volume by InVEST's convention (`compute_water_yield_volume`, L1322-1364):
    /// `wyield_mn` [mm] × zone area [m²] / 1000, with the zone area taken as all of the zone's
    /// cells. For a zone raster rasterised from polygons by pixel centre this equals InVEST's
    /// `wyield_mn × polygon.Area() / 1000` when the polygon's area equals its cells' area; in
    /// effect invalid cells count at the zone's mean. `nil` when no cell is valid.
    public func investVolume(cellArea: Double) -> Double? {
        wyieldMean.map { $0 * Double(cells) * cellArea / 1000 }
    }

    private func mean(_ sum: Double, _ count: Int) -> Double? {
        count > 0 ? sum / Double(count) : nil
    }
}
