import GEPAnalysis
import GEPCore

/// A scenario on ``TestAccount``: paddy rice falls from 2,500 t to 2,000 t, evergreen forest
/// retains 1,750,000 m³ instead of 1,500,000 m³ and the water price rises from 2 to 2.5 CNY/m³,
/// and carbon sequestration is switched on (1,000 t CO₂ at 300 CNY/t).
///
/// Hand figures (CNY), quantity effect Σ (Q₁ − Q₀)·P₀ at the baseline prices:
///
/// | service              | baseline   | scenario     | Δ            | Δ %                 | quantity                | price       |
/// |----------------------|------------|--------------|--------------|---------------------|-------------------------|-------------|
/// | agricultural_products| 12,345,678 | 10,345,678   | −2,000,000   | −16.2000013… %      | (2,000 − 2,500)·4,000   | 0           |
/// | water_conservation   | 4,563,750  | 6,329,687.5  | 1,765,937.5  | 38.694878… %        | 250,000·2 = 500,000     | 1,265,937.5 |
/// | carbon_sequestration | 0          | 300,000      | 300,000      | – (no baseline)     | 1,000·300 = 300,000     | 0           |
/// | recreation_tourism   | 8,090,572  | 8,090,572    | 0            | 0 %                 | 0                       | 0           |
/// | GEP                  | 23,765,500 | 23,831,437.5 | 65,937.5     | 0.277455… %         | −1,200,000              | 1,265,937.5 |
///
/// Forestry (not accounted) and soil retention (0 both sides) are hidden from the tables.
enum TestScenario {
    static let setText = """
    {"id": "test", "name_en": "Test", "name_zh": "试验", "price_index": "test_cpi", "coefficients": [
      {"id": "price.rice", "value": 4000, "unit": "CNY/t", "base_year": 2023, "source": "test"},
      {"id": "price.water_conservation", "value": 2, "unit": "CNY/m3", "base_year": 2023, "source": "test"},
      {"id": "price.carbon", "value": 300, "unit": "CNY/t_CO2", "base_year": 2023, "source": "test"}
    ]}
    """

    static func baselineCoefficients() throws -> EffectiveCoefficients {
        let set = try CoefficientSet.parse(Array(setText.utf8), file: "test.json")
        let index = PriceIndex(id: "test_cpi", nameEN: "Test index", source: "test", levels: [2023: 100], file: "test_cpi.json")
        let library = CoefficientLibrary(directory: "", sets: ["test": set], priceIndices: ["test_cpi": index])
        return try EffectiveCoefficients.resolve(library: library, setID: "test")
    }

    static func scenario() throws -> Scenario {
        try Scenario.parse(Array(#"""
        {"id": "reforest", "name_zh": "退耕还林", "name_en": "Reforestation", "baseline": "../test-2023.json",
         "coefficients": {"price.water_conservation": 2.5}}
        """#.utf8), file: "reforest.json", directory: "/scenarios")
    }

    /// The account with the scenario applied, written out by hand.
    static var result: Account {
        var account = TestAccount.account
        func edit(_ id: ServiceID, _ change: (inout ServiceAccount) -> Void) {
            change(&account.services[account.services.firstIndex { $0.id == id }!])
        }
        edit(.agriculturalProducts) { service in
            service.lines[0].quantity = 2_000
            service.lineValues[0] = 8_000_000
        }
        edit(.waterConservation) { service in
            service.lines[0].quantity = 1_750_000
            service.lineValues = [1_750_000 * 2.5, 781_875 * 2.5]  // 4,375,000 and 1,954,687.5
            service.physicalByEcosystem[0].quantity = 1_750_000
            service.physicalTotal = 2_531_875
        }
        edit(.carbonSequestration) { service in
            service.status = .accounted
            service.physicalByEcosystem = [(.mixedForest, 1_000)]
            service.physicalTotal = 1_000
            service.lines = [TestAccount.line(.carbonSequestration, "co2", "二氧化碳", "CO₂", .mixedForest, 1_000, "t_CO2", price: "price.carbon")]
            service.lineValues = [300_000]
        }
        return account
    }

    static func comparison() throws -> ScenarioComparison {
        try ScenarioComparison(scenario: scenario(), baseline: TestAccount.account, baselineCoefficients: baselineCoefficients(), result: result)
    }
}
