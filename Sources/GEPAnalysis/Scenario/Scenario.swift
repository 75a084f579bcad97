import GEPCore

/// A valuation scenario: a baseline county input and the changes to apply to it.
///
/// File format (JSON; paths relative to the scenario file):
/// ```json
/// { "id": "dry_year", "name_zh": "枯水年", "name_en": "A dry year",
///   "baseline": "../lianping-2023.json",
///   "land_cover": [ {"from": "dry_farmland", "to": "evergreen_broadleaf_forest", "area": {"value": 1500, "unit": "ha"}} ],
///   "adjust": [ {"path": "climate.precipitation", "multiply": 0.9},
///               {"path": "services.recreation_tourism.visits", "add": {"value": 500000, "unit": "visit"}} ],
///   "coefficients": {"price.carbon": {"multiply": 3}, "price.oxygen": 1000},
///   "services": {"oxygen_release": {"enabled": false}, "water_conservation": {"method": "water_yield"}},
///   "accounting_year": 2028, "price_basis": "constant:2023" }
/// ```
/// Every part is optional; a scenario with no changes reproduces the baseline account bit for bit.
public struct Scenario: Sendable {
    /// A land-cover conversion: `area` moves from one ecosystem type to another. A forest type
    /// that gains or loses area keeps its per-hectare timber increment (its `annual_increment`
    /// scales with its area); its standing volume is left as it is (new stands hold little timber).
    public struct Conversion: Sendable {
        /// The type that loses the area.
        public var from: EcosystemType
        /// The type that gains it.
        public var to: EcosystemType
        /// Area moved, ha.
        public var area: Double
    }

    /// A change to one quantity of the input: multiply its value, add to it, or set it.
    public struct Adjustment: Sendable {
        /// What the adjustment does to the quantity.
        public enum Operation: Sendable {
            /// Multiply by a factor.
            case multiply(Double)
            /// Add a quantity (converted to the unit the input wrote).
            case add(Double, PhysicalUnit)
            /// Replace with a quantity (value, unit, source).
            case set(Double, PhysicalUnit, String?)
        }
        /// Dotted path to a quantity object, e.g. `climate.precipitation` or `services.agricultural_products.products[1].quantity`.
        public var path: String
        /// The change.
        public var operation: Operation
    }

    /// A coefficient change: a new value in the coefficient's own unit, or a factor.
    public enum CoefficientChange: Sendable {
        /// A new value, in the coefficient's own unit.
        case set(Double)
        /// A factor on the value in force.
        case multiply(Double)
    }

    /// A land-cover rule for grid scenarios: cells whose code is in `from` and whose value in
    /// `raster` is above `above` become `to` (e.g. cropland on slopes above 25° becomes forest).
    public struct LandCoverRule: Sendable {
        /// Land-cover codes that may change.
        public var from: Set<Int>
        /// The code they become.
        public var to: Int
        /// The condition raster, resolved against the scenario file's directory.
        public var raster: String
        /// Threshold in the raster's unit: cells strictly above it change.
        public var above: Double
    }

    /// For grid scenarios: the grid input (resolved path), and either a replacement land-cover
    /// raster or a rule; `nil` for county scenarios.
    public var gridBaselinePath: String?
    /// A land-cover raster replacing the grid input's (resolved path).
    public var landCoverRaster: String?
    /// A land-cover rule applied to the grid input's land cover.
    public var landCoverRule: LandCoverRule?

    /// Scenario id.
    public var id: String
    /// Chinese name.
    public var nameZH: String
    /// English name.
    public var nameEN: String
    /// The scenario file, as the user named it.
    public var file: String
    /// The baseline county input path, resolved against the scenario file's directory.
    public var baselinePath: String
    /// The baseline path as written in the scenario file (used in messages and output).
    public var baselineName: String
    /// Land-cover conversions, applied in order.
    public var conversions: [Conversion]
    /// Quantity adjustments, applied in order after the conversions.
    public var adjustments: [Adjustment]
    /// Coefficient changes by id.
    public var coefficients: [(id: String, change: CoefficientChange)]
    /// Replacement keys for service sections (`enabled`, `method`, `products`, …), by service.
    public var services: [ServiceID: JSON]
    /// Accounting year, when the scenario changes it.
    public var year: Int?
    /// Price basis, when the scenario changes it.
    public var priceBasis: PriceBasis?

    /// True when the scenario changes nothing.
    public var isEmpty: Bool {
        conversions.isEmpty && adjustments.isEmpty && coefficients.isEmpty && services.isEmpty && year == nil && priceBasis == nil
    }
}
