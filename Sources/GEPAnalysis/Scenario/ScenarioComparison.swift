import GEPCore
import GEPServices

/// A scenario's account next to its baseline's, service by service, with the difference
/// split into a quantity effect and a price effect.
///
/// For every priced line ℓ with baseline quantity Q₀ and unit price P₀ (price × factors at the
/// baseline's price basis) and scenario Q₁, P₁ (a line missing on one side has Q = 0):
/// - quantity effect = Σ_ℓ (Q₁ − Q₀)·P₀ — the physical change valued at baseline prices;
/// - price effect = Σ_ℓ Q₁·(P₁ − P₀) — the price change at scenario quantities;
/// and the two add up to the difference V₁ − V₀. The price effect is reported as the
/// difference minus the quantity effect, so the printed parts add up exactly.
public struct ScenarioComparison: Sendable {
    /// One service's (or the total's) comparison, CNY.
    public struct Row: Sendable {
        /// The service, or nil for the total.
        public var service: ServiceID?
        /// Value in the baseline account, CNY.
        public var baseline: Double
        /// Value in the scenario account, CNY.
        public var scenario: Double
        /// Σ (Q₁ − Q₀)·P₀ over the service's lines, CNY.
        public var quantityEffect: Double
        /// Scenario − baseline, CNY.
        public var difference: Double { scenario - baseline }
        /// Difference − quantity effect, CNY (equals Σ Q₁(P₁ − P₀)).
        public var priceEffect: Double { difference - quantityEffect }
        /// Difference as a share of the baseline (nil when the baseline is 0).
        public var relative: Double? { baseline != 0 ? difference / baseline : nil }
    }

    /// The scenario as read.
    public var scenario: Scenario
    /// The baseline account.
    public var baseline: Account
    /// The account with the scenario applied.
    public var result: Account
    /// One row per service, catalogue order.
    public var services: [Row]
    /// GEP (after import netting).
    public var total: Row

    /// Compares `result` (the scenario's account) with `baseline`, pricing quantity changes
    /// with `baselineCoefficients` at the baseline's price year.
    public init(scenario: Scenario, baseline: Account, baselineCoefficients: EffectiveCoefficients, result: Account) {
        var prices = CoefficientLookup(effective: baselineCoefficients, priceYear: baseline.priceYear)
        let rows = zip(baseline.services, result.services).map { before, after in
            Row(service: before.id, baseline: before.value, scenario: after.value,
                quantityEffect: Self.quantityEffect(before: before.lines, after: after.lines, prices: &prices))
        }
        let imports = Self.quantityEffect(before: baseline.imports, after: result.imports, prices: &prices)
        self.scenario = scenario
        self.baseline = baseline
        self.result = result
        self.services = rows
        self.total = Row(service: nil, baseline: baseline.total, scenario: result.total,
                         quantityEffect: rows.reduce(0) { $0 + $1.quantityEffect } - imports)
    }

    /// Σ (Q₁ − Q₀)·P₀ over the union of two line lists, matched by `key`.
    static func quantityEffect(before: [ValueLine], after: [ValueLine], prices: inout CoefficientLookup) -> Double {
        var change: [String: (delta: Double, line: ValueLine)] = [:]
        var order: [String] = []
        for line in after {
            let key = Self.key(line)
            if change[key] == nil { order.append(key) }
            change[key, default: (0, line)].delta += line.quantity
        }
        for line in before {
            let key = Self.key(line)
            if change[key] == nil { order.append(key) }
            change[key, default: (0, line)].delta -= line.quantity
        }
        return order.reduce(0.0) { sum, key in
            let entry = change[key]!
            return entry.delta == 0 ? sum : sum + entry.delta * unitPrice(entry.line, &prices)
        }
    }

    /// Line identity across the two accounts.
    static func key(_ line: ValueLine) -> String {
        "\(line.service.id)|\(line.component)|\(line.ecosystem?.id ?? "-")|\(line.priceID)|\(line.factorIDs.joined(separator: ","))"
    }

    /// Price × factors of a line at the lookup's price year, CNY per unit of quantity.
    static func unitPrice(_ line: ValueLine, _ lookup: inout CoefficientLookup) -> Double {
        var price = lookup.value(line.priceID, in: line.priceUnit, for: line.service.id)
        for factor in line.factorIDs { price *= lookup.value(factor, in: .dimensionless, for: line.service.id) }
        return price
    }
}
