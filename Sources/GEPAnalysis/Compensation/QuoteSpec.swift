import GEPCore

/// A parsed compensation quote file: which county input(s) it reads, the scheme and its
/// inputs, the opportunity-cost lines, the payers and the rounding. Every number in it is a
/// `{"value", "unit", "source"}` quantity (the quote is the user's own cited input).
public struct QuoteSpec: Sendable {
    /// The quote's id.
    public var id: String
    /// The county input, relative to the quote file (empty for a grid quote).
    public var countyInput: String
    /// For a grid quote: the grid input, relative to the quote file; the account is the grid's.
    public var gridInput: String?
    /// For a grid quote: the zone draining downstream; its share of the grid's valid cells is
    /// the draining share s.
    public var drainingZone: DrainingZone?
    /// The price basis of the county account (`nil`: the input's own).
    public var priceBasis: PriceBasis?
    /// The scheme and its inputs.
    public var scheme: CompensationScheme
    /// Opportunity-cost lines (protected area × forgone net income), the lower bound.
    public var opportunityCost: [OpportunityCostLine]
    /// What the upper bound is.
    public var upperBound: UpperBoundBasis
    /// The payers and their shares (Σ = 1).
    public var payers: [Payer]
    /// Rounding of the total.
    public var rounding: QuoteRounding
}

/// A zone of a grid input's zone set.
public struct DrainingZone: Sendable {
    /// The zone set (a key of the grid input's `zones`).
    public var zoneSet: String
    /// The zone id.
    public var zone: Int
}

/// The three compensation schemes.
public enum CompensationScheme: Sendable {
    /// Water delivered × water price × quality factor × payment capacity.
    case waterQuantityQuality(WaterQuantityQualityInputs)
    /// Σ downstream-benefiting service values × draining share.
    case gepSpillover(services: [String])
    /// rate × max(0, ΔGEP) at constant prices of `priceYear`, against `previousInput`.
    case gepIncrement(previousInput: String, priceYear: Int, rate: SourcedQuantity)

    /// The scheme names accepted in `"scheme"`.
    public static let names = ["water_quantity_quality", "gep_spillover", "gep_increment"]

    /// The scheme's name.
    public var name: String {
        switch self {
        case .waterQuantityQuality: "water_quantity_quality"
        case .gepSpillover: "gep_spillover"
        case .gepIncrement: "gep_increment"
        }
    }
}

/// The default services of the spill-over scheme: water conservation, water purification and
/// the sediment line of soil retention (`service` or `service.component`).
public let defaultSpilloverServices = ["water_conservation", "water_purification", "soil_retention.sediment"]

/// The water price of the quantity–quality scheme: a coefficient id, or the quote's own quantity (CNY/m³).
public enum WaterPrice: Sendable {
    /// A coefficient from the effective set, indexed to the account's price year.
    case coefficient(String)
    /// A quantity given in the quote, CNY/m³.
    case quantity(SourcedQuantity)
}

/// One monitored pollutant of the Xin'an-style index: concentration Cᵢ, standard Cᵢ₀ (mg/L) and weight wᵢ.
public struct PollutantReading: Sendable {
    /// Pollutant id, e.g. `CODMn`.
    public var id: String
    /// Cᵢ, mg/L.
    public var concentration: SourcedQuantity
    /// Cᵢ₀ (> 0), mg/L.
    public var standard: SourcedQuantity
    /// wᵢ, dimensionless.
    public var weight: SourcedQuantity
}

/// The payment-capacity coefficient: payer GDP per capita / payee GDP per capita, or a given coefficient.
public enum PaymentCapacity: Sendable {
    /// Ratio payer / payee GDP per capita (CNY/person each).
    case gdpRatio(payer: SourcedQuantity, payee: SourcedQuantity)
    /// A given development-stage or capacity coefficient (dimensionless).
    case given(SourcedQuantity)
}

/// Where a grid quote takes its water: the water yield of one zone of a grid account (for
/// example the zone of the county draining to the reservoir), instead of the county account.
public struct GridWaterSource: Sendable {
    /// The grid input, relative to the quote file.
    public var grid: String
    /// The zone set (a key of the grid input's `zones`).
    public var zoneSet: String
    /// The zone id.
    public var zone: Int
}

/// The inputs of `water_quantity_quality`.
public struct WaterQuantityQualityInputs: Sendable {
    /// When set, Q is this grid zone's water yield (filled in as `gridWater` by the caller).
    public var gridSource: GridWaterSource?
    /// The grid zone's water yield, m³, with its source; set by the caller that ran the grid.
    public var gridWater: SourcedQuantity?
    /// The water price.
    public var price: WaterPrice
    /// K₀, the stability coefficient of the index.
    public var k0: SourcedQuantity
    /// The monitored pollutants.
    public var pollutants: [PollutantReading]
    /// The payment-capacity coefficient.
    public var capacity: PaymentCapacity
}

/// One opportunity-cost line: protected area (ha) × forgone net income (CNY/ha·a).
public struct OpportunityCostLine: Sendable {
    /// What the land is, e.g. `provincial public-welfare forest`.
    public var label: String
    /// Area, ha.
    public var area: SourcedQuantity
    /// Forgone net income, CNY/ha (per year).
    public var income: SourcedQuantity
}

/// What the upper bound of a quote is.
public enum UpperBoundBasis: String, Sendable, CaseIterable {
    /// The spill-over base: Σ downstream-benefiting service values × draining share.
    case spillover
    /// The account's regulating-services value × draining share.
    case regulating
}

/// One payer and its share of the amount.
public struct Payer: Sendable {
    /// Payer id.
    public var id: String
    /// Display name.
    public var name: String
    /// Share of the amount, dimensionless (all payers' shares sum to 1).
    public var share: SourcedQuantity
}
