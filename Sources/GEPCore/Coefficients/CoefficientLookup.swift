/// Hands coefficients to the models of one account run, converted to the unit each model
/// expects and, for prices, to the run's price year; records which models used which
/// coefficient (`used_by`) and every problem met (missing ids, unit mismatches, years the
/// price index does not cover) so they can be reported together.
///
/// A lookup that fails returns NaN and records a diagnostic; callers check `diagnostics`
/// once at the end instead of after every call.
public struct CoefficientLookup: Sendable {
    /// The coefficients in force.
    public let effective: EffectiveCoefficients
    /// The year whose price level money values are expressed in.
    public let priceYear: Int
    /// Problems met so far.
    public private(set) var diagnostics: [Diagnostic] = []
    /// For each coefficient id used, the names of the users (service ids, `assets`, …).
    public private(set) var usage: [String: Set<String>] = [:]
    /// For each monetary coefficient used, the index factor applied (`L(priceYear)/L(baseYear)`).
    public private(set) var indexFactors: [String: Double] = [:]

    /// Creates a lookup for prices of `priceYear`.
    public init(effective: EffectiveCoefficients, priceYear: Int) {
        self.effective = effective
        self.priceYear = priceYear
    }

    /// True when `id` is defined in the effective set.
    public func has(_ id: String) -> Bool { effective.entries[id] != nil }

    /// The value of `id` in `unit`, index-adjusted to `priceYear` when it is a price.
    ///
    /// - Parameters:
    ///   - id: coefficient id.
    ///   - unit: the unit the formula is written in; the coefficient's own unit must have the
    ///     same dimension (CNY/t_C is not CNY/t_CO2).
    ///   - user: who needs it (a service id, `assets`, `indicators`), for `used_by` and messages.
    /// - Returns: the converted value, or NaN after recording a diagnostic.
    public mutating func value(_ id: String, in unit: PhysicalUnit, for user: String) -> Double {
        guard let coefficient = effective.entries[id] else {
            var message = "missing coefficient \"\(id)\" (\(unit.symbol)), needed by \(user)"
            if let near = EditDistance.nearest(to: id, in: effective.ids) { message += "; did you mean \"\(near)\"?" }
            record(message)
            return .nan
        }
        usage[id, default: []].insert(user)
        guard let factor = coefficient.unit.conversionFactor(to: unit) else {
            record("coefficient \"\(id)\" is in \(coefficient.unit.symbol) (\(coefficient.unit.dimension)) but \(user) needs \(unit.symbol) (\(unit.dimension)); set from \(coefficient.origin)")
            return .nan
        }
        guard coefficient.isMonetary else { return coefficient.value * factor }
        guard let index = effective.priceIndex.factor(from: coefficient.baseYear, to: priceYear) else {
            let covered = effective.priceIndex.years.map { "\($0.lowerBound)–\($0.upperBound)" } ?? "no years"
            record("price index \"\(effective.priceIndex.id)\" has no level for \(coefficient.baseYear) or \(priceYear) (it covers \(covered)); needed to move \"\(id)\" from \(coefficient.baseYear) prices to \(priceYear) prices")
            return .nan
        }
        indexFactors[id] = index
        return coefficient.value * factor * index
    }

    private mutating func record(_ message: String) {
        let diagnostic = Diagnostic(message: message)
        if !diagnostics.contains(diagnostic) { diagnostics.append(diagnostic) }
    }
}
