import GEPCore
import GEPGrid

/// The carbon results: per zone and for the whole grid, current (and future) storage and
/// sequestration in Mg C, with the cells counted.
public enum CarbonReport {
    /// Renders `result` as `table`, `json` or `csv`.
    public static func render(_ result: CarbonResult, format: String) -> String {
        let area = result.cellArea
        let rows: [(String, CarbonSums)] = result.zones.keys.sorted().map { (String($0), result.zones[$0]!) }
        func object(_ id: JSON, _ sums: CarbonSums) -> JSON {
            var object: [String: JSON] = ["id": id, "current_storage_mg_c": .number(sums.currentStorage(cellArea: area)),
                                          "current_cells": .number(Double(sums.currentCells)), "cells": .number(Double(sums.cells))]
            if result.hasFuture {
                object["future_storage_mg_c"] = .number(sums.futureStorage(cellArea: area))
                object["sequestration_mg_c"] = .number(sums.sequestration(cellArea: area))
            }
            return .object(object)
        }
        switch format {
        case "json":
            return JSONWriter.string(["zones": .array(rows.map { object(.number(Double($0.0)!), $0.1) }), "total": object("total", result.grid),
                                      "cell_area_m2": .number(area)])
        case "csv":
            var out = CSVWriter.record(["zone", "cells", "current_storage_mg_c", "future_storage_mg_c", "sequestration_mg_c"])
            for (name, sums) in rows + [("total", result.grid)] {
                out += CSVWriter.record([name, String(sums.cells), JSONWriter.formatNumber(sums.currentStorage(cellArea: area)),
                                         result.hasFuture ? JSONWriter.formatNumber(sums.futureStorage(cellArea: area)) : "",
                                         result.hasFuture ? JSONWriter.formatNumber(sums.sequestration(cellArea: area)) : ""])
            }
            return out
        default:
            var headers = ["zone", "current (Mg C)"]
            if result.hasFuture { headers += ["future (Mg C)", "sequestration (Mg C)"] }
            var table = TextTable(headers: headers + ["cells"], alignments: [.left] + Array(repeating: .right, count: headers.count))
            func add(_ name: String, _ sums: CarbonSums) {
                var cells = [name, NumberText.grouped(sums.currentStorage(cellArea: area), decimals: 1)]
                if result.hasFuture {
                    cells += [NumberText.grouped(sums.futureStorage(cellArea: area), decimals: 1), NumberText.grouped(sums.sequestration(cellArea: area), decimals: 1)]
                }
                table.add(cells + [NumberText.grouped(Double(sums.cells), decimals: 0)])
            }
            for row in rows { add(row.0, row.1) }
            table.separator()
            add("total", result.grid)
            return "Carbon storage and sequestration (InVEST 3.20 method)\n" + table.render()
        }
    }
}
