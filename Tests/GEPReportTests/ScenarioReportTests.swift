import Testing
import GEPAnalysis
import GEPCore
import GEPReport

/// Scenario comparisons against tables written by hand: 万元 per service for baseline,
/// scenario and difference, the percent change, the quantity and price effects, the total
/// below a rule; services that are zero on both sides are left out of the tables but not the CSV.
/// See ``TestScenario`` for the figures.
@Suite struct ScenarioReportTests {
    @Test func chineseTable() throws {
        let expected = """
        情景：退耕还林 (reforest; 基准 ../test-2023.json)
        基准：2023, current；情景：2023, current
        服务                 基准（万元）  情景（万元）  差值（万元）       Δ %  数量效应  价格效应
        ───────────────────────────────────────────────────────────────────────────────────────────
        农业产品                 1,234.57      1,034.57       -200.00  -16.20 %   -200.00      0.00
        水源涵养                   456.38        632.97        176.59   38.69 %     50.00    126.59
        固碳                         0.00         30.00         30.00         –     30.00      0.00
        休闲旅游                   809.06        809.06          0.00    0.00 %      0.00      0.00
        ───────────────────────────────────────────────────────────────────────────────────────────
        生态产品总值（GEP）      2,376.55      2,383.14          6.59    0.28 %   -120.00    126.59


        """
        #expect(ScenarioReport.render([try TestScenario.comparison()], format: .table, language: .zh) == expected)
    }

    @Test func englishTable() throws {
        let expected = """
        Scenario: Reforestation (reforest; baseline ../test-2023.json)
        Baseline: 2023, current; scenario: 2023, current
        Service                 Baseline (万元)  Scenario (万元)  Δ (万元)       Δ %  Quantity effect  Price effect
        ───────────────────────────────────────────────────────────────────────────────────────────────────────────
        Agricultural products          1,234.57         1,034.57   -200.00  -16.20 %          -200.00          0.00
        Water conservation               456.38           632.97    176.59   38.69 %            50.00        126.59
        Carbon sequestration               0.00            30.00     30.00         –            30.00          0.00
        Recreation and tourism           809.06           809.06      0.00    0.00 %             0.00          0.00
        ───────────────────────────────────────────────────────────────────────────────────────────────────────────
        GEP                            2,376.55         2,383.14      6.59    0.28 %          -120.00        126.59


        """
        #expect(ScenarioReport.render([try TestScenario.comparison()], format: .table, language: .en) == expected)
    }

    @Test func markdownHasTheSameRowsAsTheTable() throws {
        let expected = """
        ## Scenario: Reforestation (reforest; baseline ../test-2023.json)

        Baseline: 2023, current; scenario: 2023, current

        | Service | Baseline (万元) | Scenario (万元) | Δ (万元) | Δ % | Quantity effect | Price effect |
        | --- | ---: | ---: | ---: | ---: | ---: | ---: |
        | Agricultural products | 1,234.57 | 1,034.57 | -200.00 | -16.20 % | -200.00 | 0.00 |
        | Water conservation | 456.38 | 632.97 | 176.59 | 38.69 % | 50.00 | 126.59 |
        | Carbon sequestration | 0.00 | 30.00 | 30.00 | – | 30.00 | 0.00 |
        | Recreation and tourism | 809.06 | 809.06 | 0.00 | 0.00 % | 0.00 | 0.00 |
        | GEP | 2,376.55 | 2,383.14 | 6.59 | 0.28 % | -120.00 | 126.59 |


        """
        #expect(ScenarioReport.render([try TestScenario.comparison()], format: .markdown, language: .en) == expected)
    }

    @Test func csvHasEveryServiceInCNYAndPercentChangeAsAPercent() throws {
        // The percentages are Δ / baseline × 100, written as closed forms.
        func percent(_ difference: Double, _ baseline: Double) -> String { JSONWriter.formatNumber(difference / baseline * 100) }
        let expected = """
        scenario,service,baseline_yuan,scenario_yuan,difference_yuan,difference_percent,quantity_effect_yuan,price_effect_yuan
        reforest,agricultural_products,12345678,10345678,-2000000,\(percent(-2_000_000, 12_345_678)),-2000000,0
        reforest,forestry_products,0,0,0,,0,0
        reforest,water_conservation,4563750,6329687.5,1765937.5,\(percent(1_765_937.5, 4_563_750)),500000,1265937.5
        reforest,soil_retention,0,0,0,,0,0
        reforest,carbon_sequestration,0,300000,300000,,300000,0
        reforest,recreation_tourism,8090572,8090572,0,0,0,0
        reforest,gep,23765500,23831437.5,65937.5,\(percent(65_937.5, 23_765_500)),-1200000,1265937.5

        """
        #expect(ScenarioReport.render([try TestScenario.comparison()], format: .csv, language: .en) == expected)
        #expect(percent(-2_000_000, 12_345_678).hasPrefix("-16.2000"))
        #expect(percent(1_765_937.5, 4_563_750).hasPrefix("38.6948"))
    }

    @Test func jsonRowsAreInCNYWithTheShareAsAFraction() throws {
        let comparison = try TestScenario.comparison()
        let text = ScenarioReport.render([comparison], format: .json, language: .en)
        guard case let .object(root) = try JSON(JSONParser.parse(text, file: "scenario.json")),
              case let .array(scenarios)? = root["scenarios"], scenarios.count == 1,
              case let .object(scenario) = scenarios[0], case let .array(services)? = scenario["services"],
              case let .object(total)? = scenario["total"], case let .object(result)? = scenario["scenario"],
              case let .object(baseline)? = scenario["baseline"]
        else { Issue.record("unexpected shape: \(text)"); return }
        #expect(scenario["id"] == "reforest" && scenario["name_zh"] == "退耕还林" && scenario["name_en"] == "Reforestation")
        #expect(scenario["file"] == "reforest.json" && scenario["baseline_input"] == "../test-2023.json")
        #expect(baseline == ["year": 2023, "price_basis": "current", "total_yuan": 23_765_500])
        #expect(result["total_yuan"] == 23_831_437.5 && result["year"] == 2023 && result["price_basis"] == "current")
        #expect(result["account"] == AccountJSON.value(comparison.result))
        #expect(total == ["service": "gep", "baseline_yuan": 23_765_500, "scenario_yuan": 23_831_437.5, "difference_yuan": 65_937.5,
                          "difference_share": .number(65_937.5 / 23_765_500), "quantity_effect_yuan": -1_200_000,
                          "price_effect_yuan": 1_265_937.5])
        #expect(services.count == 6)
        #expect(services[2] == ["service": "water_conservation", "baseline_yuan": 4_563_750, "scenario_yuan": 6_329_687.5,
                                "difference_yuan": 1_765_937.5, "difference_share": .number(1_765_937.5 / 4_563_750),
                                "quantity_effect_yuan": 500_000, "price_effect_yuan": 1_265_937.5])
        #expect(services[4] == ["service": "carbon_sequestration", "baseline_yuan": 0, "scenario_yuan": 300_000, "difference_yuan": 300_000,
                                "difference_share": nil, "quantity_effect_yuan": 300_000, "price_effect_yuan": 0])
    }
}
