import GEPCore

/// One named figure of a quote's formula, with its unit and source.
public struct QuotePart: Sendable, Hashable {
    /// Short id used in the formula, e.g. `Q`, `P_w`, `P`, `V_water_conservation`.
    public var symbol: String
    /// What it is.
    public var label: String
    /// The value, in `unit`.
    public var value: Double
    /// Unit symbol (`CNY`, `m3`, `1` …).
    public var unit: String
    /// Citation, coefficient id, or how it was computed.
    public var source: String
}

/// A coefficient a quote depends on, as in force for the run.
public struct QuoteCoefficient: Sendable, Hashable {
    /// Coefficient id.
    public var id: String
    /// Value in its own unit and base year.
    public var value: Double
    /// Unit symbol.
    public var unit: String
    /// Base year of the value.
    public var baseYear: Int
    /// Citation.
    public var source: String
    /// The layer that set it.
    public var origin: String
    /// Low end of the range, if any.
    public var low: Double?
    /// High end of the range, if any.
    public var high: Double?
}

/// One payer's rounded amount.
public struct PayerAmount: Sendable, Hashable {
    /// Payer id.
    public var id: String
    /// Display name.
    public var name: String
    /// Share (dimensionless).
    public var share: Double
    /// Source of the share.
    public var shareSource: String
    /// Unrounded amount = amount × share, CNY.
    public var exact: Double
    /// Rounded amount, CNY (the payers' rounded amounts sum exactly to the rounded total).
    public var rounded: Double
}

/// Where the amount sits against its bounds [opportunity cost, ecosystem-service value].
public enum BoundCheck: String, Sendable {
    /// lower ≤ amount ≤ upper.
    case within
    /// amount < lower (opportunity cost not covered).
    case below_lower
    /// amount > upper (more than the ecosystem-service value).
    case above_upper
}

/// A computed ecological-compensation quote: the amount, its formula and parts, bounds,
/// low–high band, payer split after rounding, and a SHA-256 of every input.
public struct CompensationQuote: Sendable {
    /// The quote's id.
    public var id: String
    /// Scheme name.
    public var scheme: String
    /// The formula, written out.
    public var formula: String
    /// Payment direction (quantity–quality scheme), e.g. `downstream pays upstream (P ≤ 1)`.
    public var direction: String?
    /// The figures entering the formula.
    public var parts: [QuotePart]
    /// The unrounded amount, CNY.
    public var amount: Double
    /// The rounded total, CNY.
    public var roundedTotal: Double
    /// The rounding applied.
    public var rounding: QuoteRounding
    /// Payers with exact and rounded amounts.
    public var payers: [PayerAmount]
    /// Lower bound: Σ area × forgone net income, CNY.
    public var lowerBound: Double
    /// Opportunity-cost lines behind the lower bound.
    public var lowerBoundParts: [QuotePart]
    /// Upper bound, CNY.
    public var upperBound: Double
    /// What the upper bound is.
    public var upperBoundBasis: UpperBoundBasis
    /// The upper bound's formula.
    public var upperBoundFormula: String
    /// Where the amount sits against the bounds.
    public var boundCheck: BoundCheck
    /// The amount with every coefficient at its low end, and at its high end (min, max of the two), CNY; `nil` if a run failed.
    public var band: (low: Double, high: Double)?
    /// How the band is computed.
    public var bandMethod: String
    /// The account's price basis.
    public var priceBasis: PriceBasis
    /// The account's price year.
    public var priceYear: Int
    /// Coefficient layers, root first.
    public var coefficientLayers: [String]
    /// Coefficients the amount and bounds depend on.
    public var coefficients: [QuoteCoefficient]
    /// Files hashed, in hash order.
    public var inputFiles: [String]
    /// SHA-256 (hex) of the inputs; see ``QuoteEngine/inputsHash(parts:)``.
    public var inputsSHA256: String
}
