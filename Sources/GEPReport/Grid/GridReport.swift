import GEPCore
import GEPGrid
import GEPServices

/// Renders a grid account: the whole grid as an account (as `gep account` shows it), then
/// the per-cell services by zone for every zone set and by land-cover class.
public enum GridReport {
    /// The report in `format`; `language` applies to table and Markdown.
    public static func render(_ grid: GridAccount, format: ReportFormat, language l: ReportLanguage) -> String {
        switch format {
        case .json: return JSONWriter.string(json(grid))
        case .csv: return csv(grid)
        case .table, .markdown:
            let markdown = format == .markdown
            var out = markdown ? AccountMarkdown.render(grid.account, language: l) : AccountTable.render(grid.account, language: l)
            let headers = [l.pick("编号", "Id"), l.pick("像元", "Cells"), l.pick("产水量（万m³）", "Water yield (万 m³)")] + grid.services.map { l.pick($0.nameZH, $0.nameEN) + l.pick("（万元）", " (万元)") }
                + [l.pick("合计（万元）", "Total (万元)")]
            let alignments = [TextTable.Alignment](repeating: .right, count: headers.count)
            func rows(_ list: [GridAccount.Row], label: (GridAccount.Row) -> String) -> [[String]] {
                var result = list.map { row in
                    [label(row), NumberText.grouped(row.cells, decimals: 0), NumberText.wan(row.waterYield)] + row.values.map(NumberText.wan) + [NumberText.wan(row.total)]
                }
                let sums = grid.services.indices.map { s in list.reduce(0) { $0 + $1.values[s] } }
                result.append([l.pick("合计", "Sum"), NumberText.grouped(list.reduce(0) { $0 + $1.cells }, decimals: 0),
                               NumberText.wan(list.reduce(0) { $0 + $1.waterYield })] + sums.map(NumberText.wan) + [NumberText.wan(sums.reduce(0, +))])
                return result
            }
            var sections: [(String, [[String]])] = grid.zones.map { zone in
                (l.pick("按分区：", "By zone: ") + zone.name + l.pick("（0 = 不在任何分区）", " (0 = outside every zone)"),
                 rows(zone.rows) { row in
                     guard let name = row.name else { return String(row.id) }
                     return "\(row.id) \(name)"
                 })
            }
            sections.append((l.pick("按土地覆被类型", "By land-cover class"),
                             rows(grid.classes) { row in "\(row.id) " + (row.ecosystem.map { l.pick($0.nameZH, $0.nameEN) } ?? "") }))
            for (title, body) in sections {
                if markdown {
                    out += "\n## " + title + "\n\n" + MarkdownTable.render(headers: headers, alignments: [.left] + alignments.dropFirst(), rows: body)
                } else {
                    var table = TextTable(headers: headers, alignments: [.left] + alignments.dropFirst())
                    for row in body { table.add(row) }
                    out += "\n" + title + "\n" + table.render()
                }
            }
            if let rows = reconciliation(grid) {
                let title = l.pick("与县域统计核算对照（万元）", "Against the county account from statistics (万元)")
                let head = [l.pick("服务", "Service"), l.pick("网格", "Grid"), l.pick("县域统计", "County"), l.pick("差额", "Difference"), l.pick("网格/县域", "Grid/county")]
                let body = rows.map { row in
                    [row.id.map { l.pick($0.nameZH, $0.nameEN) } ?? l.pick("生态产品总值（GEP）", "GEP"), NumberText.wan(row.grid), NumberText.wan(row.county),
                     NumberText.wan(row.grid - row.county), row.county != 0 ? NumberText.percent(row.grid / row.county) : "–"]
                }
                if markdown {
                    out += "\n## " + title + "\n\n" + MarkdownTable.render(headers: head, alignments: [.left, .right, .right, .right, .right], rows: body)
                } else {
                    var table = TextTable(headers: head, alignments: [.left, .right, .right, .right, .right])
                    for row in body { table.add(row) }
                    out += "\n" + title + "\n" + table.render()
                }
            }
            let skipped = grid.unmappedCodes.values.reduce(0, +)
            out += "\n" + l.pick("网格：", "Grid: ") + "\(grid.cellCount) " + l.pick("个像元，每个 ", "cells of ")
                + NumberText.grouped(grid.cellArea, decimals: 1) + " m²; " + l.pick("输入缺测像元 ", "cells with a missing input: ")
                + "\(grid.nodataCells); " + l.pick("未映射的土地覆被像元 ", "cells of unmapped land-cover codes: ") + "\(skipped)\n"
            return out
        }
    }

    /// Per service accounted on the grid or the county, then GEP (`id` nil): the grid's value
    /// beside the county account's of the same county input; nil without a county input.
    static func reconciliation(_ grid: GridAccount) -> [(id: ServiceID?, grid: Double, county: Double)]? {
        guard let county = grid.county else { return nil }
        var rows: [(id: ServiceID?, grid: Double, county: Double)] = []
        for (mine, theirs) in zip(grid.account.services, county.services) where mine.status == .accounted || theirs.status == .accounted {
            rows.append((mine.id, mine.value, theirs.value))
        }
        rows.append((nil, grid.account.total, county.total))
        return rows
    }

    /// The JSON value: `account` (the grid total, as `gep account` writes it), `zones`,
    /// `classes`, `grid`, and `reconciliation` when the grid names a county input.
    public static func json(_ grid: GridAccount) -> JSON {
        func row(_ row: GridAccount.Row, key: String) -> JSON {
            var object: [String: JSON] = [key: .number(Double(row.id)), "cells": .number(row.cells), "total_yuan": .number(row.total),
                                          "water_yield_m3": .number(row.waterYield)]
            if let type = row.ecosystem { object["ecosystem"] = .string(type.id) }
            if let name = row.name { object["name"] = .string(name) }
            object["services"] = .array(grid.services.indices.map { s in
                ["id": .string(grid.services[s].id), "physical": .number(row.physical[s]),
                 "unit": .string(ServiceCatalogue.spec(for: grid.services[s]).physicalUnit.symbol), "value_yuan": .number(row.values[s])]
            })
            return .object(object)
        }
        var object: [String: JSON] = [
            "account": AccountJSON.value(grid.account),
            "zones": .object(Dictionary(uniqueKeysWithValues: grid.zones.map { ($0.name, JSON.array($0.rows.map { row($0, key: "id") })) })),
            "classes": .array(grid.classes.map { row($0, key: "lucode") }),
            "grid": ["cells": .number(Double(grid.cellCount)), "cell_area_m2": .number(grid.cellArea), "nodata_cells": .number(Double(grid.nodataCells)),
                     "unmapped_codes": .array(grid.unmappedCodes.keys.sorted().map { ["lucode": .number(Double($0)), "cells": .number(Double(grid.unmappedCodes[$0]!))] })],
        ]
        if let rows = reconciliation(grid) {
            object["reconciliation"] = .array(rows.map { row in
                ["service": .string(row.id?.id ?? "gep"), "grid_yuan": .number(row.grid), "county_yuan": .number(row.county), "difference_yuan": .number(row.grid - row.county)]
            })
        }
        return .object(object)
    }

    /// One CSV table: `breakdown, set, id, name, ecosystem, cells, service, physical, unit,
    /// value_yuan` (`name`: the zone's, from its polygon file; empty otherwise).
    public static func csv(_ grid: GridAccount) -> String {
        var out = CSVWriter.record(["breakdown", "set", "id", "name", "ecosystem", "cells", "service", "physical", "unit", "value_yuan"])
        func rows(_ breakdown: String, _ set: String, _ list: [GridAccount.Row]) {
            for row in list {
                for (s, service) in grid.services.enumerated() {
                    out += CSVWriter.record([breakdown, set, String(row.id), row.name ?? "", row.ecosystem?.id ?? "", JSONWriter.formatNumber(row.cells), service.id,
                                             JSONWriter.formatNumber(row.physical[s]), ServiceCatalogue.spec(for: service).physicalUnit.symbol,
                                             JSONWriter.formatNumber(row.values[s])])
                }
            }
        }
        for zone in grid.zones { rows("zone", zone.name, zone.rows) }
        rows("class", "", grid.classes)
        for service in grid.account.services where service.status == .accounted {
            out += CSVWriter.record(["total", "", "", "", "", JSONWriter.formatNumber(Double(grid.cellCount)), service.id.id,
                                     service.physicalTotal.map(JSONWriter.formatNumber) ?? "", service.physicalUnit.symbol, JSONWriter.formatNumber(service.value)])
        }
        return out
    }
}
