import Testing
import GEPCore
import GEPReport
@testable import GEPAnalysis

/// The compensation quote as a table, Markdown and JSON, against text written by hand.
///
/// The quote: C = Q × P_w × K = 123,456,789 m³ × 0.01 CNY/m³ × 1 = 1,234,567.89 CNY (123.46 万元),
/// rounded half up to whole 万元: 123 万元 = 1,230,000 CNY, split 0.6 / 0.4 by largest remainder:
/// 73.8 → 73 and 49.2 → 49 leave one 万元, which goes to the larger fraction (0.8): 74 and 49 万元.
@Suite struct CompensationReportTests {
    static func part(_ symbol: String, _ label: String, _ value: Double, _ unit: String, _ source: String) -> QuotePart {
        QuotePart(symbol: symbol, label: label, value: value, unit: unit, source: source)
    }

    static let quote = CompensationQuote(
        id: "qc-test", scheme: "water_quantity", formula: "C = Q × P_w × K", direction: "downstream pays upstream (P ≤ 1)",
        parts: [part("Q", "water delivered", 123_456_789, "m3", "indicator water_delivered"),
                part("P_w", "water price", 0.01, "CNY/m3", "price.water_resource"),
                part("K", "quality factor", 1, "1", "test: monitoring")],
        amount: 1_234_567.89, roundedTotal: 1_230_000, rounding: QuoteRounding(unit: .wan_yuan, rule: .half_up),
        payers: [PayerAmount(id: "city_a", name: "City A", share: 0.6, shareSource: "test: agreement", exact: 740_740.734, rounded: 740_000),
                 PayerAmount(id: "city_b", name: "City B", share: 0.4, shareSource: "test: agreement", exact: 493_827.156, rounded: 490_000)],
        lowerBound: 600_000,
        lowerBoundParts: [part("A_paddy", "paddy forgone income", 400_000, "CNY", "test: survey"),
                          part("A_dry", "dry farmland forgone income", 200_000, "CNY", "test: survey")],
        upperBound: 2_500_000, upperBoundBasis: .regulating, upperBoundFormula: "V_regulating × draining share", boundCheck: .within,
        band: (low: 987_654.32, high: 1_481_481.48), bandMethod: "every coefficient at its low end, then at its high end",
        priceBasis: .current, priceYear: 2023, coefficientLayers: ["national", "test"],
        coefficients: [QuoteCoefficient(id: "price.water_resource", value: 0.01, unit: "CNY/m3", baseYear: 2023, source: "test: water resource fee",
                                         origin: "test", low: 0.008, high: 0.012),
                       QuoteCoefficient(id: "quality.factor_k", value: 1, unit: "1", baseYear: 2023, source: "test: monitoring", origin: "national",
                                        low: nil, high: nil)],
        inputFiles: ["test-2023.json", "quote.json"], inputsSHA256: "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")

    @Test func tableShowsAmountsInCNYAndWanYuanAndThePayerSplit() {
        let expected = """
        Ecological-compensation quote qc-test
        Scheme: water_quantity
        Formula: C = Q × P_w × K
        Price basis: current (2023 prices); coefficient sets: national → test
        Direction: downstream pays upstream (P ≤ 1)

        Formula parts
        symbol  what                   value  unit    source
        ───────────────────────────────────────────────────────────────────────
        Q       water delivered  123,456,789  m3      indicator water_delivered
        P_w     water price          0.01000  CNY/m3  price.water_resource
        K       quality factor         1.000  1       test: monitoring

        Amount (CNY)
        item                                       CNY    万元
        ──────────────────────────────────────────────────────
        amount (unrounded)                1,234,567.89  123.46
        rounded total                     1,230,000.00  123.00
        band low (coefficients at low)      987,654.32   98.77
        band high (coefficients at high)  1,481,481.48  148.15
        lower bound (opportunity cost)      600,000.00   60.00
        upper bound (regulating)          2,500,000.00  250.00

        Bounds check: within [lower, upper]
        Upper bound: V_regulating × draining share
        Rounding: total rounded to whole 万元 (10⁴ CNY) by round half up (halves away from zero); payer amounts by the largest-remainder method (floor of total × share, the remaining units go to the largest fractional parts, ties to the earlier payer), so they sum exactly to the rounded total
        Band: every coefficient at its low end, then at its high end

        Opportunity cost (lower bound)
        line                                CNY  source
        ─────────────────────────────────────────────────────
        paddy forgone income         400,000.00  test: survey
        dry farmland forgone income  200,000.00  test: survey

        Payers
        payer   id       share   exact (CNY)  rounded (CNY)  share source
        ────────────────────────────────────────────────────────────────────
        City A  city_a  0.6000    740,740.73     740,000.00  test: agreement
        City B  city_b  0.4000    493,827.16     490,000.00  test: agreement
        total            1.000  1,234,567.89   1,230,000.00

        Coefficients
        id                    value  unit    base year    low   high  set       source
        ────────────────────────────────────────────────────────────────────────────────────────────────
        price.water_resource   0.01  CNY/m3       2023  0.008  0.012  test      test: water resource fee
        quality.factor_k          1  1            2023                national  test: monitoring

        Inputs hashed: test-2023.json + quote.json
        SHA-256: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08

        """
        #expect(CompensationReport.render(Self.quote, format: .table) == expected)
        #expect(CompensationReport.render(Self.quote, format: .csv) == expected)
    }

    @Test func boundFlagsAndMissingBandAreSpelledOut() {
        var below = Self.quote
        below.boundCheck = .below_lower
        below.band = nil
        let text = CompensationReport.render(below, format: .table)
        #expect(text.contains("Bounds check: FLAG: below the lower bound (does not cover the opportunity cost)\n"))
        // without the 32-wide "band high …" row the first column is 30 wide ("lower bound (opportunity cost)")
        #expect(text.contains("\nband" + String(repeating: " ", count: 37) + "n/a" + String(repeating: " ", count: 5) + "n/a\n"))
        #expect(!text.contains("band low"))
        var above = Self.quote
        above.boundCheck = .above_upper
        above.direction = nil
        let aboveText = CompensationReport.render(above, format: .table)
        #expect(aboveText.contains("Bounds check: FLAG: above the upper bound (exceeds the ecosystem-service value)\n"))
        #expect(!aboveText.contains("Direction:"))
    }

    @Test func markdownHasTheSameFigures() {
        let markdown = CompensationReport.render(Self.quote, format: .markdown)
        let lines = markdown.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        #expect(Array(lines.prefix(7)) == ["# Ecological-compensation quote qc-test", "", "- Scheme: water_quantity", "- Formula: C = Q × P_w × K",
                                           "- Price basis: current (2023 prices); coefficient sets: national → test",
                                           "- Direction: downstream pays upstream (P ≤ 1)", ""])
        let amount = """
        ## Amount (CNY)

        | item | CNY | 万元 |
        | --- | ---: | ---: |
        | amount (unrounded) | 1,234,567.89 | 123.46 |
        | rounded total | 1,230,000.00 | 123.00 |
        | band low (coefficients at low) | 987,654.32 | 98.77 |
        | band high (coefficients at high) | 1,481,481.48 | 148.15 |
        | lower bound (opportunity cost) | 600,000.00 | 60.00 |
        | upper bound (regulating) | 2,500,000.00 | 250.00 |

        - Bounds check: within [lower, upper]
        """
        #expect(markdown.contains(amount))
        #expect(lines.contains("| total |  | 1.000 | 1,234,567.89 | 1,230,000.00 |  |"))
        #expect(lines.contains("| quality.factor_k | 1 | 1 | 2023 |  |  | national | test: monitoring |"))
        #expect(markdown.hasSuffix("- Inputs hashed: test-2023.json + quote.json\n- SHA-256: 9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08\n"))
    }

    @Test func jsonCarriesEveryFigureInCNY() {
        let expected = #"""
        {
          "amount_yuan": 1234567.89,
          "band": {
            "high_yuan": 1481481.48,
            "low_yuan": 987654.32
          },
          "band_method": "every coefficient at its low end, then at its high end",
          "bounds": {
            "check": "within",
            "lower_parts": [
              {
                "label": "paddy forgone income",
                "source": "test: survey",
                "symbol": "A_paddy",
                "unit": "CNY",
                "value": 400000
              },
              {
                "label": "dry farmland forgone income",
                "source": "test: survey",
                "symbol": "A_dry",
                "unit": "CNY",
                "value": 200000
              }
            ],
            "lower_yuan": 600000,
            "upper_basis": "regulating",
            "upper_formula": "V_regulating × draining share",
            "upper_yuan": 2500000
          },
          "coefficient_layers": [
            "national",
            "test"
          ],
          "coefficients": [
            {
              "base_year": 2023,
              "high": 0.012,
              "id": "price.water_resource",
              "low": 0.008,
              "set": "test",
              "source": "test: water resource fee",
              "unit": "CNY/m3",
              "value": 0.01
            },
            {
              "base_year": 2023,
              "high": null,
              "id": "quality.factor_k",
              "low": null,
              "set": "national",
              "source": "test: monitoring",
              "unit": "1",
              "value": 1
            }
          ],
          "direction": "downstream pays upstream (P ≤ 1)",
          "formula": "C = Q × P_w × K",
          "inputs": {
            "files": [
              "test-2023.json",
              "quote.json"
            ],
            "sha256": "9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"
          },
          "parts": [
            {
              "label": "water delivered",
              "source": "indicator water_delivered",
              "symbol": "Q",
              "unit": "m3",
              "value": 123456789
            },
            {
              "label": "water price",
              "source": "price.water_resource",
              "symbol": "P_w",
              "unit": "CNY/m3",
              "value": 0.01
            },
            {
              "label": "quality factor",
              "source": "test: monitoring",
              "symbol": "K",
              "unit": "1",
              "value": 1
            }
          ],
          "payers": [
            {
              "exact_yuan": 740740.734,
              "id": "city_a",
              "name": "City A",
              "rounded_yuan": 740000,
              "share": 0.6,
              "share_source": "test: agreement"
            },
            {
              "exact_yuan": 493827.156,
              "id": "city_b",
              "name": "City B",
              "rounded_yuan": 490000,
              "share": 0.4,
              "share_source": "test: agreement"
            }
          ],
          "price_basis": {
            "basis": "current",
            "price_year": 2023
          },
          "quote_id": "qc-test",
          "rounded_total_yuan": 1230000,
          "rounding": {
            "rule": "half_up",
            "text": "total rounded to whole 万元 (10⁴ CNY) by round half up (halves away from zero); payer amounts by the largest-remainder method (floor of total × share, the remaining units go to the largest fractional parts, ties to the earlier payer), so they sum exactly to the rounded total",
            "unit": "wan_yuan"
          },
          "scheme": "water_quantity"
        }

        """#
        #expect(CompensationReport.render(Self.quote, format: .json) == expected)
    }
}
