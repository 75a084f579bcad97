import Foundation
import Testing
import GEPCommandLine
import GEPCore
import GEPRaster

/// The grid commands as a user runs them on the committed synthetic sample.
@Suite struct GridCommandTests {
    static let repository = AccountCommandTests.repository
    static let sample = "samples/lianping/grid"

    func gep(_ arguments: [String], in directory: String = repository) -> RepositoryRun { RepositoryRun.gep(arguments, in: directory) }

    func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "gep-grid-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    var waterYieldArguments: [String] {
        let s = Self.sample
        return ["water-yield", "--lulc", "\(s)/lulc.tif", "--precipitation", "\(s)/precip.tif", "--eto", "\(s)/eto.tif",
                "--depth-to-root-rest-layer", "\(s)/depth_to_root_rest_layer.tif", "--pawc", "\(s)/pawc.tif",
                "--biophysical-table", "Tests/GEPGridTests/Fixtures/biophysical_table.csv", "--seasonality-constant", "10",
                "--watersheds", "\(s)/subws_id.tif"]
    }

    @Test func gridAccountZonesAddUpAndMatchTheWaterYieldModel() throws {
        let run = gep(["grid", "\(Self.sample)/lianping-grid-2023.json", "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let root = try JSONParser.parse(run.stdout, file: "stdout")
        let total = try #require(root["account"]?["total_yuan"]?.double)
        for set in ["township", "subwatershed", "xinfengjiang"] {
            let rows = try #require(root["zones"]?[set]?.elements)
            let sum = rows.reduce(0.0) { $0 + $1["total_yuan"]!.double! }
            #expect(abs(sum / total - 1) < 1e-12, "\(set)")
        }
        #expect(root["zones"]?["township"]?.elements?.count == 13)
        // with water conservation by Fu–Budyko, the grid account's water yield and gep water-yield
        // use the same parameters for these classes (coefficient sets vs the InVEST table), so
        // their volumes agree
        let scratch = try Scratch()
        try scratch.copy("samples/lianping/grid", to: "grid")
        try scratch.copy("samples/lianping/lianping-2023.json", to: "lianping-2023.json")
        let text = try String(contentsOfFile: scratch.file("grid/lianping-grid-2023.json"), encoding: .utf8)
            .replacingOccurrences(of: "\"county_input\"", with: "\"services\": {\"water_conservation\": {\"method\": \"water_yield\"}},\n  \"county_input\"")
        try scratch.write("grid/lianping-grid-2023.json", text)
        let budyko = try JSONParser.parse(gep(["grid", scratch.file("grid/lianping-grid-2023.json"), "--format", "json"]).stdout, file: "stdout")
        let gridYield = try #require(budyko["account"]?["indicators"]?.elements?.first { $0["id"]?.string == "water_yield" }?["value"]?.double)
        let model = gep(waterYieldArguments + ["--format", "json"])
        #expect(model.status == 0, "\(model.stderr)")
        let modelRoot = try JSONParser.parse(model.stdout, file: "stdout")
        let volume = try #require(modelRoot["total"]?["wyield_vol_m3"]?.double)
        #expect(abs(gridYield / volume - 1) < 1e-12)
        // per sub-watershed, the grid's water yield is gep water-yield's volume bit for bit:
        // the same Float cell values summed in the same order
        let modelZones = try #require(modelRoot["zones"]?.elements)
        let gridZones = try #require(budyko["zones"]?["subwatershed"]?.elements).filter { $0["id"]?.double != 0 }
        #expect(modelZones.count == gridZones.count && modelZones.count > 5)
        for (mine, theirs) in zip(gridZones, modelZones) {
            #expect(mine["id"]?.double == theirs["id"]?.double)
            let (a, b) = (try #require(mine["water_yield_m3"]?.double), try #require(theirs["wyield_vol_m3"]?.double))
            #expect(a.bitPattern == b.bitPattern, "zone \(mine["id"]?.double ?? -1): grid \(a), water-yield \(b)")
        }
    }

    /// A zone set given as a GeoJSON polygon file runs as the user would run it: the zones keep
    /// their 12-digit codes and carry their names into the JSON and the table; a wrong id
    /// property is exit 65 naming the file, the line and the property, and writes nothing.
    @Test func polygonZonesRunWithNamesAndBadOnesAreRefused() throws {
        let scratch = try Scratch()
        try scratch.copy(Self.sample, to: "grid")
        try scratch.copy("samples/lianping/lianping-2023.json", to: "lianping-2023.json")
        try scratch.copy("Tests/GEPGridTests/Fixtures/vector/sample_townships.geojson", to: "grid/townships.geojson")
        let original = try String(contentsOfFile: scratch.file("grid/lianping-grid-2023.json"), encoding: .utf8)
        try scratch.write("grid/lianping-grid-2023.json", original.replacingOccurrences(
            of: "\"township\": \"townships.tif\"", with: #""township": {"polygons": "townships.geojson", "id": "code", "name": "name"}"#))
        let run = gep(["grid", scratch.file("grid/lianping-grid-2023.json"), "--format", "json"])
        #expect(run.status == 0, "\(run.stderr)")
        let rows = try #require(JSONParser.parse(run.stdout, file: "stdout")["zones"]?["township"]?.elements)
        #expect(rows.map { $0["id"]?.double } == [0, 441_623_100_000, 441_623_101_000, 441_623_102_000])
        #expect(rows.map { $0["name"]?.string } == [nil, "元善镇", "上坪镇", "内莞镇"])
        let table = gep(["grid", scratch.file("grid/lianping-grid-2023.json")])
        #expect(table.stdout.contains("441623101000 上坪镇"))
        try scratch.write("grid/lianping-grid-2023.json", original.replacingOccurrences(
            of: "\"township\": \"townships.tif\"", with: #""township": {"polygons": "townships.geojson", "id": "adcode"}"#))
        let bad = gep(["grid", scratch.file("grid/lianping-grid-2023.json"), "--output", scratch.file("out.json")])
        #expect(bad.status == 65)
        #expect(bad.stderr.contains("townships.geojson:6:18: feature 1 has no id property \"adcode\""), "\(bad.stderr)")
        #expect(!FileManager.default.fileExists(atPath: scratch.file("out.json")))
    }

    @Test func gridWritesPerCellMapsThatAddUpToTheAccount() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let run = gep(["grid", "\(Self.sample)/lianping-grid-2023.json", "--format", "json", "--out", directory + "/maps"])
        #expect(run.status == 0, "\(run.stderr)")
        let total = try #require(JSONParser.parse(run.stdout, file: "stdout")["account"]?["total_yuan"]?.double)
        let files = try FileManager.default.contentsOfDirectory(atPath: directory + "/maps")
        #expect(files.contains("gep_total.tif") && files.contains("maps.csv") && files.contains("climate_regulation_value.tif"))
        let listing = try String(contentsOfFile: directory + "/maps/maps.csv", encoding: .utf8)
        #expect(listing.hasPrefix("file,service,unit,nodata,description\n"))
        #expect(listing.contains("water_conservation_quantity.tif,water_conservation,m3/ha,"))
        #expect(listing.split(separator: "\n").count - 1 == files.count - 1)
        let map = try GeoTIFFBand(path: directory + "/maps/gep_total.tif")
        let lulc = try GeoTIFFBand(path: Self.repository + "/" + Self.sample + "/lulc.tif")
        #expect(map.geometry == lulc.geometry)
        #expect(map.dataType == .float32 && map.blockHeight == 256)
        let cells = try map.readAll().filter { Double($0) != map.nodata }
        let sum = cells.reduce(0.0) { $0 + Double($1) } * map.geometry.cellArea / 1e4
        #expect(abs(sum / total - 1) < 1e-6)
        // a run that fails after the maps are streamed (its report cannot be written) leaves no maps
        let failed = gep(["grid", "\(Self.sample)/lianping-grid-2023.json", "--output", "/proc/gep-report.json", "--out", directory + "/failed"])
        #expect(failed.status == 73, "\(failed.stderr)")
        #expect(!FileManager.default.fileExists(atPath: directory + "/failed"))
    }

    @Test func waterYieldWritesPerCellRasters() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let run = gep(waterYieldArguments + ["--out", directory, "--format", "csv"])
        #expect(run.status == 0, "\(run.stderr)")
        #expect(run.stdout.hasPrefix("zone,cells,valid_cells,precip_mn,pet_mn,aet_mn,wyield_mn,wyield_vol_m3,wyield_vol_invest_m3\n"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory).sorted() == ["aet.tif", "fractp.tif", "wyield.tif"])
        let wyield = try GeoTIFFBand(path: directory + "/wyield.tif")
        let lulc = try GeoTIFFBand(path: Self.repository + "/" + Self.sample + "/lulc.tif")
        #expect(wyield.geometry == lulc.geometry)
        #expect(wyield.nodata == -1)
        // InVEST's validity rule counted straight from the inputs: land cover not nodata and in the
        // table, P neither nodata nor 0, ET0, soil depth and PAWC not nodata
        let stats = try wyield.statistics()
        #expect(stats.validCount == (try validWaterYieldCells()))
        #expect(stats.validCount == 39_885)   // regression anchor: the count above as first printed
    }

    /// The cells where every water-yield input is valid, read from the sample's rasters and the table.
    func validWaterYieldCells() throws -> Int {
        func layer(_ name: String) throws -> (values: [Float], nodata: Double?) {
            let band = try GeoTIFFBand(path: Self.repository + "/" + Self.sample + "/" + name)
            return (try band.readAll(), band.nodata)
        }
        func isNodata(_ value: Float, _ nodata: Double?) -> Bool { value.isNaN || Double(value) == nodata }
        let table = try String(contentsOfFile: Self.repository + "/Tests/GEPGridTests/Fixtures/biophysical_table.csv", encoding: .utf8)
        let classes = Set(table.split(separator: "\n").dropFirst().compactMap { Float($0.split(separator: ",")[0]) })
        let lulc = try layer("lulc.tif"), precipitation = try layer("precip.tif")
        let others = try ["eto.tif", "depth_to_root_rest_layer.tif", "pawc.tif"].map(layer)
        return (0..<lulc.values.count).filter { cell in
            !isNodata(lulc.values[cell], lulc.nodata) && classes.contains(lulc.values[cell])
                && !isNodata(precipitation.values[cell], precipitation.nodata) && precipitation.values[cell] != 0
                && others.allSatisfy { !isNodata($0.values[cell], $0.nodata) }
        }.count
    }

    @Test func synthRegeneratesTheCommittedSampleByteForByte() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let run = gep(["synth", "--rows", "250", "--cols", "250", "--seed", "2023", "--out", directory])
        #expect(run.status == 0, "\(run.stderr)")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
        #expect(names.count == 15)
        for name in names {
            let made = try Data(contentsOf: URL(fileURLWithPath: directory + "/" + name))
            let committed = try Data(contentsOf: URL(fileURLWithPath: Self.repository + "/" + Self.sample + "/" + name))
            #expect(made == committed, "\(name)")
        }
    }

    @Test func carbonAndRasterInfo() throws {
        let fixtures = "Tests/GEPGridTests/Fixtures"
        let carbon = gep(["carbon", "--lulc", "\(fixtures)/lulc_cur.asc", "--lulc-future", "\(fixtures)/lulc_fut.asc",
                          "--carbon-pools", "\(fixtures)/carbon_pools.csv", "--zones", "\(fixtures)/ws_id.asc", "--format", "json"])
        #expect(carbon.status == 0, "\(carbon.stderr)")
        let root = try JSONParser.parse(carbon.stdout, file: "stdout")
        let zones = try #require(root["zones"]?.elements)
        let sum = zones.reduce(0.0) { $0 + $1["sequestration_mg_c"]!.double! }
        let total = try #require(root["total"]?["sequestration_mg_c"]?.double)
        #expect(abs(sum - total) <= 1e-9 * abs(total))
        let info = gep(["raster", "info", "\(Self.sample)/precip.tif", "--stats"])
        #expect(info.status == 0)
        #expect(info.stdout.contains("crs          EPSG:32650\n"))
        #expect(info.stdout.contains("compression  DEFLATE (8), predictor 3\n"))
    }

    @Test func badGridInputsGetClearErrors() throws {
        let missing = gep(["water-yield", "--lulc", "x.tif"])
        #expect(missing.status == 64)
        #expect(missing.stderr.contains("Missing '--precipitation', '--eto'"))
        let absent = gep(waterYieldArguments.map { $0 == "\(Self.sample)/eto.tif" ? "nowhere/eto.tif" : $0 })
        #expect(absent.status == 66)
        // a layer on another grid: the ASCII fixture is 200 × 200 without a CRS
        let misaligned = gep(waterYieldArguments.map { $0 == "\(Self.sample)/pawc.tif" ? "Tests/GEPGridTests/Fixtures/pawc.asc" : $0 })
        #expect(misaligned.status == 65)
        #expect(misaligned.stderr.contains("size 200×200 cells, expected 250×250"))
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let corrupt = directory + "/broken.tif"
        let bytes = try Data(contentsOf: URL(fileURLWithPath: Self.repository + "/" + Self.sample + "/precip.tif"))
        try bytes.prefix(bytes.count / 2).write(to: URL(fileURLWithPath: corrupt))
        let truncated = gep(waterYieldArguments.map { $0 == "\(Self.sample)/precip.tif" ? corrupt : $0 } + ["--out", directory + "/out"])
        #expect(truncated.status == 65)
        #expect(!FileManager.default.fileExists(atPath: directory + "/out/wyield.tif"))
    }
}
