import Foundation
import Testing
import GEPCommandLine
import GEPCore

/// `gep compensate` run in-process on the bundled Lianping quotes and on bad quote files.
@Suite struct CompensateCommandTests {
    static let repository = RepositoryRun.repository
    static let samples = "samples/lianping/compensation"

    func gep(_ arguments: String..., in directory: String = repository) -> RepositoryRun { RepositoryRun.gep(arguments, in: directory) }

    /// Writes `text` as `name` in a fresh temporary directory and returns the directory.
    func scratch(_ name: String, _ text: String) throws -> String {
        let directory = NSTemporaryDirectory() + "gep-compensate-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
        try text.write(toFile: directory + "/" + name, atomically: true, encoding: .utf8)
        return directory
    }

    static func q(_ value: Double, _ unit: String) -> String { #"{"value": \#(value), "unit": "\#(unit)", "source": "test"}"# }

    /// A valid water quote with `replacing` substitutions applied.
    func waterQuote(_ edits: [(String, String)] = []) -> String {
        var text = """
        {"quote_id": "t", "county_input": "\(Self.repository)/samples/lianping/lianping-2023.json",
         "scheme": "water_quantity_quality",
         "water_quantity_quality": {"water_price": WATER_PRICE, "k0": \(Self.q(1, "1")),
           "pollutants": [{"id": "COD", "concentration": \(Self.q(3, "mg/L")), "standard": STANDARD, "weight": \(Self.q(1, "1"))}],
           "payment_capacity": {"coefficient": \(Self.q(1, "1"))}},
         "opportunity_cost": [{"label": "forest", "area": \(Self.q(100, "ha")), "forgone_net_income": \(Self.q(600, "CNY/ha"))}],
         "upper_bound": "spillover",
         "payers": [{"id": "a", "name": "A", "share": SHARE_A}, {"id": "b", "name": "B", "share": \(Self.q(0.5, "1"))}],
         "rounding": {"unit": "yuan", "rule": "half_up"}}
        """
        let defaults = [("WATER_PRICE", Self.q(2, "CNY/m3")), ("STANDARD", Self.q(6, "mg/L")), ("SHARE_A", Self.q(0.5, "1"))]
        for (key, value) in edits + defaults { text = text.replacingOccurrences(of: key, with: value) }
        return text
    }

    @Test func everySampleQuoteRuns() throws {
        for name in ["water-quantity-quality-2023", "gep-spillover-2023", "gep-increment-2023"] {
            let run = gep("compensate", "\(Self.samples)/\(name).json")
            #expect(run.status == 0, "\(name): \(run.stderr)")
            #expect(run.stdout.contains("SHA-256: "), "\(name)")
            let markdown = gep("compensate", "\(Self.samples)/\(name).json", "--format", "markdown")
            #expect(markdown.status == 0 && markdown.stdout.hasPrefix("# Ecological-compensation quote"))
        }
    }

    @Test func jsonIsByteStableAndPayersSumToTheTotal() throws {
        let path = "\(Self.samples)/gep-spillover-2023.json"
        let first = gep("compensate", path, "--format", "json"), second = gep("compensate", path, "--format", "json")
        #expect(first.status == 0 && first.stdout == second.stdout)
        let root = try JSONParser.parse(first.stdout, file: "stdout")
        let total = try #require(root["rounded_total_yuan"]?.double)
        let payers = try #require(root["payers"]?.elements)
        #expect(payers.count == 4)
        #expect(payers.reduce(0) { $0 + $1["rounded_yuan"]!.double! } == total)
        #expect(root["inputs"]?["sha256"]?.string?.count == 64)
        #expect(root["coefficient_layers"]?.elements?.map { $0.string! } == ["national", "guangdong", "lianping"])
        #expect(root["bounds"]?["check"]?.string == "within")
    }

    @Test func outputFileMatchesStdout() throws {
        let directory = try scratch("quote.json", waterQuote())
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let run = gep("compensate", "quote.json", "--format", "json", "--output", "out.json", in: directory)
        #expect(run.status == 0, "\(run.stderr)")
        let written = try String(contentsOfFile: directory + "/out.json", encoding: .utf8)
        #expect(written == gep("compensate", "quote.json", "--format", "json", in: directory).stdout)
    }

    @Test func badSharesZeroStandardNegativePriceAllReported() throws {
        let directory = try scratch("quote.json", waterQuote([("WATER_PRICE", Self.q(-2, "CNY/m3")), ("STANDARD", Self.q(0, "mg/L")),
                                                              ("SHARE_A", Self.q(0.6, "1"))]))
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let run = gep("compensate", "quote.json", in: directory)
        #expect(run.status == 65)
        #expect(run.stderr.contains("3 problems found"), "\(run.stderr)")
        #expect(run.stderr.contains("quote.json:3:54: water_quantity_quality.water_price.value: must not be negative"), "\(run.stderr)")
        #expect(run.stderr.contains("standard concentration must be positive"))
        #expect(run.stderr.contains("payers: payer shares must sum to 1"))
    }

    @Test func unknownSchemeAndMissingFields() throws {
        let directory = try scratch("quote.json", #"{"quote_id": "t", "scheme": "water_quantity_qualty", "payers": []}"#)
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let run = gep("compensate", "quote.json", in: directory)
        #expect(run.status == 65)
        for text in ["did you mean \"water_quantity_quality\"", "missing required field \"county_input\"", "missing required field \"rounding\"",
                     "missing required field \"upper_bound\"", "missing required field \"opportunity_cost\"", "at least one payer", "quote.json:1:"] {
            #expect(run.stderr.contains(text), "\(text): \(run.stderr)")
        }
    }

    @Test func missingFilesExit66() throws {
        #expect(gep("compensate", "no-such-quote.json").status == 66)
        let directory = try scratch("quote.json", waterQuote().replacingOccurrences(of: "lianping-2023.json", with: "missing-2023.json"))
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let run = gep("compensate", "quote.json", in: directory)
        #expect(run.status == 66)
        #expect(run.stderr.contains("missing-2023.json"))
    }

    @Test func unknownCoefficientAndServiceAre65() throws {
        let directory = try scratch("quote.json", waterQuote([("WATER_PRICE", #"{"coefficient": "price.reservoir_storage_cst"}"#)]))
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let run = gep("compensate", "quote.json", in: directory)
        #expect(run.status == 65)
        #expect(run.stderr.contains("did you mean \"price.reservoir_storage_cost\""), "\(run.stderr)")
    }
}

/// A water quantity-quality quote whose water comes from a grid account's drainage zone.
@Suite struct GridQuoteTests {
    func gep(_ arguments: [String]) -> RepositoryRun { RepositoryRun.gep(arguments) }

    @Test func waterComesFromTheGridZoneAndTheQuoteIsReproducible() throws {
        let quote = "samples/lianping/compensation/water-from-grid-2023.json"
        let first = gep(["compensate", quote, "--format", "json"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(gep(["compensate", quote, "--format", "json"]).stdout == first.stdout)
        let grid = gep(["grid", "samples/lianping/grid/lianping-grid-2023.json", "--format", "json"])
        let zone = try #require(JSONParser.parse(grid.stdout, file: "grid")["zones"]?["xinfengjiang"]?.elements?.first { $0["id"]?.double == 1 })
        let expected = try #require(zone["water_yield_m3"]?.double)
        let root = try JSONParser.parse(first.stdout, file: "quote")
        let q = try #require(root["parts"]?.elements?.first { $0["symbol"]?.string == "Q" }?["value"]?.double)
        #expect(q == expected)
        #expect(first.stdout.contains("samples/lianping/compensation/../grid/lulc.tif"))
        #expect(!first.stdout.contains(AccountCommandTests.repository))
    }

    @Test func spilloverAndIncrementOnTheGrid() throws {
        func json(_ run: RepositoryRun) throws -> JSONNode { try JSONParser.parse(run.stdout, file: "stdout") }
        func part(_ root: JSONNode, _ symbol: String) -> Double? { root["parts"]?.elements?.first { $0["symbol"]?.string == symbol }?["value"]?.double }
        let grid = try json(gep(["grid", "samples/lianping/grid/lianping-grid-2023.json", "--format", "json"]))
        let water = try #require(grid["account"]?["services"]?.elements?.first { $0["id"]?.string == "water_conservation" }?["value_yuan"]?.double)
        let zones = try #require(grid["zones"]?["xinfengjiang"]?.elements)
        let cells = zones.reduce(0.0) { $0 + $1["cells"]!.double! }
        let draining = try #require(zones.first { $0["id"]?.double == 1 }?["cells"]?.double)

        let spill = gep(["compensate", "samples/lianping/compensation/grid-gep-spillover-2023.json", "--format", "json"])
        #expect(spill.status == 0, "\(spill.stderr)")
        let quote = try json(spill)
        #expect(part(quote, "V_water_conservation") == water)
        #expect(part(quote, "s") == draining / cells)
        let sediment = try #require(part(quote, "V_soil_retention.sediment"))
        let amount = try #require(quote["amount_yuan"]?.double)
        #expect(abs(amount - draining / cells * (water + sediment)) <= 1e-6 * amount)

        let increment = gep(["compensate", "samples/lianping/compensation/grid-gep-increment-2023.json", "--format", "json"])
        #expect(increment.status == 0, "\(increment.stderr)")
        let award = try json(increment)
        let now = try json(gep(["grid", "samples/lianping/grid/lianping-grid-2023.json", "--format", "json", "--prices", "constant:2023"]))
        let before = try json(gep(["grid", "samples/lianping/grid/lianping-grid-2022.json", "--format", "json", "--prices", "constant:2023"]))
        let delta = try #require(now["account"]?["total_yuan"]?.double) - (try #require(before["account"]?["total_yuan"]?.double))
        #expect(delta > 0)
        #expect(part(award, "ΔGEP") == delta)
        let awardAmount = try #require(award["amount_yuan"]?.double)
        #expect(abs(awardAmount - 0.02 * delta) <= 1e-9 * awardAmount)
    }
}
