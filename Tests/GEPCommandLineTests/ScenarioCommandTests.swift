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
        for scenario in list {
            for row in scenario["services"]!.elements! {
                let sum = row["quantity_effect_yuan"]!.double! + row["price_effect_yuan"]!.double!
                #expect(abs(sum - row["difference_yuan"]!.double!) <= 1e-6)
            }
        }
        // the dry year loses water conservation; the plan is valued at constant 2023 prices
        #expect(list[2]["services"]!.elements!.first { $0["service"]?.string == "water_conservation" }!["difference_yuan"]!.double! < 0)
        #expect(list[4]["scenario"]?["price_basis"]?.string == "constant:2023")
        let table = gep(["scenario", Self.scenarios[3], "--lang", "en"])
        #expect(table.stdout.contains("Scenario: Carbon price tripled"))
    }

    @Test func badScenarioFilesExit65() throws {
        let directory = NSTemporaryDirectory() + "gep-scenario-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: directory) }
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
