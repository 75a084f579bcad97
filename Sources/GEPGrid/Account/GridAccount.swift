import GEPCore
import GEPServices

/// A grid account: the county-style account of the whole grid (services by ecosystem type,
/// priced with the coefficient sets) plus the same services by zone and by land-cover class.
///
/// The grid total equals the sum of any zone set's zones (cells outside every zone form
/// zone 0), because both are sums of the same per-cell quantities priced at the same unit values.
public struct GridAccount: Sendable {
    /// One row of a breakdown: a zone or a class.
    public struct Row: Sendable {
        /// Zone id, or lucode for class rows.
        public var id: Int
        /// Ecosystem type, for class rows.
        public var ecosystem: EcosystemType?
        /// Cells counted.
        public var cells: Double
        /// Water yield P − ET, m³ (the water the zone or class sends downstream).
        public var waterYield: Double
        /// Physical quantity per service (service unit), in `GridAccount.services` order.
        public var physical: [Double]
        /// Value per service, CNY, in `GridAccount.services` order.
        public var values: [Double]
        /// The zone's name, where its polygon file names it (nil for classes and raster zones).
        public var name: String?
        /// Sum of `values`.
        public var total: Double { values.reduce(0, +) }

        /// Creates a row.
        public init(id: Int, ecosystem: EcosystemType?, cells: Double, waterYield: Double, physical: [Double], values: [Double], name: String? = nil) {
            self.id = id
            self.ecosystem = ecosystem
            self.cells = cells
            self.waterYield = waterYield
            self.physical = physical
            self.values = values
            self.name = name
        }
    }

    /// The whole grid as an account (services in catalogue order; the non-grid ones not accounted).
    public var account: Account
    /// The services accounted, in catalogue order.
    public var services: [ServiceID]
    /// Breakdown by zone set name, each sorted by zone id (0 = outside every zone).
    public var zones: [(name: String, rows: [Row])]
    /// Breakdown by land-cover class, sorted by lucode.
    public var classes: [Row]
    /// Grid cell count, area of one cell (m²) and cells skipped.
    public var cellCount: Int
    /// Area of one cell, m².
    public var cellArea: Double
    /// Valid land-cover codes missing from the classes table, with their cell counts.
    public var unmappedCodes: [Int32: Int]
    /// Cells with a valid class but a required input at nodata.
    public var nodataCells: Int
    /// Water yield of the whole grid, m³ (P − ET over cells with valid water inputs).
    public var waterYield: Double
    /// The county account of the grid's county input, for reconciliation (nil without one).
    public var county: Account?

    /// The value of a map cell without a mapped land-cover class (−3.4028235e38).
    public static var mapNodata: Float { GridAccountAssembly.mapNodata }
}
