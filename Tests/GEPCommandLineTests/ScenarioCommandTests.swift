import Foundation
import Testing
import GEPCommandLine
import GEPCore

/// `gep scenario` on the bundled scenarios, as a user runs it.
@Suite struct ScenarioCommandTests {
    func gep(_ arguments: [String]) -> RepositoryRun { RepositoryRun.gep(arguments) }

    static let scenarios = ["baseline", "slope-cropland-to-forest", "dry-year", "high-carbon-price", "plan-2028"]
        .map { "samples/lianping/scenarios/\($0).json" }

    @Test func bundledScenariosRunAndAreStable() throws {
        let first = gep(["scenario"] + Self.scenarios + ["--format", "json"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(gep(["scenario"] + Self.scenarios + ["--format", "json"]).stdout == first.stdout)
        let root = try JSONParser.parse(first.stdout, file: "stdout")
        let list = try #require(root["scenarios"]?.elements)
        #expect(list.map { $0["id"]!.string! } == ["baseline", "slope_cropland_to_forest", "dry_year", "high_carbon_price", "plan_2028"])
        #expect(list[0]["total"]?["difference_yuan"]?.double == 0)
        // each effect recomputed from the baseline account (`gep account`) and the scenario's
        // account in the output, line by line: Σ (Q₁ − Q₀)·P₀ and Σ Q₁·(P₁ − P₀), P = value / quantity
        let baseline = gep(["account", "samples/lianping/lianping-2023.json", "--format", "json"])
        let before = try LineQuantities(account: JSONParser.parse(baseline.stdout, file: "baseline"))
        for scenario in list {
            let id = scenario["id"]!.string!
            let after = try LineQuantities(account: try #require(scenario["scenario"]?["account"]))
            for row in scenario["services"]!.elements! + [scenario["total"]!] {
                let service = row["service"]!.string!
                let (quantity, price) = try LineQuantities.effects(before, after, service: service == "gep" ? nil : service)
                let difference = row["difference_yuan"]!.double!
                let tolerance = 1e-9 * max(1, abs(row["baseline_yuan"]!.double!), abs(row["scenario_yuan"]!.double!))
                #expect(abs(row["quantity_effect_yuan"]!.double! - quantity) <= tolerance, "\(id) \(service): quantity effect")
                #expect(abs(row["price_effect_yuan"]!.double! - price) <= tolerance, "\(id) \(service): price effect")
                #expect(abs(quantity + price - difference) <= tolerance, "\(id) \(service): the parts add up")
            }
        }
        // the dry year loses water conservation; the plan is valued at constant 2023 prices
        #expect(list[2]["services"]!.elements!.first { $0["service"]?.string == "water_conservation" }!["difference_yuan"]!.double! < 0)
        #expect(list[4]["scenario"]?["price_basis"]?.string == "constant:2023")
        let table = gep(["scenario", Self.scenarios[3], "--lang", "en"])
        #expect(table.stdout.contains("Scenario: Carbon price tripled"))
    }

    @Test func badScenarioFilesExit65() throws {
        let scratch = try Scratch()
        let directory = scratch.path
        let bad = directory + "/bad.json"
        try """
        {"id": "too_much", "name_zh": "x", "name_en": "x", "baseline": "\(AccountCommandTests.repository)/samples/lianping/lianping-2023.json",
         "land_cover": [{"from": "water", "to": "shrub", "area": {"value": 99999, "unit": "ha"}}]}
        """.write(toFile: bad, atomically: true, encoding: .utf8)
        let run = gep(["scenario", bad])
        #expect(run.status == 65)
        #expect(run.stderr.contains("converts 99999.0 ha of water but only 3500.0 ha exist"))
        #expect(gep(["scenario", directory + "/absent.json"]).status == 66)
    }
}

/// An account's priced lines as `gep … --format json` prints them: the quantity of each line
/// (by service, component, ecosystem and price) and each price's unit value (value / quantity).
private struct LineQuantities {
    /// Quantity per `service|component|ecosystem#price|factors|unit`; imports count negative.
    var quantities: [String: Double] = [:]
    /// Value over quantity per `price|factors|unit`.
    var unitPrices: [String: Double] = [:]

    init(account: JSONNode) throws {
        for service in try #require(account["services"]?.elements) {
            for line in service["lines"]?.elements ?? [] { try add(line, service: try #require(service["id"]?.string), sign: 1) }
        }
        for line in try #require(account["imports"]?.elements) { try add(line, service: "import:" + (try #require(line["service"]?.string)), sign: -1) }
    }

    private mutating func add(_ line: JSONNode, service: String, sign: Double) throws {
        let factors = (line["factors"]?.elements ?? []).compactMap(\.string).joined(separator: ",")
        let signature = "\(try #require(line["price"]?.string))|\(factors)|\(try #require(line["unit"]?.string))"
        let quantity = try #require(line["quantity"]?.double), value = try #require(line["value_yuan"]?.double)
        if quantity != 0, unitPrices[signature] == nil { unitPrices[signature] = value / quantity }
        let key = "\(service)|\(try #require(line["component"]?.string))|\(try #require(line["ecosystem"]?.string))#\(signature)"
        quantities[key, default: 0] += sign * quantity
    }

    /// Σ (Q₁ − Q₀)·P₀ and Σ Q₁·(P₁ − P₀) over one service's lines (every line and import when `service` is nil).
    static func effects(_ before: Self, _ after: Self, service: String?) throws -> (quantity: Double, price: Double) {
        var quantity = 0.0, price = 0.0
        for key in Set(before.quantities.keys).union(after.quantities.keys) where service == nil || key.hasPrefix(service! + "|") {
            let q0 = before.quantities[key] ?? 0, q1 = after.quantities[key] ?? 0
            let signature = String(key[key.index(after: key.firstIndex(of: "#")!)...])
            func p(_ side: Self) throws -> Double { try #require(side.unitPrices[signature], "no line prices \(signature)") }
            if q1 != q0 { quantity += (q1 - q0) * (try p(before)) }
            if q1 != 0 { price += q1 * (try p(after) - p(before)) }
        }
        return (quantity, price)
    }
}
