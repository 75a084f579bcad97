import Foundation
import GEPCore
import GEPRaster
import Testing
@testable import GEPGrid

/// Polygon zones: GeoJSON read and validated, rasterised onto the grid by `gdal_rasterize`'s
/// cell-centre rule, equal to GDAL 3.6.2's own rasterisation cell for cell
/// (Fixtures/vector/, made by `make_vector_fixtures.py`).
@Suite struct VectorZoneTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures/vector").path

    static func zones(_ text: String, idField: String = "code", nameField: String? = "name", gridEPSG: Int? = 32650) throws -> [ZonePolygon] {
        try GeoJSONZones.parse(try JSONParser.parse(text, file: "z.geojson"), file: "z.geojson", idField: idField, nameField: nameField, gridEPSG: gridEPSG)
    }

    /// The four townships (a hole, two parts, one leaving the grid, one overlapping another;
    /// vertices on cell centres and edges) burn the cells GDAL burns, with their 12-digit codes.
    @Test func townshipsEqualGDALRasterize() throws {
        let reference = try GeoTIFFBand(path: Self.directory + "/townships_gdal.tif")
        let expected = try reference.readAllDoubles()
        for field in ["code", "code_text"] {
            let zones = try GeoJSONZones.read("townships.geojson", relativeTo: Self.directory, idField: field, nameField: "name", gridEPSG: 32650)
            #expect(zones.map(\.name) == ["元善镇", "上坪镇", "内莞镇", "绣缎镇"])
            #expect(zones.map(\.id) == [441_623_100_000, 441_623_101_000, 441_623_102_000, 441_623_103_000])
            let burnt = PolygonRasterizer.burn(zones, onto: reference.geometry)
            let differing = zip(burnt, expected).enumerated().filter { $0.element.0 != $0.element.1 }
            #expect(burnt.count == expected.count && differing.isEmpty,
                    "\(field): \(differing.count) cells differ, first \(differing.prefix(5).map { "cell \($0.offset): \($0.element.0) vs GDAL \($0.element.1)" })")
            #expect(Set(expected).count == 5, "every township and the background appear")
        }
    }

    /// With `all_touched`, every cell a township's boundary passes through is burnt too, as
    /// `gdal_rasterize -at` burns it.
    @Test func allTouchedEqualsGDAL() throws {
        let reference = try GeoTIFFBand(path: Self.directory + "/townships_gdal_all_touched.tif")
        let expected = try reference.readAllDoubles()
        let zones = try GeoJSONZones.read("townships.geojson", relativeTo: Self.directory, idField: "code", nameField: "name", gridEPSG: 32650)
        let burnt = PolygonRasterizer.burn(zones, onto: reference.geometry, allTouched: true)
        let differing = zip(burnt, expected).enumerated().filter { $0.element.0 != $0.element.1 }
        #expect(differing.isEmpty, "\(differing.count) cells differ, first \(differing.prefix(8).map { "(\($0.offset % 40),\($0.offset / 40)): \($0.element.0) vs GDAL \($0.element.1)" })")
        #expect(burnt.filter { $0 != 0 }.count > PolygonRasterizer.burn(zones, onto: reference.geometry).filter { $0 != 0 }.count)
    }

    /// The same townships as Shapefiles written by ogr2ogr, names in GBK and in UTF-8 (.cpg):
    /// the same ids, names (decoded from GBK through iconv) and rings as the GeoJSON, so the
    /// same cells as GDAL; the .prj's CRS is checked against the grid's.
    @Test(arguments: ["townships_gbk", "townships_utf8"])
    func shapefilesGiveTheGeoJSONZones(_ folder: String) throws {
        let reference = try GeoTIFFBand(path: Self.directory + "/townships_gdal.tif")
        let shapes = try ShapefileZones.read(Self.directory + "/\(folder)/townships.shp", idField: "code", nameField: "name", gridEPSG: 32650)
        let json = try GeoJSONZones.read("townships.geojson", relativeTo: Self.directory, idField: "code", nameField: "name", gridEPSG: 32650)
        #expect(shapes.map(\.name) == ["元善镇", "上坪镇", "内莞镇", "绣缎镇"])
        #expect(shapes.map(\.id) == json.map(\.id))
        #expect(PolygonRasterizer.burn(shapes, onto: reference.geometry) == (try reference.readAllDoubles()))
        #expect(throws: GEPError.self) { _ = try ShapefileZones.read(Self.directory + "/\(folder)/townships.shp", idField: "code", nameField: nil, gridEPSG: 4547) }
        #expect(throws: GEPError.self) { _ = try ShapefileZones.read(Self.directory + "/\(folder)/townships.shp", idField: "adcode", nameField: nil, gridEPSG: 32650) }
    }

    /// Damaged Shapefiles never trap: the .shp and .dbf cut at every length, and with bytes
    /// overwritten in a fixed pseudo-random pattern, either read or give an error.
    @Test func damagedShapefilesAreErrorsNotCrashes() throws {
        let shp = Array(try Data(contentsOf: URL(fileURLWithPath: Self.directory + "/townships_gbk/townships.shp")))
        let dbf = Array(try Data(contentsOf: URL(fileURLWithPath: Self.directory + "/townships_gbk/townships.dbf")))
        var random = SplitMix64(seed: 11)
        var errors = 0
        for cut in 0..<shp.count {
            do { _ = try ShapefileZones.polygons(Array(shp.prefix(cut)), file: "t.shp") } catch { errors += 1 }
        }
        for cut in 0..<dbf.count {
            do { _ = try DBFTable(Array(dbf.prefix(cut)), file: "t.dbf", codePage: "GBK") } catch { errors += 1 }
        }
        for _ in 0..<2000 {
            var a = shp, b = dbf
            for _ in 0..<4 {
                a[Int(random.next() % UInt64(a.count))] = UInt8(truncatingIfNeeded: random.next())
                b[Int(random.next() % UInt64(b.count))] = UInt8(truncatingIfNeeded: random.next())
            }
            do { _ = try ShapefileZones.polygons(a, file: "t.shp") } catch { errors += 1 }
            do { _ = try DBFTable(b, file: "t.dbf", codePage: "GBK") } catch { errors += 1 }
        }
        #expect(errors > shp.count / 2, "most cuts are errors")
    }

    /// Hand cases on a 4 × 4 grid of unit cells: a square covering centres 1…2 fills 2 × 2
    /// cells; its hole removes the centre it covers; a ring through cell centres follows the
    /// half-open rule (left and top edges in, right and bottom out).
    @Test func centreRuleByHand() {
        let grid = GridGeometry(width: 4, height: 4, originX: 0, originY: 4, cellWidth: 1, cellHeight: 1, epsg: 32650)
        func square(_ x0: Double, _ y0: Double, _ x1: Double, _ y1: Double) -> [ZonePolygon.Point] {
            [.init(x: x0, y: y0), .init(x: x1, y: y0), .init(x: x1, y: y1), .init(x: x0, y: y1)]
        }
        let block = PolygonRasterizer.burn([ZonePolygon(id: 7, name: nil, rings: [square(0.9, 0.9, 3.1, 3.1)])], onto: grid)
        #expect(block == [0, 0, 0, 0,  0, 7, 7, 0,  0, 7, 7, 0,  0, 0, 0, 0])
        let holed = PolygonRasterizer.burn([ZonePolygon(id: 7, name: nil, rings: [square(0.2, 0.2, 3.8, 3.8), square(1.2, 1.2, 1.8, 1.8)])], onto: grid)
        #expect(holed == [7, 7, 7, 7,  7, 7, 7, 7,  7, 0, 7, 7,  7, 7, 7, 7])
    }

    /// Edges exactly on scan lines, as GDAL 3.6.2 burns them (`gdal_rasterize -te 0 0 6 6 -tr 1 1`
    /// on these rings, both windings, outputs copied here): a square from row 1.5 to 4.5 fills
    /// rows 1–4; a hole over the same rows empties rows 1–3 only; a ring with a bottom edge
    /// on row 2.5 fills that row under it; one with a top edge there does not need to; with
    /// `all_touched` the cells the edges cross are added, none for an edge along a grid line.
    @Test(arguments: [false, true])
    func edgesOnScanLinesAsGDAL(_ reversed: Bool) {
        let grid = GridGeometry(width: 6, height: 6, originX: 0, originY: 6, cellWidth: 1, cellHeight: 1, epsg: 32650)
        func ring(_ pixels: [(Double, Double)]) -> [ZonePolygon.Point] {
            let points = pixels.map { ZonePolygon.Point(x: $0.0, y: 6 - $0.1) }
            return reversed ? points.reversed() : points
        }
        func burn(_ rings: [[ZonePolygon.Point]]) -> [[Double]] {
            let cells = PolygonRasterizer.burn([ZonePolygon(id: 1, name: nil, rings: rings)], onto: grid)
            return (0..<6).map { Array(cells[($0 * 6)..<($0 * 6 + 6)]) }
        }
        let square = ring([(1.2, 4.5), (4.8, 4.5), (4.8, 1.5), (1.2, 1.5)])
        #expect(burn([square]) == [[0, 0, 0, 0, 0, 0], [0, 1, 1, 1, 1, 0], [0, 1, 1, 1, 1, 0], [0, 1, 1, 1, 1, 0], [0, 1, 1, 1, 1, 0], [0, 0, 0, 0, 0, 0]])
        let outer = ring([(0.2, 5.8), (5.8, 5.8), (5.8, 0.2), (0.2, 0.2)])
        #expect(burn([outer, square]) == [[1, 1, 1, 1, 1, 1], [1, 0, 0, 0, 0, 1], [1, 0, 0, 0, 0, 1], [1, 0, 0, 0, 0, 1], [1, 1, 1, 1, 1, 1], [1, 1, 1, 1, 1, 1]])
        let step = ring([(1, 0.2), (5, 0.2), (5, 4.8), (3, 4.8), (3, 2.5), (1, 2.5)])
        #expect(burn([step]) == [[0, 1, 1, 1, 1, 0], [0, 1, 1, 1, 1, 0], [0, 1, 1, 1, 1, 0], [0, 0, 0, 1, 1, 0], [0, 0, 0, 1, 1, 0], [0, 0, 0, 0, 0, 0]])
        let notch = ring([(1, 0.2), (3, 0.2), (3, 2.5), (5, 2.5), (5, 4.8), (1, 4.8)])
        #expect(burn([notch]) == [[0, 1, 1, 0, 0, 0], [0, 1, 1, 0, 0, 0], [0, 1, 1, 1, 1, 0], [0, 1, 1, 1, 1, 0], [0, 1, 1, 1, 1, 0], [0, 0, 0, 0, 0, 0]])
        // with all_touched (`-at`): GDAL 3.6.2's outputs for the same rings
        func touched(_ rings: [[ZonePolygon.Point]]) -> [[Double]] {
            let cells = PolygonRasterizer.burn([ZonePolygon(id: 1, name: nil, rings: rings)], onto: grid, allTouched: true)
            return (0..<6).map { Array(cells[($0 * 6)..<($0 * 6 + 6)]) }
        }
        #expect(touched([square]) == burn([square]))
        #expect(touched([outer, square]) == [[1, 1, 1, 1, 1, 1], [1, 1, 1, 1, 1, 1], [1, 1, 0, 0, 1, 1], [1, 1, 0, 0, 1, 1], [1, 1, 1, 1, 1, 1], [1, 1, 1, 1, 1, 1]])
        #expect(touched([step]) == [[0, 1, 1, 1, 1, 1], [0, 1, 1, 1, 1, 0], [0, 1, 1, 1, 1, 0], [0, 0, 0, 1, 1, 0], [0, 0, 0, 1, 1, 1], [0, 0, 0, 0, 0, 0]])
        #expect(touched([notch]) == [[0, 1, 1, 1, 0, 0], [0, 1, 1, 0, 0, 0], [0, 1, 1, 1, 1, 1], [0, 1, 1, 1, 1, 0], [0, 1, 1, 1, 1, 1], [0, 0, 0, 0, 0, 0]])
    }

    /// Every problem of a bad file, each with its line: a missing id, an id that is not a
    /// whole number, a point geometry, a ring of two positions, a non-finite coordinate.
    @Test func badFilesListEveryProblem() throws {
        let text = """
        {"type": "FeatureCollection", "features": [
         {"type": "Feature", "properties": {"name": "a"}, "geometry": {"type": "Polygon", "coordinates": [[[0,0],[1,0],[1,1],[0,0]]]}},
         {"type": "Feature", "properties": {"code": 3.5, "name": "b"}, "geometry": {"type": "Polygon", "coordinates": [[[0,0],[1,0],[1,1],[0,0]]]}},
         {"type": "Feature", "properties": {"code": 4, "name": "c"}, "geometry": {"type": "Point", "coordinates": [0, 0]}},
         {"type": "Feature", "properties": {"code": 5, "name": "d"}, "geometry": {"type": "Polygon", "coordinates": [[[0,0],[1,0],[0,0]]]}},
         {"type": "Feature", "properties": {"code": "44162310000x", "name": "e"}, "geometry": {"type": "Polygon", "coordinates": [[[0,0],[1,0],[1,"x"],[0,0]]]}}
        ]}
        """
        do {
            _ = try Self.zones(text, gridEPSG: nil)
            Issue.record("expected errors")
        } catch let error as GEPError {
            let message = error.description
            for fragment in ["z.geojson:2:", "feature 1 has no id property \"code\"", "feature 2: zone id 3.5 is not a whole number from 1 to 2^53",
                             "feature 3: a Point is not a zone; expected Polygon or MultiPolygon",
                             "feature 4: a ring needs at least three distinct positions (found 2)",
                             "feature 5: zone id \"44162310000x\" is not a whole number", "feature 5: a position must be [x, y] with finite numbers"] {
                #expect(message.contains(fragment), "missing: \(fragment)\n\(message)")
            }
        }
    }

    /// The file's CRS must be the grid's: a legacy crs member naming another code, or plain
    /// longitudes and latitudes on a projected grid, is an error with the ogr2ogr command.
    @Test func crsMustMatchTheGrid() throws {
        /// The error's text, or nil (an issue recorded) when the call does not throw.
        func failure(_ text: String) -> String? {
            do {
                _ = try Self.zones(text)
                Issue.record("expected an error")
                return nil
            } catch {
                return "\(error)"
            }
        }
        let square = #"{"type": "Polygon", "coordinates": [[[114.1,24.3],[114.2,24.3],[114.2,24.4],[114.1,24.3]]]}"#
        let lonLat = #"{"type": "Feature", "properties": {"code": 1, "name": "a"}, "geometry": \#(square)}"#
        #expect(failure(lonLat)?.contains("ogr2ogr -t_srs EPSG:32650") == true)
        #expect(try Self.zones(lonLat, gridEPSG: 4490).count == 1)
        let named = #"{"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "urn:ogc:def:crs:EPSG::4547"}}, "features": [\#(lonLat)]}"#
        #expect(failure(named)?.contains("the zones are in EPSG:4547 but the grid is in EPSG:32650") == true)
        #expect(try Self.zones(named, gridEPSG: 4547).count == 1)
    }
}
