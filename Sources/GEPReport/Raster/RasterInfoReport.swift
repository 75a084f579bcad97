import GEPCore
import GEPRaster

/// `gep raster info`: a raster's size, georeferencing, storage and (optionally) statistics.
public enum RasterInfoReport {
    /// Renders the description as aligned text or sorted JSON.
    public static func render(path: String, band: any RasterBand, statistics: RasterStatistics?, json: Bool) -> String {
        let g = band.geometry
        var fields: [(String, JSON, String)] = [
            ("file", .string(path), path),
            ("size", ["columns": .number(Double(g.width)), "rows": .number(Double(g.height))], "\(g.width) × \(g.height) cells"),
            ("cell_size", ["x": .number(g.cellWidth), "y": .number(g.cellHeight)], "\(JSONWriter.formatNumber(g.cellWidth)) × \(JSONWriter.formatNumber(g.cellHeight))"),
            ("origin", ["x": .number(g.originX), "y": .number(g.originY)], "(\(JSONWriter.formatNumber(g.originX)), \(JSONWriter.formatNumber(g.originY))) top-left corner"),
            ("crs", g.epsg.map { .string("EPSG:\($0)") } ?? .null, g.epsg.map { "EPSG:\($0)" } ?? "none"),
            ("data_type", .string(band.dataType.rawValue), band.dataType.rawValue),
            ("nodata", band.nodata.map(JSON.number) ?? .null, band.nodata.map { "\($0)" } ?? "none"),
        ]
        if let tiff = band as? GeoTIFFBand {
            let d = tiff.description
            fields += [
                ("format", .string(d.isBigTIFF ? "BigTIFF" : "TIFF"), (d.isBigTIFF ? "BigTIFF" : "TIFF") + (d.hasGeoreference ? " (GeoTIFF)" : " (no georeferencing)")),
                ("layout", ["kind": .string(d.tiled ? "tiled" : "striped"), "block_width": .number(Double(d.blockWidth)),
                            "block_height": .number(Double(d.blockHeight)), "blocks": .number(Double(d.blockCount))],
                 "\(d.tiled ? "tiles" : "strips") of \(d.blockWidth) × \(d.blockHeight), \(d.blockCount) blocks"),
                ("compression", ["name": .string(d.compression), "code": .number(Double(d.compressionCode)), "predictor": .number(Double(d.predictor))],
                 "\(d.compression), predictor \(d.predictor)"),
                ("file_size", .number(Double(d.fileSize)), "\(NumberText.grouped(Double(d.fileSize), decimals: 0)) bytes"),
            ]
        } else {
            fields += [("format", "ESRI ASCII grid", "ESRI ASCII grid"),
                       ("layout", ["kind": "text", "block_height": .number(Double(band.blockHeight))], "text rows")]
        }
        if let s = statistics {
            func number(_ value: Double?) -> String { value.map { JSONWriter.formatNumber($0) } ?? "n/a" }
            fields.append(("statistics", [
                "valid_cells": .number(Double(s.validCount)), "nodata_cells": .number(Double(s.nodataCount)), "nan_cells": .number(Double(s.nanCount)),
                "infinite_cells": .number(Double(s.infiniteCount)),
                "min": s.min.map(JSON.number) ?? .null, "max": s.max.map(JSON.number) ?? .null, "mean": s.mean.map(JSON.number) ?? .null,
                "sum": .number(s.sum),
            ], "valid \(s.validCount), nodata \(s.nodataCount) (NaN \(s.nanCount))\(s.infiniteCount > 0 ? ", infinite \(s.infiniteCount)" : ""); min \(number(s.min)), max \(number(s.max)), mean \(number(s.mean)), sum \(number(s.sum))"))
        }
        if json { return JSONWriter.string(.object(Dictionary(uniqueKeysWithValues: fields.map { ($0.0, $0.1) }))) }
        let width = (fields.map(\.0.count).max() ?? 0) + 2
        return fields.map { $0.0 + String(repeating: " ", count: width - $0.0.count) + $0.2 }.joined(separator: "\n") + "\n"
    }
}
