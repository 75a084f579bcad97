#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation
import GEPCommandLine
import GEPCore
import Testing

/// Inputs that used to crash, hang or give exit 0 with a wrong or non-finite answer
/// (the hardening issue), each run as a user runs it, through the whole command.
@Suite struct HardeningTests {
    func gep(_ arguments: [String]) -> RepositoryRun { RepositoryRun.gep(arguments) }

    /// A copy of the sample grid in a scratch directory, so one file can be changed.
    func scratchGrid() throws -> (Scratch, String) {
        let scratch = try Scratch()
        try scratch.copy("samples/lianping/grid", to: "grid")
        try scratch.copy("samples/lianping/lianping-2023.json", to: "lianping-2023.json")
        return (scratch, scratch.file("grid/lianping-grid-2023.json"))
    }

    // MARK: Crashes and hangs

    @Test func aShortRowInTheClassesTableIsNamedNotATrap() throws {
        let (scratch, input) = try scratchGrid()
        var classes = try String(contentsOfFile: scratch.file("grid/classes.csv"), encoding: .utf8)
        // Row 2 (lucode 1) loses its optional name; a later row loses its ecosystem too.
        classes = classes.replacingOccurrences(of: "1,evergreen_broadleaf_forest,常绿阔叶林 Evergreen broadleaf forest",
                                               with: "1,evergreen_broadleaf_forest")
        classes += "99\n"
        try scratch.write("grid/classes.csv", classes)
        let run = gep(["grid", input])
        #expect(run.status == 65)
        #expect(run.stderr.contains("classes.csv:\(classes.split(separator: "\n").count): column 'ecosystem' is empty"), "\(run.stderr)")
        #expect(!run.stderr.contains("classes.csv:2:"), "a missing optional name is not a problem")
    }

    @Test func deeplyNestedUnitParenthesesAreAnErrorNotAStackOverflow() throws {
        let deep = String(repeating: "(", count: 10_000) + "t" + String(repeating: ")", count: 10_000)
        #expect(throws: UnitError.self) { try PhysicalUnit(parsing: deep) }
        do {
            _ = try PhysicalUnit(parsing: deep)
        } catch {
            #expect(error.description.contains("nested deeper than 64 levels"))
            #expect(error.description.count < 300, "the unit text is echoed cut short")
        }
        let sixtyFour = String(repeating: "(", count: 64) + "t/ha" + String(repeating: ")", count: 64)
        #expect(try PhysicalUnit(parsing: sixtyFour).isCompatible(with: PhysicalUnit(parsing: "t/ha")))
    }

    @Test func aHugeLandCoverCodeInAScenarioRuleIsAnError() throws {
        let scratch = try Scratch()
        let grid = RepositoryRun.repository + "/samples/lianping/grid"
        let scenario = try scratch.write("huge-code.json", """
            {"id": "huge", "name_zh": "大", "name_en": "Huge", "grid_baseline": "\(grid)/lianping-grid-2023.json",
             "land_cover_rule": {"from": [7, 1e300], "to": 1, "raster": "\(grid)/ls.tif", "above": 4}}
            """)
        let run = gep(["scenario", scenario])
        #expect(run.status == 65)
        #expect(run.stderr.contains("huge-code.json:2:"), "\(run.stderr)")
        #expect(run.stderr.contains("land_cover_rule.from: expected a land-cover code (an integer from 0 to 65535), found 1e+300"))
    }

    /// The sample water quote with its payment-capacity coefficient k_c set to `capacity`
    /// (the sample's 0.564 when `nil`), its county input named absolutely.
    func waterQuote(_ scratch: Scratch, _ name: String, capacity: String? = nil) throws -> String {
        var text = try String(contentsOfFile: RepositoryRun.repository + "/samples/lianping/compensation/water-quantity-quality-2023.json", encoding: .utf8)
            .replacingOccurrences(of: "\"../lianping-2023.json\"", with: "\"\(RepositoryRun.repository)/samples/lianping/lianping-2023.json\"")
        if let capacity { text = text.replacingOccurrences(of: "\"value\": 0.564", with: "\"value\": \(capacity)") }
        return try scratch.write(name, text)
    }

    @Test func aQuoteWhoseAmountOverflowsIsAnErrorNamingTheLargestPart() throws {
        let scratch = try Scratch()
        #expect(gep(["compensate", try waterQuote(scratch, "quote.json")]).status == 0, "the unchanged quote runs")
        let run = gep(["compensate", try waterQuote(scratch, "huge.json", capacity: "1e300")])
        #expect(run.status == 65, "\(run.stderr)")
        #expect(run.stderr.contains("huge.json: the quote's amount is not a finite number (inf CNY)"), "\(run.stderr)")
        #expect(run.stderr.contains("the largest part is k_c = 1e+300"))
    }

    @Test func aTotalBeyondExactSplittingIsRefused() throws {
        // k_c of 1e10 makes the amount about 1e21 yuan: finite, but beyond 2^53 whole yuan.
        let scratch = try Scratch()
        let run = gep(["compensate", try waterQuote(scratch, "large.json", capacity: "1e10")])
        #expect(run.status == 65, "\(run.stderr)")
        #expect(run.stderr.contains("large.json: rounding: the total of"), "\(run.stderr)")
        #expect(run.stderr.contains("is too large to round and split exactly among the payers"))
    }

    @Test func specialFilesAsInputsAreRefusedAtOnce() throws {
        let scratch = try Scratch()
        let fifo = scratch.file("input.fifo")
        #expect(mkfifo(fifo, 0o644) == 0)
        let fromFIFO = gep(["account", fifo])
        #expect(fromFIFO.status == 66)
        #expect(fromFIFO.stderr.contains("cannot open input '\(fifo)': is a FIFO (named pipe), not a regular file"), "\(fromFIFO.stderr)")
        let fromZero = gep(["account", "/dev/zero"])
        #expect(fromZero.status == 66)
        #expect(fromZero.stderr.contains("'/dev/zero': is a character device, not a regular file"), "\(fromZero.stderr)")
        let (gridScratch, input) = try scratchGrid()
        let text = try String(contentsOfFile: input, encoding: .utf8).replacingOccurrences(of: "\"precip.tif\"", with: "\"/dev/zero\"")
        try gridScratch.write("grid/lianping-grid-2023.json", text)
        let raster = gep(["grid", input])
        #expect(raster.status == 66, "\(raster.stderr)")
        #expect(raster.stderr.contains("/dev/zero"))
    }

    @Test func anInputLargerThanItsLimitIsRefusedBeforeReading() throws {
        let scratch = try Scratch()
        let path = try scratch.write("big.json", String(repeating: " ", count: 100) + "{}")
        #expect(throws: GEPError.self) { try InputFile.read(path, relativeTo: "", limit: 64) }
        do {
            _ = try InputFile.read(path, relativeTo: "", limit: 64)
        } catch {
            #expect(error.exitCode == 65)
            #expect(error.description.contains("big.json: the file is 102 bytes, larger than the 64-byte limit"))
        }
        #expect(try InputFile.read(path, relativeTo: "", limit: 102).count == 102)
    }

    @Test func aStringLongerThanTheLimitIsRefused() throws {
        let long = "{\"name\": \"" + String(repeating: "x", count: JSONParser.maximumStringBytes + 1) + "\"}"
        #expect(throws: GEPError.self) { try JSONParser.parse(Array(long.utf8), file: "long.json") }
        let atLimit = "{\"name\": \"" + String(repeating: "x", count: JSONParser.maximumStringBytes) + "\"}"
        #expect(throws: Never.self) { try JSONParser.parse(Array(atLimit.utf8), file: "ok.json") }
    }

    // MARK: Silent wrong answers

    @Test func aPriceThatOverflowsIsAnErrorNamingIt() {
        for command in [["account", "samples/lianping/lianping-2023.json"], ["grid", "samples/lianping/grid/lianping-grid-2023.json"]] {
            let run = gep(command + ["--set", "price.carbon=1e308", "--format", "json"])
            #expect(run.status == 65, "\(command[0])")
            #expect(run.stdout.isEmpty)
            #expect(run.stderr.contains("services.carbon_sequestration: the value of line"), "\(run.stderr)")
            #expect(run.stderr.contains("price.carbon = 1e+308 CNY/t_CO2 (from --set)"))
        }
    }

    @Test func tableValuesBeyondFloat32AreNamed() throws {
        let scratch = try Scratch()
        let tables = scratch.file("bio.csv")
        try "lucode,lulc_veg,root_depth,kc\n1,1,7000,1e39\n".write(toFile: tables, atomically: true, encoding: .utf8)
        let s = RepositoryRun.repository + "/samples/lianping/grid"
        let run = gep(["water-yield", "--lulc", "\(s)/lulc.tif", "--precipitation", "\(s)/precip.tif", "--eto", "\(s)/eto.tif",
                       "--depth-to-root-rest-layer", "\(s)/depth_to_root_rest_layer.tif", "--pawc", "\(s)/pawc.tif",
                       "--biophysical-table", tables, "--seasonality-constant", "5"])
        #expect(run.status == 65)
        #expect(run.stderr.contains("bio.csv:2: column 'kc': 1e39 is outside the range of a 32-bit float"), "\(run.stderr)")
    }

    @Test func anASCIIGridCellBeyondFloat32IsNamed() throws {
        let scratch = try Scratch()
        let path = try scratch.write("cells.asc", "ncols 2\nnrows 2\nxllcorner 0\nyllcorner 0\ncellsize 30\n1 2\n1e39 4\n")
        let run = gep(["raster", "info", path, "--stats"])
        #expect(run.status == 65)
        #expect(run.stderr.contains("cells.asc:7:1: '1e39' is outside the range of a 32-bit float"), "\(run.stderr)")
    }

    @Test func anAdjustmentThatOverflowsBlamesTheScenario() throws {
        let scratch = try Scratch()
        let scenario = try scratch.write("overflow.json", """
            {"id": "overflow", "name_zh": "溢出", "name_en": "Overflow", "baseline": "\(RepositoryRun.repository)/samples/lianping/lianping-2023.json",
             "adjust": [{"path": "climate.precipitation", "multiply": 1e308}]}
            """)
        let run = gep(["scenario", scenario])
        #expect(run.status == 65)
        #expect(run.stderr.contains("overflow.json: adjust[0]: climate.precipitation: multiplying"), "\(run.stderr)")
        #expect(!run.stderr.contains(/lianping-2023\.json:\d/), "no line of the untouched baseline is blamed")
    }

    @Test func aScenarioWhoseChangedInputFailsBlamesTheScenarioNotABaselineLine() throws {
        let scratch = try Scratch()
        // Finite after the adjustment, but the account overflows: the problem is the scenario's.
        let scenario = try scratch.write("huge-rain.json", """
            {"id": "huge_rain", "name_zh": "暴雨", "name_en": "Huge rain", "baseline": "\(RepositoryRun.repository)/samples/lianping/lianping-2023.json",
             "adjust": [{"path": "climate.precipitation", "multiply": 1e304}]}
            """)
        let run = gep(["scenario", scenario])
        #expect(run.status == 65)
        #expect(run.stderr.contains("huge-rain.json: services."), "\(run.stderr)")
        #expect(run.stderr.contains("after applying the scenario to"))
        #expect(!run.stderr.contains(/lianping-2023\.json:\d/), "no line of the untouched baseline is blamed")
    }

    @Test func standardOutputThatCannotBeWrittenFailsWith74() {
        let out = StringSink(capacity: 100), err = StringSink()
        let context = CommandContext(stdout: out, stderr: err, environment: [:], workingDirectory: RepositoryRun.repository)
        let status = GEPTool.tool.run(arguments: ["account", "samples/lianping/lianping-2023.json"], context: context)
        #expect(status == 74)
        #expect(err.text == "Error: I/O error on 'standard output': no space left on device\n")
        let help = GEPTool.tool.run(arguments: ["--help"], context: CommandContext(stdout: StringSink(capacity: 10), stderr: StringSink(),
                                                                                  environment: [:], workingDirectory: "/"))
        #expect(help == 74)
    }

    // MARK: Messages

    @Test func problemListsAreCappedWithACountOfTheRest() throws {
        let scratch = try Scratch()
        var text = try String(contentsOfFile: RepositoryRun.repository + "/samples/lianping/lianping-2023.json", encoding: .utf8)
        let keys = (0..<2000).map { "\"unknown_key_\($0)\": 1" }.joined(separator: ", ")
        text = text.replacingOccurrences(of: "{", with: "{" + keys + ", ", options: [], range: text.range(of: "{"))
        let path = try scratch.write("many.json", text)
        let run = gep(["account", path])
        #expect(run.status == 65)
        let lines = run.stderr.split(separator: "\n")
        #expect(lines.count == 1 + FieldReader.listedUnknownKeys + 1, "header, 20 unknown keys, the rest counted")
        #expect(run.stderr.contains("… and 1980 more unknown keys here"))
        // Any list stops after 50 problems, with a count of the rest.
        let many = GEPError.invalidData((0..<120).map { Diagnostic(file: "f.json", line: $0 + 1, message: "problem \($0)") }).description
        let listed = many.split(separator: "\n")
        #expect(listed.count == 1 + GEPError.listedProblems + 1)
        #expect(listed.first == "120 problems found:")
        #expect(listed.last == "  … and 70 more problems (the first 50 are listed)")
    }

    /// The sample county input with `replace` swapped for `with`, written to a scratch file.
    func changedSample(_ scratch: Scratch, _ name: String, replacing target: String, with replacement: String) throws -> String {
        let text = try String(contentsOfFile: RepositoryRun.repository + "/samples/lianping/lianping-2023.json", encoding: .utf8)
        #expect(text.contains(target))
        return try scratch.write(name, text.replacingOccurrences(of: target, with: replacement))
    }

    @Test func aPriceNamingNoCoefficientIsLocatedAtItsLine() throws {
        let scratch = try Scratch()
        let path = try changedSample(scratch, "price.json", replacing: "\"price\": \"price.rice\"", with: "\"price\": \"price.rcie\"")
        let run = gep(["account", path])
        #expect(run.status == 65)
        #expect(run.stderr.contains(/price\.json:\d+:\d+: services\.agricultural_products\.products\[0\]\.price: price "price\.rcie" names no coefficient in force \(expected a price in CNY\/t\); did you mean "price\.rice"\?/), "\(run.stderr)")
        #expect(run.stderr.hasPrefix("Error: 1 problem found:"), "reported once, where it is written")
    }

    @Test func anUnknownCoefficientSetNamesTheFileThatNamesIt() throws {
        let scratch = try Scratch()
        let path = try changedSample(scratch, "set.json", replacing: "\"coefficient_set\": \"lianping\"", with: "\"coefficient_set\": \"lianpign\"")
        let run = gep(["account", path])
        #expect(run.status == 65)
        #expect(run.stderr.contains("set.json: coefficient_set: unknown coefficient set \"lianpign\"; did you mean \"lianping\"?"), "\(run.stderr)")
    }

    @Test func aPriceYearTheIndexLacksIsReportedOnceWithTheYearsItCovers() throws {
        let scratch = try Scratch()
        let path = try changedSample(scratch, "year.json", replacing: "\"price_basis\": \"current\"", with: "\"price_basis\": \"constant:1900\"")
        let run = gep(["account", path])
        #expect(run.status == 65)
        #expect(run.stderr.hasPrefix("Error: 1 problem found:"), "\(run.stderr)")
        #expect(run.stderr.contains(/year\.json: price index "cn_cpi" has no level for 1900 \(it covers \d{4}–\d{4}\), so \d+ prices cannot be moved to 1900 prices: price\./))
        let flag = gep(["account", "samples/lianping/lianping-2023.json", "--prices", "constant:1800"])
        #expect(flag.status == 64)
        #expect(flag.stderr.contains(/'--prices': the price index "cn_cpi" has no level for 1800 \(it covers \d{4}–\d{4}\)/), "\(flag.stderr)")
    }

    @Test func aFileGivenToTheWrongCommandIsNamedForWhatItIs() {
        let cases: [([String], String)] = [
            (["account", "samples/lianping/grid/lianping-grid-2023.json"], "this is a grid input, not a county input as 'gep account' expects; it is read by gep grid FILE"),
            (["grid", "samples/lianping/scenarios/plan-2028.json"], "this is a scenario file, not a grid input as 'gep grid' expects; it is read by gep scenario FILE"),
            (["compensate", "samples/lianping/lianping-2023.json"], "this is a county input, not a compensation quote as 'gep compensate' expects"),
            (["scenario", "samples/lianping/sensitivity/full.json"], "this is a sensitivity parameter file, not a scenario file"),
            (["sensitivity", "tornado", "samples/lianping/lianping-2023.json", "--params", "samples/lianping/scenarios/dry-year.json"],
             "this is a scenario file, not a sensitivity parameter file as 'gep sensitivity --params' expects"),
            (["account", "coefficients/sets/lianping.json"], "this is a coefficient set, not a county input"),
        ]
        for (arguments, message) in cases {
            let run = gep(arguments)
            #expect(run.status == 65, "\(arguments)")
            #expect(run.stderr.hasPrefix("Error: 1 problem found:") && run.stderr.contains(message), "\(arguments): \(run.stderr)")
        }
    }

    @Test func requiredOptionsAreShownWithoutBracketsAndAllMissingOnesNamed() {
        let help = gep(["carbon", "--help"])
        #expect(help.stdout.contains("USAGE: gep carbon --lulc <file> [--lulc-future <file>] --carbon-pools <csv>\n"), "\(help.stdout)")
        let run = gep(["water-yield", "--lulc", "x.tif"])
        #expect(run.status == 64)
        #expect(run.stderr.contains("Error: Missing '--precipitation', '--eto', '--depth-to-root-rest-layer', '--pawc', '--biophysical-table', '--seasonality-constant'"), "\(run.stderr)")
        #expect(gep(["sensitivity", "tornado", "samples/lianping/lianping-2023.json"]).stderr.contains("Missing '--params'"))
        #expect(gep(["sensitivity", "--help"]).stdout.contains("Label language of the --chart SVG"), "the help says what --lang changes")
    }

    /// A sample quote copied into `scratch` with its relative inputs named absolutely and
    /// `target` replaced by `replacement`.
    func changedQuote(_ scratch: Scratch, _ sample: String, replacing target: String, with replacement: String) throws -> String {
        let text = try String(contentsOfFile: RepositoryRun.repository + "/samples/lianping/compensation/" + sample, encoding: .utf8)
            .replacingOccurrences(of: "\"../", with: "\"\(RepositoryRun.repository)/samples/lianping/")
        #expect(text.contains(target))
        return try scratch.write(sample, text.replacingOccurrences(of: target, with: replacement))
    }

    @Test func anEmptySpilloverServiceIsAnErrorNotATrap() throws {
        let scratch = try Scratch()
        let quote = try changedQuote(scratch, "gep-spillover-2023.json", replacing: "\"water_conservation\",", with: "\"\", \"water_conservation\",")
        let run = gep(["compensate", quote])
        #expect(run.status == 65, "\(run.stderr)")
        #expect(run.stderr.contains("gep-spillover-2023.json: gep_spillover.services[0]: unknown service \"\""), "\(run.stderr)")
    }

    @Test func aZoneSetTheGridLacksIsTheQuotesProblem() throws {
        let scratch = try Scratch()
        let quote = try changedQuote(scratch, "grid-gep-spillover-2023.json", replacing: "\"zone_set\": \"xinfengjiang\"", with: "\"zone_set\": \"xinfengjing\"")
        let run = gep(["compensate", quote])
        #expect(run.status == 65)
        #expect(run.stderr.contains("grid-gep-spillover-2023.json: draining_zone.zone_set: the grid "), "\(run.stderr)")
        #expect(run.stderr.contains("has no zone set \"xinfengjing\" (zone sets: township, subwatershed, xinfengjiang)"))
    }

    @Test func aMissingFileNamedInAnInputNamesTheEntryThatNamesIt() throws {
        let (scratch, input) = try scratchGrid()
        try FileManager.default.removeItem(atPath: scratch.file("grid/precip.tif"))
        let run = gep(["grid", input])
        #expect(run.status == 66)
        #expect(run.stderr.contains("precip.tif': no such file or directory (named at layers.precipitation in \(input))"), "\(run.stderr)")
        let scenario = try scratch.write("s.json", #"{"id": "s", "name_zh": "s", "name_en": "s", "baseline": "missing.json"}"#)
        let missing = gep(["scenario", scenario])
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("missing.json': no such file or directory (named at baseline in \(scenario))"), "\(missing.stderr)")
    }

    @Test func aTinyDivisorThatOverflowsAServiceIsNamed() {
        let run = gep(["account", "samples/lianping/lianping-2023.json", "--set", "climate.ac_energy_efficiency_ratio=1e-320"])
        #expect(run.status == 65)
        #expect(run.stderr.contains("services.climate_regulation: the physical quantity is not a finite number"), "\(run.stderr)")
        #expect(run.stderr.contains("coefficients to check: climate.ac_energy_efficiency_ratio = 1e-320"))
    }

    @Test func aUserCoefficientLayerIsNamedWhenItsValueOverflowsOrItsIndexIsUnknown() throws {
        let scratch = try Scratch()
        let layer = try scratch.write("layer.json", #"{"id": "mine", "name_en": "Mine", "name_zh": "我的", "price_index": "cn_cpj", "coefficients": []}"#)
        let unknown = gep(["account", "samples/lianping/lianping-2023.json", "--coefficients", layer])
        #expect(unknown.status == 65)
        #expect(unknown.stderr.contains("layer.json: price_index: unknown price index \"cn_cpj\"; did you mean \"cn_cpi\"?"), "\(unknown.stderr)")
        let huge = try scratch.write("huge.json", #"{"id": "mine", "name_en": "Mine", "name_zh": "我的", "coefficients": [{"id": "price.carbon", "value": 1e308, "unit": "CNY/t_CO2", "base_year": 2023, "source": "test"}]}"#)
        let overflow = gep(["account", "samples/lianping/lianping-2023.json", "--coefficients", huge])
        #expect(overflow.status == 65)
        #expect(overflow.stderr.contains("price.carbon = 1e+308 CNY/t_CO2 (from mine, \(huge))"), "\(overflow.stderr)")
    }

    @Test func coefficientsShowNamesTheInputWhoseSetIsUnknown() throws {
        let scratch = try Scratch()
        let path = try changedSample(scratch, "set.json", replacing: "\"coefficient_set\": \"lianping\"", with: "\"coefficient_set\": \"\"")
        let run = gep(["coefficients", "show", "--input", path])
        #expect(run.status == 65)
        #expect(run.stderr.contains("set.json: coefficient_set: unknown coefficient set \"\""), "\(run.stderr)")
    }

    @Test func aBiophysicalKcThatOverflowsTheCurveNamesTheTable() throws {
        let scratch = try Scratch()
        let table = try String(contentsOfFile: RepositoryRun.repository + "/Tests/GEPGridTests/Fixtures/biophysical_table.csv", encoding: .utf8)
        var lines = table.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let header = lines[0].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }
        let kc = try #require(header.firstIndex(of: "kc"))
        var cells = lines[1].split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        cells[kc] = "99999999999999999999"
        lines[1] = cells.joined(separator: ",")
        let path = try scratch.write("bio.csv", lines.joined(separator: "\n"))
        let s = RepositoryRun.repository + "/samples/lianping/grid"
        let run = gep(["water-yield", "--lulc", "\(s)/lulc.tif", "--precipitation", "\(s)/precip.tif", "--eto", "\(s)/eto.tif",
                       "--depth-to-root-rest-layer", "\(s)/depth_to_root_rest_layer.tif", "--pawc", "\(s)/pawc.tif",
                       "--biophysical-table", path, "--seasonality-constant", "10", "--format", "json"])
        #expect(run.status == 65, "\(run.stdout.prefix(200))")
        #expect(run.stderr.contains("bio.csv: the per-cell results are not finite numbers"), "\(run.stderr)")
    }

    @Test func aMillionDigitNumberIsNotEchoedInFull() throws {
        let text = "{\"x\": 1" + String(repeating: "0", count: 1_000_000) + "}"
        do {
            _ = try JSONParser.parse(Array(text.utf8), file: "digits.json")
            Issue.record("a number beyond Double must be refused")
        } catch {
            #expect(error.description.count < 400, "\(error.description.count) characters")
            #expect(error.description.contains("more characters)"))
        }
    }
}
