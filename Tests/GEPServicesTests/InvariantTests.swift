import Foundation
import Testing
import GEPCore
import GEPReport
import GEPServices

/// Invariants of an account that must hold for any input: additivity, linearity in each
/// price, price-basis round trips and byte-identical output.
@Suite struct InvariantTests {
    static func lianping(_ overrides: [(id: String, value: Double)] = [], basis: PriceBasis? = nil) throws -> Account {
        let path = Fixture.repository + "/samples/lianping/lianping-2023.json"
        let input = try CountyInput.parse(Fixture.bytes(path), file: "samples/lianping/lianping-2023.json")
        let library = try CoefficientLibrary.load(directory: Fixture.repository + "/coefficients")
        let effective = try EffectiveCoefficients.resolve(library: library, setID: input.coefficientSet, overrides: overrides)
        return try AccountBuilder.build(input: input, coefficients: effective, priceBasis: basis)
    }

    static func build(_ name: String, _ overrides: [(id: String, value: Double)] = []) throws -> Account {
        name == "fixture" ? try Fixture.account(overrides) : try lianping(overrides)
    }

    @Test(arguments: ["fixture", "lianping"])
    func partsAddUpToTheWhole(name: String) throws {
        let account = try Self.build(name)
        let byCategory = ServiceCategory.allCases.reduce(0.0) { $0 + account.value(of: $1) }
        #expect(close(byCategory, account.grossValue, relative: 1e-14))
        #expect(close(account.grossValue - account.importsValue, account.total))
        let byType = account.valueByEcosystem.reduce(0.0) { $0 + $1.value }
        #expect(close(byType, account.grossValue, relative: 1e-12))
        for service in account.services where service.status == .accounted {
            let lines = service.lineValues.reduce(0, +)
            #expect(close(lines, service.value))
            if let total = service.physicalTotal {
                #expect(close(service.physicalByEcosystem.reduce(0) { $0 + $1.quantity }, total, relative: 1e-12))
            }
            #expect(service.value.isFinite && service.value >= 0, "\(service.id.id)")
        }
    }

    /// Doubling one price doubles the value of every line priced with it and changes nothing
    /// else: a service priced only by it doubles, a service with several priced parts grows by
    /// exactly the value of its parts at that price, and every other service is unchanged.
    @Test(arguments: ["fixture", "lianping"])
    func doublingOnePriceDoublesOnlyItsServices(name: String) throws {
        let base = try Self.build(name)
        let prices = base.coefficientsUsed.filter { $0.coefficient.isMonetary }
        #expect(prices.count >= 10)
        for used in prices {
            let id = used.coefficient.id
            let doubled = try Self.build(name, [(id, used.coefficient.value * 2)])
            for (before, after) in zip(base.services, doubled.services) {
                let pricedByIt = zip(before.lines, before.lineValues).filter { $0.0.priceID == id }.reduce(0.0) { $0 + $1.1 }
                #expect(close(after.value, before.value + pricedByIt, relative: 1e-12), "\(id) → \(before.id.id)")
                if !before.lines.isEmpty && before.lines.allSatisfy({ $0.priceID == id }) {
                    #expect(close(after.value, 2 * before.value, relative: 1e-12), "\(id) → \(before.id.id)")
                }
                if pricedByIt == 0 { #expect(after.value == before.value, "\(id) → \(before.id.id)") }
            }
            let assets = used.usedBy.contains("assets") ? 2.0 : 1.0
            #expect(close(doubled.assetValues.reduce(0, +), base.assetValues.reduce(0, +) * assets, relative: 1e-12), "\(id) → assets")
        }
    }

    @Test func constantPricesRoundTripToCurrentPrices() throws {
        let current = try Fixture.account()
        let constant = try Fixture.account(basis: .constant(2020))
        // fixture index: L(2020) = 100, L(2022) = 110
        #expect(close(constant.total * 110 / 100, current.total, relative: 1e-12))
        for (c, k) in zip(current.services, constant.services) { #expect(close(k.value * 1.1, c.value, relative: 1e-12)) }
        let same = try Fixture.account(basis: .constant(2022))
        #expect(same.total == current.total)
        // and on the shipped CPI: constant 2015 prices scaled by L(2023)/L(2015) give current 2023 prices
        let lianping = try Self.lianping()
        let lianping2015 = try Self.lianping(basis: .constant(2015))
        let library = try CoefficientLibrary.load(directory: Fixture.repository + "/coefficients")
        let factor = library.priceIndices["cn_cpi"]!.factor(from: 2015, to: 2023)!
        #expect(close(lianping2015.total * factor, lianping.total, relative: 1e-12))
        // constant-price GEP/GDP still uses current-price GEP
        let ratio = { (a: Account) in a.indicators.first { $0.id == "gep_to_gdp" }!.value }
        #expect(close(ratio(lianping2015), ratio(lianping), relative: 1e-12))
    }

    @Test func sameInputGivesIdenticalBytes() throws {
        for format in ReportFormat.allCases {
            for language in ReportLanguage.allCases {
                let first = AccountReport.render(try Self.lianping(), format: format, language: language)
                let second = AccountReport.render(try Self.lianping(), format: format, language: language)
                #expect(first == second, "\(format) \(language)")
            }
        }
    }

    /// §12 of REFERENCES.md: published intensities of 504–2,550 万元/km² imply 115–580 亿元 for Lianping.
    @Test func lianpingTotalLiesInThePublishedRange() throws {
        let account = try Self.lianping()
        #expect(account.total > 115e8 && account.total < 580e8)
        #expect(account.services.filter { $0.status == .accounted }.count == 15)
        let delivered = account.indicators.first { $0.id == "share_of_reservoir_inflow" }!.value
        // "about a third of the reservoir's water comes from Lianping"
        #expect(delivered > 0.25 && delivered < 0.40)
        // the standing stock is an asset, not a flow
        #expect(account.assets.reduce(0) { $0 + $1.quantity } == 10_989_900)
    }
}

extension InvariantTests {
    /// The shipped coefficients cover both water-conservation methods for every type in the sample.
    @Test func lianpingRunsWithEitherWaterConservationMethod() throws {
        let path = Fixture.repository + "/samples/lianping/lianping-2023.json"
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        var object = try JSONSerialization.jsonObject(with: data) as! [String: Any]
        var services = object["services"] as! [String: Any]
        services["water_conservation"] = ["method": "water_yield"]
        object["services"] = services
        let input = try CountyInput.parse(Array(try JSONSerialization.data(withJSONObject: object)), file: "edited.json")
        let library = try CoefficientLibrary.load(directory: Fixture.repository + "/coefficients")
        let account = try AccountBuilder.build(input: input, coefficients: EffectiveCoefficients.resolve(library: library, setID: "lianping"))
        #expect(account.service(.waterConservation).method == "water_yield")
        #expect(account.value(of: .waterConservation) > 0)
    }
}
