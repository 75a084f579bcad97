import Foundation
import Testing
import GEPAnalysis
import GEPCore
import GEPServices

/// Compensation quotes: SHA-256 vectors, rounding and the payer split, and each scheme
/// hand-computed from the Lianping account's own figures and the quote's inputs.
@Suite struct CompensationTests {
    static let repository = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().path
    static let lianping = repository + "/samples/lianping/lianping-2023.json"
    static let lianping2022 = repository + "/samples/lianping/lianping-2022.json"

    static func county(_ path: String) throws -> QuoteCountyInput {
        let bytes = try InputFile.read(path, relativeTo: "/")
        return QuoteCountyInput(input: try CountyInput.parse(bytes, file: path), bytes: bytes)
    }

    static func coefficients() throws -> EffectiveCoefficients {
        try EffectiveCoefficients.resolve(library: CoefficientLibrary.load(directory: repository + "/coefficients"), setID: "lianping")
    }

    static func q(_ value: Double, _ unit: String) -> String { #"{"value": \#(value), "unit": "\#(unit)", "source": "test"}"# }

    /// A quote document around a scheme section.
    static func quoteText(scheme: String, section: String, upper: String = "spillover", opportunityHa: Double = 1000,
                          payers: String? = nil, rounding: String = #"{"unit": "yuan", "rule": "half_up"}"#) -> String {
        let payerText = payers ?? #"[{"id": "a", "name": "A", "share": \#(q(0.6, "1"))}, {"id": "b", "name": "B", "share": \#(q(0.4, "1"))}]"#
        return """
        {"quote_id": "t", "county_input": "\(lianping)", "scheme": "\(scheme)", "\(scheme)": \(section),
         "opportunity_cost": [{"label": "forest", "area": \(q(opportunityHa, "ha")), "forgone_net_income": \(q(600, "CNY/ha"))}],
         "upper_bound": "\(upper)", "payers": \(payerText), "rounding": \(rounding)}
        """
    }

    static func run(_ text: String, previous: String? = nil) throws -> CompensationQuote {
        let bytes = Array(text.utf8)
        let spec = try QuoteSpec.parse(bytes, file: "quote.json")
        return try QuoteEngine.quote(spec: spec, quoteFile: "quote.json", quoteBytes: bytes, current: county(lianping),
                                     previous: try previous.map(county), coefficients: coefficients())
    }

    static func account(_ basis: PriceBasis? = nil, path: String = lianping) throws -> Account {
        try AccountBuilder.build(input: county(path).input, coefficients: coefficients(), priceBasis: basis)
    }

    static func close(_ a: Double, _ b: Double) -> Bool { abs(a - b) <= 1e-9 * max(1, abs(b)) }

    @Test func sha256StandardVectors() {
        #expect(SHA256.hex(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
        #expect(SHA256.hex([]) == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855")
        #expect(SHA256.hex(Array("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq".utf8))
                == "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1")
        #expect(SHA256.hex([UInt8](repeating: 0x61, count: 1_000_000)) == "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0")
    }

    @Test func roundingRules() {
        #expect(QuoteRounding(unit: .yuan, rule: .half_up).units(2.5) == 3)
        #expect(QuoteRounding(unit: .yuan, rule: .half_even).units(2.5) == 2)
        #expect(QuoteRounding(unit: .yuan, rule: .down).units(2.99) == 2)
        #expect(QuoteRounding(unit: .wan_yuan, rule: .half_up).units(12_345.0) == 1)
        #expect(QuoteRounding(unit: .wan_yuan, rule: .half_even).units(15_000.0) == 2)
    }

    @Test func largestRemainderSumsExactly() {
        // Naive half-up rounding of 3 × 0.5 gives 2 + 2 = 4 ≠ 3; the tie goes to the first payer.
        #expect(QuoteRounding.largestRemainder(totalUnits: 3, shares: [0.5, 0.5]) == [2, 1])
        // Naive rounding of 100 × 1/3 gives 33 × 3 = 99.
        let third = 1.0 / 3
        #expect(QuoteRounding.largestRemainder(totalUnits: 100, shares: [third, third, third]) == [34, 33, 33])
        #expect(QuoteRounding.largestRemainder(totalUnits: 7, shares: [0.15, 0.35, 0.5]) == [1, 2, 4])
        let split = QuoteRounding.largestRemainder(totalUnits: 1_000_003, shares: [0.35, 0.25, 0.2, 0.2])
        #expect(split.reduce(0, +) == 1_000_003)
    }

    @Test func waterQuantityQualityByHand() throws {
        let pollutants = """
        [{"id": "COD", "concentration": \(Self.q(3, "mg/L")), "standard": \(Self.q(6, "mg/L")), "weight": \(Self.q(0.5, "1"))},
         {"id": "TN", "concentration": \(Self.q(0.5, "mg/L")), "standard": \(Self.q(1, "mg/L")), "weight": \(Self.q(0.5, "1"))}]
        """
        let section = """
        {"water_price": \(Self.q(2, "CNY/m3")), "k0": \(Self.q(1, "1")), "pollutants": \(pollutants),
         "payment_capacity": {"payer_gdp_per_capita": \(Self.q(120000, "CNY/person")), "payee_gdp_per_capita": \(Self.q(60000, "CNY/person"))}}
        """
        let quote = try Self.run(Self.quoteText(scheme: "water_quantity_quality", section: section))
        let account = try Self.account()
        let delivered = try #require(account.indicators.first { $0.id == "water_delivered_to_reservoir" }).value
        // P = 1·(0.5·3/6 + 0.5·0.5/1) = 0.5; f_q = 2 − 0.5 = 1.5; k_c = 120000/60000 = 2; T = Q·2·1.5·2.
        #expect(Self.close(quote.amount, delivered * 2 * 1.5 * 2))
        #expect(quote.direction == "downstream pays upstream (P ≤ 1)")
        #expect(quote.parts.first { $0.symbol == "P" }?.value == 0.5)
        #expect(quote.lowerBound == 1000 * 600)
        let v = account.services
        func value(_ id: String) -> Double { v.first { $0.id.id == id }!.value }
        let soil = v.first { $0.id.id == "soil_retention" }!
        let sediment = zip(soil.lines, soil.lineValues).filter { $0.0.component == "sediment" }.reduce(0) { $0 + $1.1 }
        #expect(Self.close(quote.upperBound, 0.85 * (value("water_conservation") + value("water_purification") + sediment)))
        #expect(quote.roundedTotal == quote.amount.rounded(.toNearestOrAwayFromZero))
        #expect(quote.payers.reduce(0) { $0 + $1.rounded } == quote.roundedTotal)
        // Only the water price is a coefficient here, so the band comes from the account's Q alone (price given in the quote).
        let band = try #require(quote.band)
        #expect(band.low <= band.high)
    }

    @Test func pollutedWaterReversesDirectionAndIsFlagged() throws {
        let section = """
        {"water_price": {"coefficient": "price.reservoir_storage_cost"}, "k0": \(Self.q(1, "1")),
         "pollutants": [{"id": "COD", "concentration": \(Self.q(12, "mg/L")), "standard": \(Self.q(6, "mg/L")), "weight": \(Self.q(1, "1"))}],
         "payment_capacity": {"coefficient": \(Self.q(1, "1"))}}
        """
        let quote = try Self.run(Self.quoteText(scheme: "water_quantity_quality", section: section))
        // P = 2 → f_q = max(0, 2 − 2) = 0, upstream pays downstream; 0 < opportunity cost → flagged below.
        #expect(quote.direction == "upstream pays downstream (P > 1)")
        #expect(quote.amount == 0)
        #expect(quote.boundCheck == .below_lower)
        #expect(quote.coefficients.contains { $0.id == "price.reservoir_storage_cost" })
        // The storage cost's range (5.714–7.06 at 2008 prices) gives the band: here 0 at both ends.
        #expect(quote.band?.low == 0 && quote.band?.high == 0)
    }

    @Test func spilloverByHand() throws {
        let section = #"{"services": ["water_conservation", "soil_retention.sediment"]}"#
        let quote = try Self.run(Self.quoteText(scheme: "gep_spillover", section: section, upper: "regulating"))
        let account = try Self.account()
        let conservation = account.services.first { $0.id.id == "water_conservation" }!.value
        let soil = account.services.first { $0.id.id == "soil_retention" }!
        let sediment = zip(soil.lines, soil.lineValues).filter { $0.0.component == "sediment" }.reduce(0) { $0 + $1.1 }
        #expect(Self.close(quote.amount, 0.85 * (conservation + sediment)))
        #expect(Self.close(quote.upperBound, 0.85 * account.value(of: .regulating)))
        #expect(quote.boundCheck == .within)
        #expect(quote.payers.map(\.rounded).reduce(0, +) == quote.roundedTotal)
        #expect(Self.close(quote.payers[0].exact, 0.6 * quote.amount))
        let band = try #require(quote.band)
        #expect(band.low < quote.amount && quote.amount < band.high)
    }

    @Test func spilloverAboveUpperIsFlagged() throws {
        // The spill-over base against itself as upper is within; a huge opportunity cost puts it below.
        let quote = try Self.run(Self.quoteText(scheme: "gep_spillover", section: "{}", opportunityHa: 1e9))
        #expect(Self.close(quote.amount, quote.upperBound))
        #expect(quote.boundCheck == .below_lower)
        let water = try Self.run(Self.quoteText(scheme: "water_quantity_quality", section: """
        {"water_price": \(Self.q(1000, "CNY/m3")), "k0": \(Self.q(1, "1")),
         "pollutants": [{"id": "COD", "concentration": \(Self.q(3, "mg/L")), "standard": \(Self.q(6, "mg/L")), "weight": \(Self.q(1, "1"))}],
         "payment_capacity": {"coefficient": \(Self.q(1, "1"))}}
        """))
        #expect(water.boundCheck == .above_upper)
    }

    @Test func incrementByHand() throws {
        let section = #"{"previous_input": "\#(Self.lianping2022)", "constant_price_year": 2023, "rate": \#(Self.q(0.02, "1"))}"#
        let quote = try Self.run(Self.quoteText(scheme: "gep_increment", section: section,
                                                rounding: #"{"unit": "wan_yuan", "rule": "down"}"#), previous: Self.lianping2022)
        let now = try Self.account(.constant(2023)).total
        let before = try Self.account(.constant(2023), path: Self.lianping2022).total
        #expect(now > before)
        #expect(Self.close(quote.amount, 0.02 * (now - before)))
        #expect(quote.roundedTotal == (quote.amount / 1e4).rounded(.towardZero) * 1e4)
        #expect(quote.payers.map(\.rounded).reduce(0, +) == quote.roundedTotal)
        #expect(quote.priceBasis == .constant(2023))
        #expect(quote.inputFiles.count == 4)
    }

    @Test func sameQuoteSameHash() throws {
        let text = Self.quoteText(scheme: "gep_spillover", section: "{}")
        let a = try Self.run(text), b = try Self.run(text)
        #expect(a.inputsSHA256 == b.inputsSHA256 && a.inputsSHA256.count == 64)
        let c = try Self.run(text + " ")
        #expect(c.inputsSHA256 != a.inputsSHA256)
    }

    @Test func badQuotesReportEveryProblem() throws {
        let text = """
        {"quote_id": "t", "county_input": "x.json", "scheme": "gep_spilover",
         "opportunity_cost": [], "upper_bound": "spillover",
         "payers": [{"id": "a", "name": "A", "share": \(Self.q(0.6, "1"))}, {"id": "b", "name": "B", "share": \(Self.q(0.5, "1"))}],
         "rounding": {"unit": "yuan", "rule": "half_odd"}}
        """
        do {
            _ = try QuoteSpec.parse(Array(text.utf8), file: "q.json")
            Issue.record("expected a failure")
        } catch {
            guard case let .invalidData(list) = error else { Issue.record("\(error)"); return }
            let all = list.map(\.description).joined(separator: "\n")
            #expect(all.contains("did you mean \"gep_spillover\""))
            #expect(all.contains("sum to 1"))
            #expect(all.contains("rounding.rule"))
            #expect(list.allSatisfy { $0.line != nil && $0.column != nil })
        }
    }
}
