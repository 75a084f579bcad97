import Testing
import GEPCore
import GEPServices

/// Each service against a value computed by hand from its formula and the fixture's numbers
/// (Fixtures/testland-2022.json, Fixtures/coefficients). Accounting year 2022; the fixture
/// price index is 2020 = 100, 2021 = 2022 = 110, so only prices with base year 2020 move (×1.1).
@Suite struct ServiceFormulaTests {
    let account: Account

    init() throws { account = try Fixture.account() }

    @Test func provisioningIsQuantityTimesPriceWithUnitConversion() {
        // 100 t rice × 3 CNY/kg = 300,000 (t → kg converted by the price's unit)
        #expect(close(account.value(of: .agriculturalProducts), 100 * 1000 * 3))
        #expect(account.service(.agriculturalProducts).physicalTotal == 100)
        // 100 m³ timber × 500 + 1 t mushroom × 20 CNY/kg; mixed units → no physical total
        #expect(close(account.value(of: .forestryProducts), 100 * 500 + 1000 * 20))
        #expect(account.service(.forestryProducts).physicalTotal == nil)
        #expect(close(account.value(of: .livestockProducts), 10 * 1000 * 15))
        #expect(close(account.value(of: .fisheryProducts), 2 * 1000 * 10))
        #expect(close(account.value(of: .waterSupply), 10_000 * 2))
        #expect(close(account.value(of: .hydropower), 100_000 * 0.3))
    }

    @Test func waterConservationByWaterBalance() {
        // Q_i = (P − P·α_i − ET_i)·A_i: mm × 10⁻³ × ha × 10⁴
        let volumes: [Double] = [
            (2000 - 100 - 1000) * 1e-3 * 100e4,  // broadleaf 900 mm
            (2000 - 100 - 900) * 1e-3 * 50e4,    // coniferous
            (2000 - 100 - 1000) * 1e-3 * 10e4,   // bamboo
            (2000 - 200 - 800) * 1e-3 * 20e4,    // grassland (α = 10 %)
            (2000 - 0 - 1000) * 1e-3 * 5e4,      // wetland
            (2000 - 0 - 1100) * 1e-3 * 5e4,      // water
        ]
        let total = volumes.reduce(0, +)
        #expect(close(total, 1_785_000))
        #expect(close(account.service(.waterConservation).physicalTotal!, total))
        #expect(close(account.value(of: .waterConservation), total * 5))
        // paddy is not counted (no runoff coefficient in [S3])
        #expect(!account.service(.waterConservation).physicalByEcosystem.contains { $0.ecosystem == .paddy })
    }

    @Test func soilRetentionValuesSedimentNitrogenAndPhosphorus() {
        // A_sc = R·K·LS·(1 − C·P)·A with R·K = 1000 × 0.02 = 20 t/ha
        let forests: Double = 20 * 2 * 0.99 * 100 + 20 * 2 * 0.99 * 50
        let others: Double = 20 * 1 * 0.98 * 10 + 20 * 1 * 0.95 * 20
        let wet: Double = 20 * 0.5 * (1 - 0.1 * 0.2) * 10 + 20 * 0.1 * 1 * 5
        let retained = forests + others + wet
        #expect(close(retained, 6624))
        #expect(close(account.service(.soilRetention).physicalTotal!, retained))
        let sediment: Double = 0.25 * retained / 1.25 * 10     // λ·A/ρ·c_d
        let nitrogen: Double = retained * 0.002 * 1000           // 2 g/kg × 1000 CNY/t N
        let phosphorus: Double = retained * 0.0005 * 4000
        let expected = sediment + nitrogen + phosphorus
        #expect(close(account.value(of: .soilRetention), expected))
    }

    @Test func floodRegulationAddsVegetationPaddyMarshAndReservoirs() {
        let forests: Double = 0.5 * 0.8 * 100e4 + 0.5 * 0.8 * 50e4 + 0.5 * 0.8 * 10e4
        let vegetation: Double = forests + 0.5 * 0.6 * 20e4
        let total: Double = vegetation + 0.1 * 10e4 + 0.3 * 5e4 + 0.35 * 1e6
        #expect(close(total, 1_075_000))
        #expect(close(account.service(.floodRegulation).physicalTotal!, total))
        #expect(close(account.value(of: .floodRegulation), total * 5))
    }

    @Test func waterPurificationPricesEachLoad() {
        #expect(close(account.value(of: .waterPurification), 10 * 1000 + 2 * 2000 + 0.5 * 8000))
    }

    @Test func airPurificationFromPerHectareRates() {
        let so2: Double = (100 * 100 + 200 * 50 + 100 * 10) / 1000.0     // kg → t
        let nox: Double = 10.0 * 160 / 1000
        let dust: Double = 10.0 * 100 + 30 * 50 + 10 * 10
        let expected: Double = so2 * 1000 + nox * 1000 + dust * 100
        #expect(close(account.value(of: .airPurification), expected))
    }

    @Test func airPurificationIsCappedByEmissions() throws {
        let input = try Fixture.testland { root in
            var services = root["services"] as! [String: Any]
            services["air_purification"] = ["emission_caps": ["so2": ["value": 10, "unit": "t_SO2"]]]
            root["services"] = services
        }
        let account = try AccountBuilder.build(input: input, coefficients: Fixture.coefficients())
        let expected: Double = 10 * 1000 + 1.6 * 1000 + 2600 * 100
        #expect(close(account.value(of: .airPurification), expected))
    }

    @Test func carbonByStockChangeAndRates() {
        // ΔV·D·BEF·(1+R)·CF·44/12 for the inventoried forests; rates elsewhere
        let broadleaf: Double = 500 * 0.5 * 1.5 * 1.25 * 0.5 * 44 / 12
        let coniferous: Double = 200 * 0.4 * 1.6 * 1.2 * 0.5 * 44 / 12
        let rated: Double = 10 * 10 + 1 * 20 + 2 * 5
        let tonnes = broadleaf + coniferous + rated
        #expect(close(account.service(.carbonSequestration).physicalTotal!, tonnes, relative: 1e-12))
        // price.carbon is 50 in the base set and 100 in the county set, which wins
        #expect(close(account.value(of: .carbonSequestration), tonnes * 100, relative: 1e-12))
    }

    @Test func oxygenFromCarbonWithIndexedPrice() {
        let broadleaf: Double = 500 * 0.5 * 1.5 * 1.25 * 0.5 * 44 / 12
        let coniferous: Double = 200 * 0.4 * 1.6 * 1.2 * 0.5 * 44 / 12
        let tonnesCO2 = broadleaf + coniferous + 130
        // 1000 CNY/t at 2020 prices × (110/100) for 2022
        let expected: Double = tonnesCO2 * 32 / 44 * 1000 * 1.1
        #expect(close(account.value(of: .oxygenRelease), expected))
    }

    @Test func climateRegulationFromTranspirationAndEvaporation() {
        // H (kJ/m²/d → kWh/m²/d: 3600 kJ = 1 kWh) · A · d / r
        let forests: Double = 1 * 100e4 * 50 / 4 + 1 * 50e4 * 50 / 4 + 1 * 10e4 * 50 / 4
        let vegetation: Double = forests + 0.5 * 20e4 * 50 / 4
        // e·A·ρ·λ/r for water and wetland (λ = 3600 kJ/kg = 1 kWh/kg)
        let evaporation: Double = 2 * (0.2 * 5e4 * 1000 * 1 / 4)
        #expect(close(account.service(.climateRegulation).physicalTotal!, vegetation + evaporation))
        #expect(close(account.value(of: .climateRegulation), (vegetation + evaporation) * 0.5))
    }

    /// With the cooling-period actual ET measured for broadleaf forest (120 mm), its
    /// transpiration is the latent heat of that water, T·A·ρ·λ/r; the other types keep H·A·d/r.
    @Test func climateRegulationFromMeasuredCoolingET() throws {
        let input = try Fixture.testland { root in
            var ecosystems = root["ecosystems"] as! [String: [String: Any]]
            ecosystems["evergreen_broadleaf_forest"]!["cooling_evapotranspiration"] = ["value": 120, "unit": "mm", "source": "test"]
            root["ecosystems"] = ecosystems
        }
        let measured = try AccountBuilder.build(input: input, coefficients: Fixture.coefficients())
        let broadleafHeat: Double = 1 * 100e4 * 50 / 4
        let broadleafET: Double = 120e-3 * 100e4 * 1000 * 1 / 4    // m × m² × kg/m³ × kWh/kg / r
        let service = measured.service(.climateRegulation)
        #expect(close(service.physicalTotal!, account.service(.climateRegulation).physicalTotal! - broadleafHeat + broadleafET))
        let line = try #require(service.lines.first { $0.ecosystem == .evergreenBroadleafForest })
        #expect(close(line.quantity, broadleafET) && line.driver == .coolingTranspiration)
        #expect(service.notes.contains { $0.contains("measured cooling-period evapotranspiration") && $0.contains("evergreen_broadleaf_forest") })
    }

    @Test func culturalServices() {
        #expect(close(account.value(of: .recreationTourism), 1000 * 200))
        #expect(close(account.value(of: .landscapePremium), 5000 * 10))
    }

    @Test func importsAreSubtractedAndAssetsKeptApart() {
        #expect(close(account.importsValue, 1000 * 2))
        #expect(close(account.total, account.grossValue - 2000))
        #expect(close(account.assetValues.reduce(0, +), (10_000 + 4000) * 300))
        // the stock is not in any service or category
        #expect(close(account.grossValue, ServiceCategory.allCases.reduce(0) { $0 + account.value(of: $1) }))
    }

    @Test func indicators() {
        func indicator(_ id: String) -> Double { account.indicators.first { $0.id == id }!.value }
        #expect(close(indicator("gep_to_gdp"), account.total / 1e8))
        #expect(close(indicator("gep_per_km2"), account.total / 2))
        #expect(close(indicator("gep_per_capita"), account.total / 1000))
        // Σ (P − ET_i)·A_i over every type
        let forests: Double = 1.0 * 100e4 + 1.1 * 50e4 + 1.0 * 10e4
        let yield: Double = forests + 1.2 * 20e4 + 1.1 * 10e4 + 1.0 * 5e4 + 0.9 * 5e4
        #expect(close(indicator("water_yield"), yield))
        #expect(close(indicator("water_delivered_to_reservoir"), yield * 0.5))
        #expect(close(indicator("share_of_reservoir_inflow"), yield * 0.5 / 1e7))
    }

    @Test func valueAddedMethodMultipliesByTheRatio() throws {
        let input = try Fixture.testland { root in
            var services = root["services"] as! [String: Any]
            var agriculture = services["agricultural_products"] as! [String: Any]
            agriculture["method"] = "value_added"
            services["agricultural_products"] = agriculture
            root["services"] = services
        }
        let account = try AccountBuilder.build(input: input, coefficients: Fixture.coefficients())
        #expect(account.service(.agriculturalProducts).method == "value_added")
        #expect(close(account.value(of: .agriculturalProducts), 300_000 * 0.6))
    }

    @Test func oxygenCanBeSwitchedOff() throws {
        let input = try Fixture.testland { root in
            var services = root["services"] as! [String: Any]
            services["oxygen_release"] = ["enabled": false, "reason": "overlaps with carbon"]
            root["services"] = services
        }
        let off = try AccountBuilder.build(input: input, coefficients: Fixture.coefficients())
        #expect(off.service(.oxygenRelease).status == .disabled("overlaps with carbon"))
        #expect(off.value(of: .oxygenRelease) == 0)
        #expect(close(off.total, account.total - account.value(of: .oxygenRelease)))
    }
}
