import Testing
import GEPCore
import GEPRaster
import GEPReport

/// `gep raster info` for an ESRI ASCII grid: size, top-left origin (the lower-left corner
/// plus the grid's height), CRS, type, nodata and the statistics, as text and JSON.
@Suite struct RasterInfoReportTests {
    /// 3 × 2 cells of 30 m, lower-left corner (500000, 2700000): the top-left corner is 2 × 30 m higher.
    static func band() throws -> ESRIASCIIBand {
        try ESRIASCIIBand(parsing: Array("""
        ncols 3
        nrows 2
        xllcorner 500000
        yllcorner 2700000
        cellsize 30
        NODATA_value -9999
        1 2 3
        4 -9999 6

        """.utf8), name: "test.asc", epsg: 32650)
    }

    /// Values 1, 2, 3, 4, 6 and one nodata: sum 16, mean 3.2.
    static let statistics = RasterStatistics(validCount: 5, nodataCount: 1, nanCount: 0, min: 1, max: 6, mean: 3.2, sum: 16)

    @Test func textListsEveryFieldAlignedAfterTheLongestKey() throws {
        let expected = """
        file        test.asc
        size        3 × 2 cells
        cell_size   30 × 30
        origin      (500000, 2700060) top-left corner
        crs         EPSG:32650
        data_type   int32
        nodata      -9999.0
        format      ESRI ASCII grid
        layout      text rows
        statistics  valid 5, nodata 1 (NaN 0); min 1, max 6, mean 3.2, sum 16

        """
        #expect(RasterInfoReport.render(path: "test.asc", band: try Self.band(), statistics: Self.statistics, json: false) == expected)
    }

    @Test func jsonHasTheSameFacts() throws {
        let text = RasterInfoReport.render(path: "test.asc", band: try Self.band(), statistics: Self.statistics, json: true)
        #expect(try JSON(JSONParser.parse(text, file: "info.json")) == [
            "file": "test.asc", "size": ["columns": 3, "rows": 2], "cell_size": ["x": 30, "y": 30], "origin": ["x": 500_000, "y": 2_700_060],
            "crs": "EPSG:32650", "data_type": "int32", "nodata": -9999, "format": "ESRI ASCII grid", "layout": ["kind": "text", "block_height": 1],
            "statistics": ["valid_cells": 5, "nodata_cells": 1, "nan_cells": 0, "infinite_cells": 0, "min": 1, "max": 6, "mean": 3.2, "sum": 16],
        ])
        let bare = RasterInfoReport.render(path: "test.asc", band: try Self.band(), statistics: nil, json: false)
        #expect(!bare.contains("statistics") && bare.hasPrefix("file       test.asc\n"))  // the longest key is now `cell_size`
    }
}
