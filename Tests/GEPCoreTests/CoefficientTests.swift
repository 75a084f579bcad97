import Foundation
import Testing
@testable import GEPCore

/// Coefficient files, layering and price indexing.
@Suite struct CoefficientTests {
    static let index = """
    {"id": "idx", "name_en": "i", "source": "s", "anchor": {"year": 2007, "level": 493.6, "basis": "1978=100"},
     "previous_year_100": {"2008": 105.9, "2009": 99.3, "2010": 103.3, "2011": 105.4, "2012": 102.6, "2013": 102.6, "2014": 102.0, "2007": 104.8}}
    """

    @Test func priceIndexChainsFromTheAnchorBothWays() throws {
        let index = try PriceIndex.parse(Array(Self.index.utf8), file: "idx.json")
        // Miao et al. 2017 give CPI 2014 = 606.70 on 1978 = 100
        #expect(abs(index.levels[2014]! - 606.70) < 0.15)   // rounding of the published indices: 606.81
        #expect(abs(index.levels[2006]! - 493.6 / 1.048) < 1e-9)
        #expect(index.years == 2006...2014)
        let up = index.factor(from: 2008, to: 2014)!, down = index.factor(from: 2014, to: 2008)!
        #expect(abs(up * down - 1) < 1e-15)
        #expect(index.factor(from: 2008, to: 2020) == nil)
    }

    @Test func priceIndexGapIsAnError() {
        let text = """
        {"id": "idx", "name_en": "i", "source": "s", "anchor": {"year": 2007, "level": 100}, "previous_year_100": {"2008": 101, "2010": 102}}
        """
        #expect(throws: GEPError.self) { try PriceIndex.parse(Array(text.utf8), file: "gap.json") }
    }

    @Test func setFileProblemsAreAllListed() {
        let text = """
        {"id": "s", "name_en": "s", "name_zh": "s", "coefficients": [
          {"id": "price.a", "value": 1, "unit": "CNY/tt", "base_year": 2020, "source": "x"},
          {"id": "price.b", "value": 5, "unit": "CNY/t", "base_year": 1800, "source": "x", "low": 6},
          {"id": "Price.C", "value": 1, "unit": "1", "base_year": 2020, "source": " "},
          {"id": "price.d", "value": 1, "unit": "1", "base_year": 2020, "source": "x", "sorce": "y"},
          {"id": "price.d", "value": 1, "unit": "1", "base_year": 2020, "source": "x"}
        ]}
        """
        do {
            _ = try CoefficientSet.parse(Array(text.utf8), file: "s.json")
            Issue.record("expected problems")
        } catch {
            guard case let .invalidData(list) = error else { Issue.record("wrong error \(error)"); return }
            let text = list.map(\.description)
            #expect(text.contains { $0.hasPrefix("s.json:2:") && $0.contains("unknown unit symbol 'tt'") })
            #expect(text.contains { $0.contains("coefficients[1].base_year: expected an integer from 1950 to 2100, found 1800") })
            #expect(text.contains { $0.contains("value 5.0 is below its own low 6.0") })
            #expect(text.contains { $0.contains("coefficient id \"Price.C\" must be lower-case") })
            #expect(text.contains { $0.contains("source must not be empty") })
            #expect(text.contains { $0.contains("unknown key \"sorce\"; did you mean \"source\"?") })
            #expect(text.contains { $0.contains("duplicate coefficient id \"price.d\" (first at line 5)") })
            #expect(list.count == 7)
        }
    }

    @Test func layersOverrideInOrderAndKeepHistory() throws {
        func set(_ id: String, extends: String?, _ value: Double) throws -> CoefficientSet {
            let parent = extends.map { "\"extends\": \"\($0)\"," } ?? "\"price_index\": \"idx\","
            let text = """
            {"id": "\(id)", \(parent) "name_en": "\(id)", "name_zh": "\(id)", "coefficients": [
              {"id": "price.x", "value": \(value), "unit": "CNY/t", "base_year": 2008, "source": "\(id) source"}]}
            """
            return try CoefficientSet.parse(Array(text.utf8), file: "\(id).json")
        }
        let index = try PriceIndex.parse(Array(Self.index.utf8), file: "idx.json")
        let library = CoefficientLibrary(directory: "/", sets: ["a": try set("a", extends: nil, 1), "b": try set("b", extends: "a", 2),
                                                                 "c": try set("c", extends: "b", 3)], priceIndices: ["idx": index])
        let effective = try EffectiveCoefficients.resolve(library: library, setID: "c", overrides: [("price.x", 4)])
        #expect(effective.layers == ["a", "b", "c", "--set"])
        #expect(effective.entries["price.x"]!.value == 4)
        #expect(effective.history["price.x"]!.map(\.origin) == ["a", "b", "c", "--set"])
        // a price is indexed from its base year; a unit mismatch is reported with who needed it
        var lookup = CoefficientLookup(effective: effective, priceYear: 2014)
        #expect(abs(lookup.value("price.x", in: .known("CNY/kg"), for: "test") - 4 / 1000 * index.factor(from: 2008, to: 2014)!) < 1e-15)
        #expect(lookup.value("price.x", in: .known("CNY/t_CO2"), for: "carbon").isNaN)
        #expect(lookup.value("price.y", in: .known("CNY/t"), for: "other").isNaN)
        #expect(lookup.diagnostics.map(\.message) == [
            "coefficient \"price.x\" is in CNY/t (money / mass) but carbon needs CNY/t_CO2 (money / mass of CO2); set from --set",
            "missing coefficient \"price.y\" (CNY/t), needed by other (coefficient sets: a → b → c → --set); did you mean \"price.x\"?",
        ])
        #expect(lookup.usage["price.x"] == ["test", "carbon"])
        #expect(throws: GEPError.self) { try library.chain(to: "d") }
    }

    @Test func domainsReadIntervalNotation() throws {
        let share = try #require(CoefficientDomain(parsing: "[0, 1]"))
        #expect(share.contains(0) && share.contains(1) && !share.contains(-1e-12) && !share.contains(1.000001) && !share.contains(.nan))
        let positive = try #require(CoefficientDomain(parsing: " (0, inf) "))
        #expect(!positive.contains(0) && positive.contains(1e-300) && positive.contains(1e300) && !positive.contains(.infinity))
        #expect(positive.description == "(0, inf)" && share.description == "[0, 1]")
        #expect(CoefficientDomain(parsing: "[1, inf]")?.description == "[1, inf)")   // an infinite end is never included
        #expect(CoefficientDomain(parsing: "[0.5, 2.25)")?.description == "[0.5, 2.25)")
        for bad in ["0, 1", "[1, 0]", "(1, 1]", "[a, 1]", "[0; 1]", "[0, 1, 2]", "[nan, 1]", ""] {
            #expect(CoefficientDomain(parsing: bad) == nil, "\(bad)")
        }
        // a distribution stays inside when its support does
        #expect(share.covers(supportFrom: 0, to: 1) && !share.covers(supportFrom: -0.1, to: 0.5))
        #expect(!positive.covers(supportFrom: -.infinity, to: .infinity) && positive.covers(supportFrom: 0, to: .infinity))
    }

    @Test func valuesOutsideTheDomainAreRefusedInFilesLayersAndOverrides() throws {
        let text = """
        {"id": "s", "name_en": "s", "name_zh": "s", "coefficients": [
          {"id": "share.a", "value": 1.2, "unit": "1", "base_year": 2020, "source": "x", "low": -0.1, "high": 0.9, "domain": "[0, 1]"},
          {"id": "share.b", "value": 0.5, "unit": "1", "base_year": 2020, "source": "x", "domain": "0 to 1"}
        ]}
        """
        do {
            _ = try CoefficientSet.parse(Array(text.utf8), file: "s.json")
            Issue.record("expected problems")
        } catch {
            let messages = error.description
            #expect(messages.contains("s.json:2:") && messages.contains("coefficients[0].value: value 1.2 is outside the domain [0, 1]"))
            #expect(messages.contains("coefficients[0].low: low -0.1 is outside the domain [0, 1]"))
            #expect(messages.contains("value 1.2 is above its own high 0.9"))
            #expect(messages.contains("domain \"0 to 1\" is not an interval"))
        }
        // a later layer keeps the earlier layer's domain, and is checked against it; so is --set
        func set(_ id: String, extends: String?, _ entry: String) throws -> CoefficientSet {
            let parent = extends.map { "\"extends\": \"\($0)\"," } ?? "\"price_index\": \"idx\","
            return try CoefficientSet.parse(Array("""
                {"id": "\(id)", \(parent) "name_en": "\(id)", "name_zh": "\(id)", "coefficients": [\(entry)]}
                """.utf8), file: "\(id).json")
        }
        let index = try PriceIndex.parse(Array(Self.index.utf8), file: "idx.json")
        let library = CoefficientLibrary(directory: "/", sets: [
            "a": try set("a", extends: nil, #"{"id": "share.a", "value": 0.5, "unit": "1", "base_year": 2020, "source": "a", "domain": "[0, 1]"}"#),
            "b": try set("b", extends: "a", #"{"id": "share.a", "value": 0.7, "unit": "1", "base_year": 2020, "source": "b"}"#),
            "c": try set("c", extends: "b", #"{"id": "share.a", "value": 1.5, "unit": "1", "base_year": 2020, "source": "c"}"#),
        ], priceIndices: ["idx": index])
        let b = try EffectiveCoefficients.resolve(library: library, setID: "b")
        #expect(b.entries["share.a"]?.domain?.description == "[0, 1]")
        #expect(throws: GEPError.self) { try EffectiveCoefficients.resolve(library: library, setID: "b", overrides: [("share.a", -0.5)]) }
        do {
            _ = try EffectiveCoefficients.resolve(library: library, setID: "c")
            Issue.record("expected a problem")
        } catch {
            #expect(error.description.contains("c.json: share.a: value 1.5 is outside the domain [0, 1] set by an earlier layer"))
        }
    }

    /// Every coefficient the project ships lies inside its domain, and the bounded families have one.
    @Test func shippedCoefficientsHaveDomains() throws {
        let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
        let library = try CoefficientLibrary.load(directory: repository + "/coefficients")
        let effective = try EffectiveCoefficients.resolve(library: library, setID: "lianping")
        for (id, c) in effective.entries where !id.hasPrefix("carbon_rate.") {
            #expect(c.domain != nil, "\(id) has no domain")
        }
        #expect(effective.entries["runoff_coefficient.coniferous_forest"]?.domain?.description == "[0, 100]")
        #expect(effective.entries["cover_management_factor.orchard"]?.domain?.description == "[0, 1]")
        #expect(effective.entries["price.peach"]?.domain?.description == "[0, inf)")
    }
}
