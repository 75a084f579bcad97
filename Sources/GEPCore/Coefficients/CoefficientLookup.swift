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

    /// Ids whose absence was already reported where an input names them (`reportedMissing`).
    private var reportedMissing: Set<String> = []

    /// Notes that a missing `id` has been reported at its source (a product's `price` field),
    /// so valuation does not report it again without a location.
    public mutating func noteReportedMissing(_ id: String) { reportedMissing.insert(id) }

    /// The input whose figures are being valued, named in every problem (`nil`: none).
    public let file: String?

    /// Creates a lookup for prices of `priceYear`; problems name `file`.
    public init(effective: EffectiveCoefficients, priceYear: Int, file: String? = nil) {
        self.effective = effective
        self.priceYear = priceYear
        self.file = file
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
            guard !reportedMissing.contains(id) else { return .nan }
            var message = "missing coefficient \"\(id.echoed())\" (\(unit.symbol)), needed by \(user) (coefficient sets: \(effective.layers.joined(separator: " → ")))"
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
            recordIndexGap(id: id, baseYear: coefficient.baseYear)
            return .nan
        }
        indexFactors[id] = index
        return coefficient.value * factor * index
    }

    /// Where each price-index gap's problem is in `diagnostics`, and the prices it stops.
    private var indexGaps: [[Int]: (position: Int, ids: [String])] = [:]

    /// Records, once per set of missing years, that the price index cannot move prices: the
    /// years it lacks, the years it covers, and the prices that needed it.
    private mutating func recordIndexGap(id: String, baseYear: Int) {
        let index = effective.priceIndex
        let missing = Set([baseYear, priceYear]).filter { index.levels[$0] == nil }.sorted()
        var gap = indexGaps[missing] ?? (diagnostics.count, [])
        if gap.position == diagnostics.count { diagnostics.append(Diagnostic(file: file, message: "")) }
        if !gap.ids.contains(id) { gap.ids.append(id) }
        indexGaps[missing] = gap
        let covered = index.years.map { "\($0.lowerBound)–\($0.upperBound)" } ?? "no years"
        let shown = gap.ids.prefix(5).joined(separator: ", ") + (gap.ids.count > 5 ? ", …" : "")
        let years = missing.isEmpty ? "\(baseYear) to \(priceYear)" : missing.map(String.init).joined(separator: " and ")
        diagnostics[gap.position].message = "price index \"\(index.id)\" has no level for \(years) (it covers \(covered)), so \(gap.ids.count) price\(gap.ids.count == 1 ? "" : "s") cannot be moved to \(priceYear) prices: \(shown)"
    }

    private mutating func record(_ message: String) {
        let diagnostic = Diagnostic(file: file, message: message)
        if !diagnostics.contains(diagnostic) { diagnostics.append(diagnostic) }
    }
}
