import Foundation
import GEPCore
@testable import GEPRaster
import Testing

/// `.prj` files to EPSG codes, on the well-known text GDAL 3.6.2 writes (Fixtures/prj/), and
/// ESRI ASCII grids taking their CRS from a sibling `.prj`.
@Suite struct ProjectionFileTests {
    static func text(_ name: String) throws -> String {
        String(decoding: try TestSupport.fixtureBytes("prj/" + name), as: UTF8.self)
    }

    /// GDAL's AAIGrid `.prj` files (ESRI names, no authority) for the CRSs of Chinese county
    /// data: each gives back the code GDAL was asked for (in the file name).
    @Test(arguments: [32650, 32750, 4326, 4490, 4491, 4502, 4526, 4547])
    func esriNamesAsGDALWritesThem(_ code: Int) throws {
        #expect(try ProjectionFile.epsg(wkt: Self.text("esri_\(code).prj"), file: "esri_\(code).prj") == code)
    }

    /// WKT 1 and WKT 2 from `gdalsrsinfo`: the root's own authority, not a nested one (the
    /// WKT 1 file also carries the datum's, the ellipsoid's and the unit's, 9001 last but one).
    @Test func rootAuthorityOfOGCText() throws {
        #expect(try ProjectionFile.epsg(wkt: Self.text("ogc_wkt1_4547.prj"), file: "a.prj") == 4547)
        #expect(try ProjectionFile.epsg(wkt: Self.text("ogc_wkt2_32650.prj"), file: "b.prj") == 32650)
        let nestedAfterRoot = #"PROJCS["x",GEOGCS["y",AUTHORITY["EPSG","4490"]],AUTHORITY["EPSG","4547"],UNIT["m",1,AUTHORITY["EPSG","9001"]]]"#
        #expect(try ProjectionFile.epsg(wkt: nestedAfterRoot, file: "c.prj") == 4547)
        TestSupport.expectInvalid("CRS \"Unknown\" has no EPSG code") {
            _ = try ProjectionFile.epsg(wkt: #"PROJCS["Unknown",GEOGCS["y",AUTHORITY["EPSG","4490"]]]"#, file: "d.prj")
        }
        #expect(ProjectionFile.esriCode("CGCS2000_3_Degree_GK_CM_114E") == 4547)
        #expect(ProjectionFile.esriCode("CGCS2000_3_Degree_GK_CM_115E") == nil)
        #expect(ProjectionFile.esriCode("WGS_1984_UTM_Zone_61N") == nil)
    }

    /// A CRS without an authority and outside the list, and text that is not WKT, are errors
    /// naming the file, the CRS and the way out.
    @Test func unknownCRSAndNonsenseAreErrors() throws {
        let mercator = try Self.text("esri_3857.prj")
        TestSupport.expectInvalid("CRS \"WGS_1984_Web_Mercator_Auxiliary_Sphere\" has no EPSG code gep can tell; give the layer one with `gdal_translate -a_srs EPSG:<code>") {
            _ = try ProjectionFile.epsg(wkt: mercator, file: "m.prj")
        }
        TestSupport.expectInvalid("not a well-known-text CRS") { _ = try ProjectionFile.epsg(wkt: "EPSG:4547", file: "x.prj") }
    }

    /// `lulc.asc` next to `lulc.prj` carries the `.prj`'s CRS; an explicit code wins; without a
    /// `.prj` the CRS stays unknown; an unreadable CRS is an error naming the `.prj`.
    @Test func asciiGridsReadTheirProjectionFile() throws {
        try TestSupport.withTemporaryDirectory { directory in
            let grid = "ncols 2\nnrows 1\nxllcorner 500000\nyllcorner 3000000\ncellsize 30\n1 2\n"
            try grid.write(toFile: directory + "/lulc.asc", atomically: true, encoding: .utf8)
            try grid.write(toFile: directory + "/bare.asc", atomically: true, encoding: .utf8)
            try grid.write(toFile: directory + "/web.asc", atomically: true, encoding: .utf8)
            try Self.text("esri_4547.prj").write(toFile: directory + "/lulc.prj", atomically: true, encoding: .utf8)
            try Self.text("esri_3857.prj").write(toFile: directory + "/web.prj", atomically: true, encoding: .utf8)
            #expect(try ESRIASCIIBand(path: "lulc.asc", relativeTo: directory).geometry.epsg == 4547)
            #expect(try ESRIASCIIBand(path: directory + "/lulc.asc", relativeTo: "/").geometry.epsg == 4547)
            #expect(try ESRIASCIIBand(path: "lulc.asc", relativeTo: directory, epsg: 32650).geometry.epsg == 32650)
            #expect(try ESRIASCIIBand(path: "bare.asc", relativeTo: directory).geometry.epsg == nil)
            TestSupport.expectInvalid("web.prj: CRS \"WGS_1984_Web_Mercator_Auxiliary_Sphere\"") {
                _ = try ESRIASCIIBand(path: "web.asc", relativeTo: directory)
            }
        }
    }
}
