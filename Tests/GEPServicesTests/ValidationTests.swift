import Foundation
import Testing
import GEPCore
import GEPServices

/// Bad input is reported completely: every problem, with where it is and what was expected.
@Suite struct ValidationTests {
    func problems(_ body: () throws -> Void) -> [String] {
        do { try body() } catch let error as GEPError {
            if case let .invalidData(list) = error { return list.map(\.description) }
            return ["unexpected \(error.exitCode): \(error)"]
        } catch { return ["unexpected \(error)"] }
        return []
    }

    @Test func malformedJSONNamesFileLineAndColumn() {
        let text = "{\n  \"region\": {\n    \"id\": \"x\",,\n  }\n}"
        let found = problems { _ = try CountyInput.parse(Array(text.utf8), file: "bad.json") }
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("bad.json:3:") == true)
    }

    @Test func everyInputProblemIsListed() throws {
        let found = problems {
            _ = try Fixture.testland { root in
                var ecosystems = root["ecosystems"] as! [String: Any]
                ecosystems["evergreen_broadleaf_forst"] = ecosystems.removeValue(forKey: "evergreen_broadleaf_forest")   // typo
                ecosystems["grassland"] = ["area": ["value": -20, "unit": "ha"]]                                             // negative
                ecosystems["paddy"] = ["area": ["value": 10, "unit": "t_CO2"]]                                               // wrong unit
                root["ecosystems"] = ecosystems
                var services = root["services"] as! [String: Any]
                services["carbon_sequestraton"] = [:]                                                                        // unknown service
                root["services"] = services
            }
        }
        #expect(found.contains { $0.contains("unknown ecosystem type \"evergreen_broadleaf_forst\"; did you mean \"evergreen_broadleaf_forest\"?") })
        #expect(found.contains { $0.contains("ecosystems.grassland.area.value: must not be negative") })
        #expect(found.contains { $0.contains("ecosystems.paddy.area.unit: unit t_CO2") && $0.contains("expected a unit of area") })
        #expect(found.contains { $0.contains("unknown service \"carbon_sequestraton\"; did you mean \"carbon_sequestration\"?") })
        #expect(found.allSatisfy { $0.hasPrefix("edited.json") })
        // consequences of those problems (a "missing" area, areas not adding up) are not reported on top
        #expect(found.count == 4)
    }

    @Test func areasMustAddUpToTheRegion() {
        let found = problems {
            _ = try Fixture.testland { root in
                var region = root["region"] as! [String: Any]
                region["area"] = ["value": 3, "unit": "km2"]
                root["region"] = region
            }
        }
        #expect(found.count == 1)
        #expect(found.first?.hasSuffix("ecosystems: ecosystem areas add up to 200 ha but the region's area is 300 ha (3 km²); they must agree within 0.1 %") == true)
    }

    @Test func missingCoefficientsAreNamedWithTheServiceThatNeedsThem() throws {
        var effective = try Fixture.coefficients()
        let library = try Fixture.library()
        // drop two coefficients by resolving a set without them
        var base = library.sets["base"]!
        base.coefficients.removeAll { $0.id == "price.electricity" || $0.id == "runoff_coefficient.grassland" }
        let trimmed = CoefficientLibrary(directory: library.directory, sets: ["base": base], priceIndices: library.priceIndices)
        effective = try EffectiveCoefficients.resolve(library: trimmed, setID: "base")
        let found = problems { _ = try AccountBuilder.build(input: try Fixture.testland(), coefficients: effective) }
        #expect(found.contains("testland-2022.json: missing coefficient \"price.electricity\" (CNY/kWh), needed by climate_regulation (coefficient sets: base)"))
        // a type counts for a service when the coefficients give it a value: without a runoff
        // coefficient grassland is left out of water conservation, and the account says so
        #expect(!found.contains { $0.contains("runoff_coefficient.grassland") })
        let withElectricity = CoefficientLibrary(directory: library.directory, sets: ["base": library.sets["base"]!.removingCoefficient("runoff_coefficient.grassland")],
                                                 priceIndices: library.priceIndices)
        let account = try AccountBuilder.build(input: try Fixture.testland(), coefficients: try EffectiveCoefficients.resolve(library: withElectricity, setID: "base"))
        let water = try #require(account.services.first { $0.id == .waterConservation })
        #expect(!water.lines.contains { $0.ecosystem == .grassland })
        #expect(water.notes.contains { $0.hasPrefix("not counted (no runoff_coefficient.<type> in force): ") && $0.contains("grassland") })
    }

    @Test func aCarbonPricePerTonneOfCarbonIsRejectedNotConverted() throws {
        let file = """
        {"id": "user", "name_en": "user", "name_zh": "用户", "coefficients": [
          {"id": "price.carbon", "value": 1200, "unit": "CNY/t_C", "base_year": 2008, "source": "LY/T 1721-2008"}]}
        """
        let user = try CoefficientSet.parse(Array(file.utf8), file: "user.json")
        let effective = try EffectiveCoefficients.resolve(library: Fixture.library(), setID: "county", userSets: [user])
        let found = problems { _ = try AccountBuilder.build(input: try Fixture.testland(), coefficients: effective) }
        #expect(found.contains { $0.contains("coefficient \"price.carbon\" is in CNY/t_C (money / mass of C) but carbon_sequestration needs CNY/t_CO2 (money / mass of CO2)") })
    }

    @Test func unknownMethodListsTheChoices() {
        let found = problems {
            let input = try Fixture.testland { root in
                var services = root["services"] as! [String: Any]
                services["water_conservation"] = ["method": "budyko"]
                root["services"] = services
            }
            _ = try AccountBuilder.build(input: input, coefficients: try Fixture.coefficients())
        }
        #expect(found.contains { $0.contains("unknown method \"budyko\" for water_conservation; expected one of: water_balance, water_yield") })
    }

    @Test func waterYieldMethodUsesBudykoET() throws {
        let input = try Fixture.testland { root in
            var services = root["services"] as! [String: Any]
            services["water_conservation"] = ["method": "water_yield"]
            root["services"] = services
        }
        let account = try AccountBuilder.build(input: input, coefficients: try Fixture.coefficients())
        let service = account.service(.waterConservation)
        #expect(service.method == "water_yield")
        // broadleaf: AET from Fu–Budyko with Kc 1.0, ET0 1000, AWC = min(3500, 1000)·0.1, Z = 10
        let aet = FuBudyko.actualET(precipitation: 2000, potentialET: 1000, availableWater: 100, seasonality: 10)
        let broadleaf = service.physicalByEcosystem.first { $0.ecosystem == .evergreenBroadleafForest }!.quantity
        #expect(close(broadleaf, (2000 - 100 - aet) * 1e-3 * 100e4))
        // water (non-vegetated): AET = min(Kc·ET0, P) = 1050
        let water = service.physicalByEcosystem.first { $0.ecosystem == .water }!.quantity
        #expect(close(water, (2000 - 1050) * 1e-3 * 5e4))
    }
}

extension CoefficientSet {
    /// The set without the coefficient `id`.
    func removingCoefficient(_ id: String) -> CoefficientSet {
        var copy = self
        copy.coefficients.removeAll { $0.id == id }
        return copy
    }
}
