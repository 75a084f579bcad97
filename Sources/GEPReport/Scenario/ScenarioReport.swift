import GEPAnalysis
import GEPCore

/// Scenario comparisons: per scenario and service the baseline, scenario, difference and
/// percent, and the difference split into quantity and price effects.
public enum ScenarioReport {
    /// Renders the comparisons.
    public static func render(_ comparisons: [ScenarioComparison], format: ReportFormat, language l: ReportLanguage) -> String {
        switch format {
        case .json:
            return JSONWriter.string(["scenarios": .array(comparisons.map(json))])
        case .csv:
            var out = CSVWriter.record(["scenario", "service", "baseline_yuan", "scenario_yuan", "difference_yuan", "difference_percent",
                                        "quantity_effect_yuan", "price_effect_yuan"])
            for comparison in comparisons {
                for row in comparison.services + [comparison.total] {
                    out += CSVWriter.record([comparison.scenario.id, row.service?.id ?? "gep", number(row.baseline), number(row.scenario),
                                             number(row.difference), row.relative.map { number($0 * 100) } ?? "",
                                             number(row.quantityEffect), number(row.priceEffect)])
                }
            }
            return out
        case .table, .markdown:
            let markdown = format == .markdown
            var out = ""
            for comparison in comparisons {
                let s = comparison.scenario
                let title = l.pick("情景：", "Scenario: ") + l.pick(s.nameZH, s.nameEN) + " (\(s.id); " + l.pick("基准 ", "baseline ") + s.baselineName + ")"
                let basis = l.pick("基准：", "Baseline: ") + "\(comparison.baseline.year), \(comparison.baseline.priceBasis)" + l.pick("；情景：", "; scenario: ")
                    + "\(comparison.result.year), \(comparison.result.priceBasis)"
                let headers = [l.pick("服务", "Service"), l.pick("基准（万元）", "Baseline (万元)"), l.pick("情景（万元）", "Scenario (万元)"),
                               l.pick("差值（万元）", "Δ (万元)"), "Δ %", l.pick("数量效应", "Quantity effect"), l.pick("价格效应", "Price effect")]
                let alignments: [TextTable.Alignment] = [.left, .right, .right, .right, .right, .right, .right]
                var rows: [[String]] = []
                for row in comparison.services where row.baseline != 0 || row.scenario != 0 {
                    rows.append(cells(row, label: row.service.map { l.pick($0.nameZH, $0.nameEN) } ?? ""))
                }
                rows.append(cells(comparison.total, label: l.pick("生态产品总值（GEP）", "GEP")))
                if markdown {
                    out += "## " + title + "\n\n" + basis + "\n\n" + MarkdownTable.render(headers: headers, alignments: alignments, rows: rows) + "\n"
                } else {
                    var table = TextTable(headers: headers, alignments: alignments)
                    for (index, row) in rows.enumerated() {
                        if index == rows.count - 1 { table.separator() }
                        table.add(row)
                    }
                    out += title + "\n" + basis + "\n" + table.render() + "\n"
                }
            }
            return out
        }
    }

    private static func cells(_ row: ScenarioComparison.Row, label: String) -> [String] {
        [label, NumberText.wan(row.baseline), NumberText.wan(row.scenario), NumberText.wan(row.difference),
         row.relative.map { NumberText.grouped($0 * 100, decimals: 2) + " %" } ?? "–", NumberText.wan(row.quantityEffect), NumberText.wan(row.priceEffect)]
    }

    private static func number(_ value: Double) -> String { JSONWriter.formatNumber(value) }

    private static func json(_ comparison: ScenarioComparison) -> JSON {
        func row(_ row: ScenarioComparison.Row) -> JSON {
            ["service": row.service.map { .string($0.id) } ?? "gep", "baseline_yuan": .number(row.baseline), "scenario_yuan": .number(row.scenario),
             "difference_yuan": .number(row.difference), "difference_share": row.relative.map(JSON.number) ?? .null,
             "quantity_effect_yuan": .number(row.quantityEffect), "price_effect_yuan": .number(row.priceEffect)]
        }
        let s = comparison.scenario
        return ["id": .string(s.id), "name_zh": .string(s.nameZH), "name_en": .string(s.nameEN), "file": .string(s.file),
                "baseline_input": .string(s.baselineName),
                "baseline": ["year": .number(Double(comparison.baseline.year)), "price_basis": .string(comparison.baseline.priceBasis.description),
                             "total_yuan": .number(comparison.baseline.total)],
                "scenario": ["year": .number(Double(comparison.result.year)), "price_basis": .string(comparison.result.priceBasis.description),
                             "total_yuan": .number(comparison.result.total), "account": AccountJSON.value(comparison.result)],
                "services": .array(comparison.services.map(row)), "total": row(comparison.total)]
    }
}
