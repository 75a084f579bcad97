import Foundation
import Testing
import GEPCommandLine
import GEPCore

/// `gep sensitivity` as a user runs it, with its charts.
@Suite struct SensitivityCommandTests {
    func gep(_ arguments: [String]) -> RepositoryRun { RepositoryRun.gep(arguments) }

    @Test func methodsRunWithSeededReproducibleResultsAndCharts() throws {
        let scratch = try Scratch()
        let directory = scratch.path
        let input = "samples/lianping/lianping-2023.json", prices = "samples/lianping/sensitivity/prices.json"
        for (method, n) in [("tornado", "1"), ("montecarlo", "500"), ("sobol", "256")] {
            let chart = directory + "/\(method).svg"
            let first = gep(["sensitivity", method, input, "--params", prices, "--n", n, "--format", "json", "--chart", chart])
            #expect(first.status == 0, "\(method): \(first.stderr)")
            #expect(gep(["sensitivity", method, input, "--params", prices, "--n", n, "--format", "json"]).stdout == first.stdout)
            let svg = try String(contentsOfFile: chart, encoding: .utf8)
            #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
            #expect(svg.hasSuffix("</svg>\n"))
            #expect(!svg.contains("nan") && !svg.contains("inf"))
            let root = try JSONParser.parse(first.stdout, file: "stdout")
            #expect(root["linear_in_prices"]?.bool == true)
        }
        let sobol = try JSONParser.parse(gep(["sensitivity", "sobol", input, "--params", prices, "--n", "256", "--format", "json"]).stdout, file: "s")
        #expect(sobol["model_runs"]?.double == Double(256 * 12))
        let morris = gep(["sensitivity", "morris", input, "--params", "samples/lianping/sensitivity/prices-and-physics.json", "--n", "3"])
        #expect(morris.status == 0 && morris.stdout.contains("climate.ac_energy_efficiency_ratio"))
        #expect(gep(["sensitivity", "sobl", input, "--params", prices]).stderr.contains("did you mean 'sobol'?"))
        #expect(gep(["sensitivity", "morris", input, "--params", prices, "--chart", directory + "/m.svg"]).status == 64)
    }

    @Test func methodSwitchesShowTheirChoices() throws {
        let run = gep(["sensitivity", "tornado", "samples/lianping/lianping-2023.json", "--params", "samples/lianping/sensitivity/methods.json",
                       "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let root = try JSONParser.parse(run.stdout, file: "stdout")
        #expect(root["linear_in_prices"]?.bool == false)
        let rows = try #require(root["results"]?["parameters"]?.elements)
        let water = try #require(rows.first { $0["id"]?.string == "switch:water_conservation.method" })
        #expect(water["low"]?.string == "water_balance" && water["high"]?.string == "water_yield")
        let oxygen = try #require(rows.first { $0["id"]?.string == "switch:oxygen_release.enabled" })
        #expect(oxygen["low"]?.bool == false && oxygen["high"]?.bool == true)
        // counting oxygen release is worth the oxygen service's value in `gep account` (derived by
        // hand from the sample in LianpingServiceTests); 10.60 亿元 is a regression anchor
        let drop = try #require(oxygen["gep_at_high_yuan"]?.double) - (try #require(oxygen["gep_at_low_yuan"]?.double))
        let account = try JSONParser.parse(gep(["account", "samples/lianping/lianping-2023.json", "--format", "json"]).stdout, file: "account")
        let oxygenValue = try #require(account["services"]?.elements?.first { $0["id"]?.string == "oxygen_release" }?["value_yuan"]?.double)
        #expect(abs(drop - oxygenValue) <= 1e-9 * oxygenValue)
        #expect(abs(drop / 1e8 - 10.60) < 0.005)
        // three carbon methods: every one is run, the ends are the lowest and highest GEP (nep falls back
        // to stock change on this input, so the two tie and the first is shown); 9 + 2 + 2 + 3 runs
        let carbon = try #require(rows.first { $0["id"]?.string == "switch:carbon_sequestration.method" })
        #expect(carbon["low"]?.string == "stock_change" && carbon["high"]?.string == "rate")
        #expect(carbon["gep_at_low_yuan"]?.double == root["base_gep_yuan"]?.double)
        // every output at each end: GEP's row repeats the parameters' GEP, and oxygen release
        // switched off is 0 at the low end (false) and the base oxygen value at the high end
        let outputs = try #require(root["results"]?["outputs"]?.elements)
        #expect(outputs.count == 17 && outputs[0]["output"]?.string == "gep")
        let gepOxygen = try #require(outputs[0]["parameters"]?.elements?.first { $0["id"]?.string == "switch:oxygen_release.enabled" })
        #expect(gepOxygen["at_low_yuan"]?.double == oxygen["gep_at_low_yuan"]?.double)
        let oxygenOutput = try #require(outputs.first { $0["output"]?.string == "oxygen_release" })
        let oxygenSwitch = try #require(oxygenOutput["parameters"]?.elements?.first { $0["id"]?.string == "switch:oxygen_release.enabled" })
        #expect(oxygenSwitch["at_low_yuan"]?.double == 0 && oxygenSwitch["at_high_yuan"]?.double == oxygenOutput["base_yuan"]?.double)
        #expect(root["model_runs"]?.double == 16)
        let scratch = try Scratch()
        let directory = scratch.path
        let scenario = directory + "/rate.json"
        try Data("""
            {"id": "rate", "name_zh": "速率法", "name_en": "Rate method", "baseline": "\(RepositoryRun.repository)/samples/lianping/lianping-2023.json",
             "services": {"carbon_sequestration": {"method": "rate"}}}
            """.utf8).write(to: URL(fileURLWithPath: scenario))
        let compared = gep(["scenario", scenario, "--format", "json"])
        #expect(compared.status == 0, "\(compared.stderr)")
        let total = try JSONParser.parse(compared.stdout, file: "s")["scenarios"]?.elements?.first?["scenario"]?["total_yuan"]?.double
        #expect(carbon["gep_at_high_yuan"]?.double == total)
    }

    @Test func csvHasARecordPerParameterAndOutputMatchingTheJSON() throws {
        let input = "samples/lianping/lianping-2023.json", params = "samples/lianping/sensitivity/methods.json"
        let csv = gep(["sensitivity", "sobol", input, "--params", params, "--n", "128", "--format", "csv"])
        #expect(csv.status == 0, "\(csv.stderr)")
        let lines = csv.stdout.split(separator: "\n").map { $0.split(separator: ",", omittingEmptySubsequences: false).map(String.init) }
        #expect(lines[0] == ["parameter", "output", "s1", "s1_ci_low", "s1_ci_high", "st", "st_ci_low", "st_ci_high"])
        let json = try JSONParser.parse(gep(["sensitivity", "sobol", input, "--params", params, "--n", "128", "--format", "json"]).stdout, file: "j")
        let services = try #require(json["results"]?["gep"]?.elements)
        // 4 parameters × (GEP + 16 services)
        #expect(lines.count == 1 + 4 * 17)
        for row in services {
            let id = try #require(row["id"]?.string)
            let record = try #require(lines.first { $0[0] == id && $0[1] == "gep" })
            #expect(Double(record[2]) == row["s1"]?.double && Double(record[5]) == row["st"]?.double, "\(id)")
        }
        // a service no parameter moves has undefined indices: empty fields, not a number
        let constant = try #require(lines.first { $0[0] == "price.electricity" && $0[1] == "agricultural_products" })
        #expect(constant[2...].allSatisfy { $0.isEmpty })
    }

    @Test func aTerminalSeesProgressAndTheResultsAreUnchanged() {
        let arguments = ["sensitivity", "sobol", "samples/lianping/lianping-2023.json", "--params", "samples/lianping/sensitivity/methods.json",
                         "--n", "256", "--format", "json", "--threads", "2"]
        let watched = RepositoryRun.gep(arguments, stderrIsTerminal: true), quiet = gep(arguments)
        #expect(watched.status == 0 && watched.stdout == quiet.stdout)
        #expect(quiet.stderr.isEmpty)
        // N·(D+2) = 256 × 6 runs; every whole percent once, then the line is cleared
        #expect(watched.stderr.contains("\rgep sensitivity sobol: 100 % (1,536 of 1,536 runs)"))
        #expect(watched.stderr.components(separatedBy: "\r").count == 1 + 101 + 1)
        #expect(watched.stderr.hasSuffix("\r\u{1B}[K"))
    }

    @Test func theFullSampleVariesPricesPhysicsMethodsAndInputs() throws {
        let run = gep(["sensitivity", "tornado", "samples/lianping/lianping-2023.json", "--params", "samples/lianping/sensitivity/full.json",
                       "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let rows = try #require(try JSONParser.parse(run.stdout, file: "j")["results"]?["parameters"]?.elements)
        #expect(rows.count == 14)
        let ids = rows.compactMap { $0["id"]?.string }
        #expect(ids.contains("price.electricity") && ids.contains("climate.ac_energy_efficiency_ratio")
                && ids.contains("switch:oxygen_release.enabled") && ids.contains("input:climate.precipitation"))
        // more rain, more water retained: each end is `gep scenario` with the rain set to that end
        // (1,923.3 and 2,150.3 mm); storm rain, which flood storage uses, is a separate input
        let rain = try #require(rows.first { $0["id"]?.string == "input:climate.precipitation" })
        let low = try #require(rain["gep_at_low_yuan"]?.double), high = try #require(rain["gep_at_high_yuan"]?.double)
        let scratch = try Scratch()
        let directory = scratch.path
        func scenarioTotal(rain millimetres: Double) throws -> Double {
            let scenario = directory + "/rain.json"
            try Data("""
                {"id": "rain", "name_zh": "降水", "name_en": "Rain", "baseline": "\(RepositoryRun.repository)/samples/lianping/lianping-2023.json",
                 "adjust": [{"path": "climate.precipitation", "set": {"value": \(millimetres), "unit": "mm"}}]}
                """.utf8).write(to: URL(fileURLWithPath: scenario))
            let compared = gep(["scenario", scenario, "--format", "json"])
            #expect(compared.status == 0, "\(compared.stderr)")
            return try #require(try JSONParser.parse(compared.stdout, file: "s")["scenarios"]?.elements?.first?["scenario"]?["total_yuan"]?.double)
        }
        #expect(abs(low - (try scenarioTotal(rain: 1923.3))) <= 1e-9 * low)
        #expect(abs(high - (try scenarioTotal(rain: 2150.3))) <= 1e-9 * high)
        // the water balance is linear in P while no type's P − R − ET reaches 0, and the ends are
        // 113.5 mm either side of the input's 2,036.8 mm: the base lies halfway between them
        let base = try #require(try JSONParser.parse(run.stdout, file: "j")["base_gep_yuan"]?.double)
        #expect(abs((low + high) / 2 - base) <= 1e-9 * base)
        // regression anchors (亿元), the values above as first printed
        #expect(abs(low / 1e8 - 534.69) < 0.005)
        #expect(abs(high / 1e8 - 571.42) < 0.005)
    }

    @Test func gridInputsRunWithTheFastPathAndWithRebuilds() throws {
        let grid = "samples/lianping/grid/lianping-grid-2023.json"
        func gridTotal(_ set: String) throws -> Double {
            let run = gep(["grid", grid, "--format", "json", "--set", set])
            return try #require(try JSONParser.parse(run.stdout, file: "grid")["account"]?["total_yuan"]?.double)
        }
        func tornadoRow(_ params: String, _ id: String) throws -> JSONNode {
            let run = gep(["sensitivity", "tornado", grid, "--params", params, "--format", "json"])
            #expect(run.status == 0, "\(run.stderr)")
            let root = try JSONParser.parse(run.stdout, file: "t")
            return try #require(root["results"]?["parameters"]?.elements?.first { $0["id"]?.string == id })
        }
        // price-only: dot products on the grid account equal the grid rebuilt with that price
        let price = try tornadoRow("samples/lianping/sensitivity/prices.json", "price.reservoir_storage_cost")
        let priced = try gridTotal("price.reservoir_storage_cost=7.06")
        #expect(abs(try #require(price["gep_at_high_yuan"]?.double) / priced - 1) < 1e-12)
        // a physical coefficient: each run rebuilds the grid account
        let runoff = try tornadoRow("samples/lianping/sensitivity/prices-and-physics.json", "runoff_coefficient.coniferous_forest")
        #expect(runoff["gep_at_high_yuan"]?.double == (try gridTotal("runoff_coefficient.coniferous_forest=6.78")))
        // switches and input quantities are county-only
        let switches = gep(["sensitivity", "tornado", grid, "--params", "samples/lianping/sensitivity/methods.json"])
        #expect(switches.status == 65 && switches.stderr.contains("apply to county inputs, not grids"))
    }

    /// The grid sample's parameters (one or more per per-cell part, and valuation ones): each
    /// tornado end equals `gep grid --set` exactly, and the runs do not depend on the thread count.
    @Test func gridParametersFoldTheirPartsAndMatchTheGridCommand() throws {
        let grid = "samples/lianping/grid/lianping-grid-2023.json", params = "samples/lianping/sensitivity/grid.json"
        let run = gep(["sensitivity", "tornado", grid, "--params", params, "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let rows = try #require(try JSONParser.parse(run.stdout, file: "t")["results"]?["parameters"]?.elements)
        #expect(rows.count == 14)
        for id in ["water_yield.seasonality_z", "cover_management_factor.orchard", "carbon_rate.evergreen_broadleaf_forest", "soil.bulk_density"] {
            let row = try #require(rows.first { $0["id"]?.string == id })
            let high = try #require(row["high"]?.double)
            let set = gep(["grid", grid, "--format", "json", "--set", "\(id)=\(JSONWriter.formatNumber(high))"])
            let total = try JSONParser.parse(set.stdout, file: "grid")["account"]?["total_yuan"]?.double
            #expect(row["gep_at_high_yuan"]?.double == total, "\(id)")
        }
        let morris = ["sensitivity", "morris", grid, "--params", params, "--n", "4", "--format", "csv"]
        let one = gep(morris + ["--threads", "1"]), two = gep(morris + ["--threads", "2"])
        #expect(one.status == 0 && one.stdout == two.stdout)
    }

    /// The JSON states the design (settings and every parameter with its distribution as a
    /// parameter-file entry): read back as a parameter file, it reproduces the run. Morris and
    /// Sobol give indices for every output; method-specific options are checked.
    @Test func theJSONCarriesTheDesignAndEveryOutputsIndices() throws {
        let scratch = try Scratch()
        let directory = scratch.path
        let input = "samples/lianping/lianping-2023.json", full = "samples/lianping/sensitivity/full.json"
        let first = gep(["sensitivity", "sobol", input, "--params", full, "--n", "16", "--bootstrap", "20", "--confidence", "0.9", "--format", "json"])
        #expect(first.status == 0, "\(first.stderr)")
        let root = try JSONParser.parse(first.stdout, file: "first")
        let design = try #require(root["design"])
        #expect(design["base_samples"]?.double == 16 && design["bootstrap"]?.double == 20 && design["confidence"]?.double == 0.9)
        let entries = try #require(design["parameters"]?.elements)
        #expect(entries.count == Int(design["dimension"]?.double ?? 0))
        #expect(entries.contains { $0["input"]?.string == "climate.precipitation" && $0["distribution"]?["type"]?.string != nil })
        #expect(entries.contains { $0["method"]?.string == "water_conservation" })
        let outputs = try #require(root["results"]?["outputs"]?.elements)
        #expect(outputs.count == 17 && outputs[0]["output"]?.string == "gep")
        #expect(JSON(try #require(outputs[0]["parameters"])) == JSON(try #require(root["results"]?["gep"])))
        #expect(outputs.allSatisfy { $0["parameters"]?.elements?.count == entries.count })
        // the design's parameters as a parameter file: the same results
        let written = directory + "/design.json"
        try Data(JSONWriter.string(["parameters": JSON(design["parameters"]!)]).utf8).write(to: URL(fileURLWithPath: written))
        let again = gep(["sensitivity", "sobol", input, "--params", written, "--n", "16", "--bootstrap", "20", "--confidence", "0.9", "--format", "json"])
        #expect(again.status == 0, "\(again.stderr)")
        let results = try #require(try JSONParser.parse(again.stdout, file: "again")["results"])
        #expect(JSON(results) == JSON(try #require(root["results"])))
        // the interval level shows in the table; Morris takes its levels
        #expect(gep(["sensitivity", "sobol", input, "--params", full, "--n", "16", "--confidence", "0.9"]).stdout.contains("S1 90 % CI"))
        let morris = try JSONParser.parse(gep(["sensitivity", "morris", input, "--params", full, "--n", "2", "--levels", "6", "--format", "json"]).stdout, file: "m")
        #expect(morris["design"]?["levels"]?.double == 6 && morris["design"]?["delta"]?.double == 0.6)
        #expect(morris["results"]?["outputs"]?.elements?.count == 17)
        for bad in [["--levels", "5"], ["--bootstrap", "3"], ["--confidence", "1"]] {
            #expect(gep(["sensitivity", bad[0] == "--levels" ? "morris" : "sobol", input, "--params", full] + bad).status == 64, "\(bad)")
        }
        let misplaced = gep(["sensitivity", "tornado", input, "--params", full, "--levels", "6"])
        #expect(misplaced.status == 64 && misplaced.stderr.contains("'--levels' applies to morris"))
    }

    /// Draws the account refuses stop the analysis with exit 65: how many runs failed, and the
    /// first of them with their values and the reason; nothing is printed as a result.
    @Test func failedRunsStopTheAnalysisWithTheirReasons() throws {
        let scratch = try Scratch()
        let directory = scratch.path
        let params = directory + "/rain.json"
        try Data(#"{"parameters": [{"input": "climate.precipitation", "distribution": {"type": "normal", "mean": 100, "sd": 1000}}, {"coefficient": "price.carbon"}]}"#.utf8)
            .write(to: URL(fileURLWithPath: params))
        for (method, runs) in [("tornado", "1 of 5"), ("montecarlo", "of 100")] {
            let run = gep(["sensitivity", method, "samples/lianping/lianping-2023.json", "--params", params, "--n", "100"])
            #expect(run.status == 65 && run.stdout.isEmpty, "\(method)")
            #expect(run.stderr.contains("\(runs) model runs failed"), "\(run.stderr)")
            #expect(run.stderr.contains("run with input:climate.precipitation = -") && run.stderr.contains("must not be negative"))
        }
    }

    /// `--zone` analyses one zone's account: its tornado ends are that zone's row of `gep grid --set`.
    @Test func aGridZoneCanBeAnalysedAlone() throws {
        let grid = "samples/lianping/grid/lianping-grid-2023.json"
        let run = gep(["sensitivity", "tornado", grid, "--params", "samples/lianping/sensitivity/grid.json", "--zone", "xinfengjiang=1", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let root = try JSONParser.parse(run.stdout, file: "t")
        #expect(root["zone"]?.string == "xinfengjiang=1")
        let row = try #require(root["results"]?["parameters"]?.elements?.first { $0["id"]?.string == "price.reservoir_storage_cost" })
        let set = gep(["grid", grid, "--format", "json", "--set", "price.reservoir_storage_cost=7.06"])
        let zone = try #require(try JSONParser.parse(set.stdout, file: "g")["zones"]?["xinfengjiang"]?.elements?.first { $0["id"]?.double == 1 })
        let expected = try #require(zone["total_yuan"]?.double)
        #expect(abs(try #require(row["gep_at_high_yuan"]?.double) / expected - 1) < 1e-12)
        // price-only parameters take the dot-product path on the zone's lines, to the same value
        let linear = try JSONParser.parse(gep(["sensitivity", "tornado", grid, "--params", "samples/lianping/sensitivity/prices.json",
                                               "--zone", "xinfengjiang=1", "--format", "json"]).stdout, file: "l")
        #expect(linear["linear_in_prices"]?.bool == true)
        let priced = try #require(linear["results"]?["parameters"]?.elements?.first { $0["id"]?.string == "price.reservoir_storage_cost" })
        #expect(abs(try #require(priced["gep_at_high_yuan"]?.double) / expected - 1) < 1e-12)
        #expect(gep(["sensitivity", "tornado", grid, "--params", "samples/lianping/sensitivity/grid.json", "--zone", "xinfengjiang=7"]).status == 65)
        #expect(gep(["sensitivity", "tornado", grid, "--params", "samples/lianping/sensitivity/grid.json", "--zone", "xinfengjiang"]).status == 64)
        let county = gep(["sensitivity", "tornado", "samples/lianping/lianping-2023.json", "--params", "samples/lianping/sensitivity/prices.json", "--zone", "a=1"])
        #expect(county.status == 64 && county.stderr.contains("'--zone' applies to grid inputs"))
    }

    /// Designs the engine cannot run are refused before any run, never trapped: Sobol beyond
    /// 32 parameters or with N = 1, Sobol' points beyond 64 dimensions, a design larger than memory.
    @Test func designsTheEngineCannotRunAreRefused() throws {
        let scratch = try Scratch()
        let directory = scratch.path
        let library = try CoefficientLibrary.load(directory: RepositoryRun.repository + "/coefficients")
        let ranged = try EffectiveCoefficients.resolve(library: library, setID: "lianping").entries.values
            .filter { ($0.low ?? 0) < ($0.high ?? 0) }.map(\.id).sorted()
        #expect(ranged.count >= 65)
        func file(_ count: Int) throws -> String {
            let path = directory + "/p\(count).json"
            let entries = ranged.prefix(count).map { "{\"coefficient\": \"\($0)\"}" }.joined(separator: ", ")
            try Data("{\"parameters\": [\(entries)]}".utf8).write(to: URL(fileURLWithPath: path))
            return path
        }
        let input = "samples/lianping/lianping-2023.json"
        let sobol = gep(["sensitivity", "sobol", input, "--params", try file(33), "--n", "4"])
        #expect(sobol.status == 65 && sobol.stderr.contains("a Sobol analysis takes at most 32 parameters") && sobol.stderr.contains("this file has 33"))
        #expect(gep(["sensitivity", "sobol", input, "--params", try file(32), "--n", "2", "--bootstrap", "10"]).status == 0)
        let points = gep(["sensitivity", "montecarlo", input, "--params", try file(65), "--n", "8"])
        #expect(points.status == 65 && points.stderr.contains("use --sampler random"))
        #expect(gep(["sensitivity", "montecarlo", input, "--params", try file(65), "--n", "8", "--sampler", "random"]).status == 0)
        #expect(gep(["sensitivity", "sobol", input, "--params", "samples/lianping/sensitivity/prices.json", "--n", "1"]).status == 64)
        let huge = gep(["sensitivity", "sobol", input, "--params", "samples/lianping/sensitivity/prices.json", "--n", "10000000", "--bootstrap", "100000"])
        #expect(huge.status == 64 && huge.stderr.contains("GB") && huge.stderr.contains("lower --n"))
    }

    /// A scenario file as INPUT (county or grid): every run builds both accounts with the same
    /// draws and the outputs are the difference; it equals `gep scenario` (with `--set` for a drawn value).
    @Test func aScenariosDifferenceCarriesItsUncertainty() throws {
        let scenario = "samples/lianping/scenarios/plan-2028.json"
        let run = gep(["sensitivity", "tornado", scenario, "--params", "samples/lianping/sensitivity/prices.json", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let root = try JSONParser.parse(run.stdout, file: "t")
        #expect(root["scenario"]?.string == "plan_2028")
        func difference(_ extra: [String]) throws -> Double {
            let compared = gep(["scenario", scenario, "--format", "json"] + extra)
            return try #require(try JSONParser.parse(compared.stdout, file: "s")["scenarios"]?.elements?.first?["total"]?["difference_yuan"]?.double)
        }
        #expect(root["base_gep_yuan"]?.double == (try difference([])))
        let travel = try #require(root["results"]?["parameters"]?.elements?.first { $0["id"]?.string == "price.travel_cost_per_visit" })
        let high = try #require(travel["gep_at_high_yuan"]?.double)
        #expect(abs(high - (try difference(["--set", "price.travel_cost_per_visit=600"]))) <= 1e-9 * 5.7e10)
        let table = gep(["sensitivity", "tornado", scenario, "--params", "samples/lianping/sensitivity/prices.json"])
        #expect(table.stdout.hasPrefix("Sensitivity (tornado) of the difference") && table.stdout.contains("ΔGEP at high"))
        let changed = gep(["sensitivity", "tornado", "samples/lianping/scenarios/high-carbon-price.json", "--params", "samples/lianping/sensitivity/prices.json"])
        #expect(changed.status == 65 && changed.stderr.contains("the scenario changes price.carbon"))
        // a grid scenario: both grid accounts incremental; the base difference is `gep scenario`'s
        let gridScenario = "samples/lianping/scenarios/grid-steep-cropland-to-forest.json"
        let grid = gep(["sensitivity", "tornado", gridScenario, "--params", "samples/lianping/sensitivity/grid.json", "--format", "json"])
        #expect(grid.status == 0, "\(grid.stderr)")
        let gridDifference = try JSONParser.parse(gep(["scenario", gridScenario, "--format", "json"]).stdout, file: "g")["scenarios"]?.elements?.first?["total"]?["difference_yuan"]?.double
        #expect(try JSONParser.parse(grid.stdout, file: "t")["base_gep_yuan"]?.double == gridDifference)
    }
}
