import Testing
import GEPCore
@testable import GEPAnalysis

/// A scenario's quantity and price effects recomputed from the two accounts' priced lines
/// alone, without the comparison's own price lookup: a line's unit price on one side is that
/// account's value for the line over its quantity (any line with the same price, factors and
/// unit has the same unit price), and then
/// quantity effect = Σ (Q₁ − Q₀)·P₀ and price effect = Σ Q₁·(P₁ − P₀) over every priced line.
struct IndependentEffects {
    /// Σ (Q₁ − Q₀)·P₀, CNY.
    var quantity: Double
    /// Σ Q₁·(P₁ − P₀), CNY.
    var price: Double

    /// The effects of one service, or of the whole account (services less imports) when `service` is nil.
    init(baseline: Account, scenario: Account, service: ServiceID?) throws {
        let before = PricedLines(baseline, service: service), after = PricedLines(scenario, service: service)
        var quantity = 0.0, price = 0.0
        for key in Set(before.quantities.keys).union(after.quantities.keys) {
            let q0 = before.quantities[key] ?? 0, q1 = after.quantities[key] ?? 0
            let signature = PricedLines.signature(of: key)
            if q1 != q0 { quantity += (q1 - q0) * (try before.unitPrice(signature)) }
            if q1 != 0 { price += q1 * (try after.unitPrice(signature) - before.unitPrice(signature)) }
        }
        self.quantity = quantity
        self.price = price
    }

    /// Expects the comparison row's effects to be these, and its parts to add up to its difference.
    func expectMatches(_ row: ScenarioComparison.Row, _ label: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let tolerance = 1e-9 * max(1, abs(row.baseline), abs(row.scenario))
        #expect(abs(row.quantityEffect - quantity) <= tolerance, "\(label): quantity effect", sourceLocation: sourceLocation)
        #expect(abs(row.priceEffect - price) <= tolerance, "\(label): price effect", sourceLocation: sourceLocation)
        #expect(abs(quantity + price - row.difference) <= tolerance, "\(label): the parts add up", sourceLocation: sourceLocation)
    }
}

/// One account's priced lines (of one service, or of all services with imports negated), by line identity.
private struct PricedLines {
    /// Quantity per line, keyed `service|component|ecosystem` + the price signature.
    var quantities: [String: Double] = [:]
    /// Value over quantity per price signature `price|factors|unit`.
    var unitPrices: [String: Double] = [:]

    /// Unit prices come from every line of the account; quantities from `service`'s lines only.
    init(_ account: Account, service: ServiceID?) {
        for part in account.services {
            for (line, value) in zip(part.lines, part.lineValues) { add(line, value, sign: 1, counted: service == nil || part.id == service) }
        }
        for (line, value) in zip(account.imports, account.importValues) { add(line, value, sign: -1, counted: service == nil) }
    }

    private mutating func add(_ line: ValueLine, _ value: Double, sign: Double, counted: Bool) {
        let signature = "\(line.priceID)|\(line.factorIDs.joined(separator: ","))|\(line.unit.symbol)"
        if line.quantity != 0, unitPrices[signature] == nil { unitPrices[signature] = value / line.quantity }
        guard counted else { return }
        let key = "\(sign < 0 ? "import:" : "")\(line.service.id)|\(line.component)|\(line.ecosystem?.id ?? "-")#\(signature)"
        quantities[key, default: 0] += sign * line.quantity
    }

    /// The price signature in a line key.
    static func signature(of key: String) -> String { String(key[key.index(after: key.firstIndex(of: "#")!)...]) }

    /// The unit price of a signature on this side.
    func unitPrice(_ signature: String) throws -> Double {
        try #require(unitPrices[signature], "no line on this side prices \(signature)")
    }
}
