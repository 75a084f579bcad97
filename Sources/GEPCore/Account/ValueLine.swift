/// One priced physical quantity: the atom of valuation.
///
/// Every money value in an account is `quantity × price × Π factors`, where the price and
/// the dimensionless factors are coefficients named by id. Keeping quantities and prices
/// apart makes GEP linear in each price: a price change, a price-effect decomposition or a
/// price-only sensitivity run revalues the lines without recomputing any physics.
public struct ValueLine: Sendable, Hashable {
    /// The service the line belongs to.
    public var service: ServiceID
    /// A short id for what is priced, unique within the service: `sediment`, `rice`, `vegetation`.
    public var component: String
    /// Chinese label of the component.
    public var labelZH: String
    /// English label of the component.
    public var labelEN: String
    /// The ecosystem type the quantity is attributed to; `nil` when it is county-wide.
    public var ecosystem: EcosystemType?
    /// The physical quantity, in `unit`.
    public var quantity: Double
    /// Unit of `quantity`.
    public var unit: PhysicalUnit
    /// The id of the unit-price coefficient.
    public var priceID: String
    /// Ids of dimensionless coefficients the value is also multiplied by (for example a value-added ratio).
    public var factorIDs: [String]
    /// The per-cell quantity the line is proportional to (`nil`: a county total, such as a
    /// product's output or a pollutant load, which a grid allocates by the area of `ecosystem`).
    public var driver: CellDriver?

    /// Creates a line.
    public init(service: ServiceID, component: String, labelZH: String, labelEN: String, ecosystem: EcosystemType?,
                quantity: Double, unit: PhysicalUnit, priceID: String, factorIDs: [String] = [], driver: CellDriver? = nil) {
        self.service = service
        self.component = component
        self.labelZH = labelZH
        self.labelEN = labelEN
        self.ecosystem = ecosystem
        self.quantity = quantity
        self.unit = unit
        self.priceID = priceID
        self.factorIDs = factorIDs
        self.driver = driver
    }

    /// The unit the price must be in: money per unit of quantity (`CNY/(unit)`).
    public var priceUnit: PhysicalUnit { .known("CNY") / unit }
}
