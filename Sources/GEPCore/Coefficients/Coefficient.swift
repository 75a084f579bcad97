/// One sourced number: a price, a rate, a physical constant or a model parameter.
///
/// Every number the engine takes from outside the user's own data lives in a coefficient
/// file under `coefficients/` with its unit, the year its value refers to, its citation and,
/// where the literature gives one, a low–high range (used for uncertainty analysis).
public struct Coefficient: Sendable, Hashable {
    /// Stable dotted id, for example `price.carbon` or `runoff_coefficient.coniferous_forest`.
    public var id: String
    /// The value, in `unit`.
    public var value: Double
    /// The unit `value`, `low` and `high` are expressed in.
    public var unit: PhysicalUnit
    /// The year the value refers to. For a price, the year of its price level.
    public var baseYear: Int
    /// Citation: publication, table and page, or "assumption: …" with the reasoning.
    public var source: String
    /// Lower end of the plausible range, when known.
    public var low: Double?
    /// Upper end of the plausible range, when known.
    public var high: Double?
    /// The values the coefficient can take at all (a share in [0, 1]), when bounded; a later
    /// layer that does not state one keeps the earlier layer's.
    public var domain: CoefficientDomain?
    /// Optional English name.
    public var nameEN: String?
    /// Optional Chinese name.
    public var nameZH: String?
    /// Remarks: caveats, derivations, verification status.
    public var note: String?
    /// Where the value was set: a coefficient-set id, a file path, or `--set`.
    public var origin: String
    /// The file of the coefficient set that set it (`nil` for `--set` and changes made in code),
    /// named in messages about the value.
    public var originFile: String?

    /// Creates a coefficient.
    public init(id: String, value: Double, unit: PhysicalUnit, baseYear: Int, source: String,
                low: Double? = nil, high: Double? = nil, domain: CoefficientDomain? = nil, nameEN: String? = nil, nameZH: String? = nil,
                note: String? = nil, origin: String) {
        self.id = id
        self.value = value
        self.unit = unit
        self.baseYear = baseYear
        self.source = source
        self.low = low
        self.high = high
        self.domain = domain
        self.nameEN = nameEN
        self.nameZH = nameZH
        self.note = note
        self.origin = origin
    }

    /// True when the unit involves money, so the value is a price to be index-adjusted.
    public var isMonetary: Bool { unit.dimension.involvesMoney }
}
