/// How a quote rounds its total: to whole yuan or whole 万元 (10⁴ CNY), by a stated rule.
public struct QuoteRounding: Sendable, Hashable {
    /// The rounding unit.
    public enum Unit: String, Sendable, CaseIterable {
        /// Whole yuan (1 CNY).
        case yuan
        /// Whole 万元 (10⁴ CNY).
        case wan_yuan
        /// The unit in CNY.
        public var yuan: Double { self == .yuan ? 1 : 10_000 }
    }
    /// The rounding rule applied to the total expressed in `unit`s.
    public enum Rule: String, Sendable, CaseIterable {
        /// Nearest, halves away from zero.
        case half_up
        /// Nearest, halves to the even neighbour (banker's rounding).
        case half_even
        /// Toward zero (truncation).
        case down
    }
    /// The unit.
    public var unit: Unit
    /// The rule.
    public var rule: Rule

    /// Creates a rounding.
    public init(unit: Unit, rule: Rule) {
        self.unit = unit
        self.rule = rule
    }

    /// The whole number of `unit`s that `yuan` rounds to under `rule`.
    public func units(_ yuan: Double) -> Double {
        let x = yuan / unit.yuan
        switch rule {
        case .half_up: return x.rounded(.toNearestOrAwayFromZero)
        case .half_even: return x.rounded(.toNearestOrEven)
        case .down: return x.rounded(.towardZero)
        }
    }

    /// The rule in words, for the report.
    public var text: String {
        let ruleText = switch rule {
        case .half_up: "round half up (halves away from zero)"
        case .half_even: "round half to even"
        case .down: "round down (truncate)"
        }
        return "total rounded to whole \(unit == .yuan ? "yuan" : "万元 (10⁴ CNY)") by \(ruleText); payer amounts by the largest-remainder method (floor of total × share, the remaining units go to the largest fractional parts, ties to the earlier payer), so they sum exactly to the rounded total"
    }

    /// The largest whole number of units a split keeps exact: 2⁵³, above which Double cannot
    /// hold every integer.
    public static let largestExactUnits = 9_007_199_254_740_992.0

    /// Splits `totalUnits` (a whole number of units) among `shares` by the largest-remainder
    /// method: each payer first gets ⌊N·sᵢ⌋; the N − Σ⌊N·sᵢ⌋ units left go one each to the payers
    /// with the largest fractional parts N·sᵢ − ⌊N·sᵢ⌋, ties to the earlier payer. The result
    /// sums exactly to `totalUnits`.
    ///
    /// - Precondition: `totalUnits` is a whole number of magnitude at most `largestExactUnits`
    ///   and the shares are finite (callers check both).
    public static func largestRemainder(totalUnits: Double, shares: [Double]) -> [Double] {
        guard !shares.isEmpty else { return [] }
        precondition(totalUnits.magnitude <= largestExactUnits && shares.allSatisfy(\.isFinite), "largestRemainder: total or shares out of range")
        let raw = shares.map { totalUnits * $0 }
        var parts = raw.map { $0.rounded(.down) }
        var left = Int((totalUnits - parts.reduce(0, +)).rounded())
        let order = raw.indices.sorted { a, b in
            let fa = raw[a] - parts[a], fb = raw[b] - parts[b]
            return fa != fb ? fa > fb : a < b
        }
        var cursor = 0
        while left > 0 {
            parts[order[cursor % order.count]] += 1
            left -= 1
            cursor += 1
        }
        while left < 0 {
            let index = order.reversed()[cursor % order.count]
            parts[index] -= 1
            left += 1
            cursor += 1
        }
        return parts
    }
}
