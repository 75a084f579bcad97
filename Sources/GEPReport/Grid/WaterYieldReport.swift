import GEPCore
import GEPGrid

/// The Annual Water Yield results: per zone and for the whole grid, the means of P, PET,
/// AET and water yield (mm), the water-yield volume Σ wyield × cell area (m³), InVEST's own
/// volume convention (mean × zone cells' area) and the valid cells.
public enum WaterYieldReport {
    /// Renders `result` as `table`, `json` or `csv`.
    public static func render(_ result: WaterYieldResult, format: String) -> String {
        let rows: [(String, JSON, WaterYieldSums)] = result.zoneIDs.map { (String($0), JSON.number(Double($0)), result.zones[$0]!) }
        switch format {
        case "json":
            return JSONWriter.string(["zones": .array(rows.map { object(id: $0.1, $0.2, result.cellArea) }),
                                      "total": object(id: "total", result.grid, result.cellArea),
                                      "cell_area_m2": .number(result.cellArea)])
        case "csv":
            return result.csv()
        default:
            var table = TextTable(headers: ["zone", "precip_mn", "pet_mn", "aet_mn", "wyield_mn", "wyield_vol_m3", "valid_cells"],
                                  alignments: [.left, .right, .right, .right, .right, .right, .right])
            func add(_ name: String, _ sums: WaterYieldSums) {
                let mean = { (value: Double?) in value.map { NumberText.grouped($0, decimals: 2) } ?? "n/a" }
                table.add([name, mean(sums.precipitationMean), mean(sums.petMean), mean(sums.aetMean), mean(sums.wyieldMean),
                           NumberText.grouped(sums.wyieldVolume(cellArea: result.cellArea), decimals: 0), NumberText.grouped(Double(sums.validCells), decimals: 0)])
            }
            for row in rows { add(row.0, row.2) }
            table.separator()
            add("total", result.grid)
            return "Annual water yield (InVEST 3.20 method; mm, m³)\n" + table.render()
        }
    }

    static func object(id: JSON, _ sums: WaterYieldSums, _ cellArea: Double) -> JSON {
        func mean(_ value: Double?) -> JSON { value.map(JSON.number) ?? .null }
        return ["id": id, "precip_mn": mean(sums.precipitationMean), "pet_mn": mean(sums.petMean), "aet_mn": mean(sums.aetMean),
                "wyield_mn": mean(sums.wyieldMean), "wyield_vol_m3": .number(sums.wyieldVolume(cellArea: cellArea)),
                "wyield_vol_invest_m3": mean(sums.investVolume(cellArea: cellArea)), "valid_cells": .number(Double(sums.validCells)),
                "cells": .number(Double(sums.cells))]
    }
}
