import GEPCore

/// The effective coefficient set: every id in force, its value, unit, base year, range, the
/// layer it came from, what it replaced, and its source.
public enum CoefficientsReport {
    /// Renders the effective set; `ids` restricts the listing (all when empty).
    public static func render(_ effective: EffectiveCoefficients, format: ReportFormat, language l: ReportLanguage) -> String {
        let ids = effective.ids
        switch format {
        case .json:
            let list: [JSON] = ids.map { id in
                let history = effective.history[id] ?? []
                var object = entry(effective.entries[id]!)
                object["replaces"] = .array(history.dropLast().reversed().map { .object(entry($0)) })
                return .object(object)
            }
            return JSONWriter.string(["layers": .array(effective.layers.map { .string($0) }),
                                      "price_index": ["id": .string(effective.priceIndex.id), "source": .string(effective.priceIndex.source)],
                                      "coefficients": .array(list)])
        case .csv:
            var out = CSVWriter.record(["id", "value", "unit", "base_year", "low", "high", "domain", "origin", "replaces", "source", "note"])
            for id in ids {
                let c = effective.entries[id]!
                out += CSVWriter.record([c.id, JSONWriter.formatNumber(c.value), c.unit.symbol, String(c.baseYear),
                                         c.low.map(JSONWriter.formatNumber) ?? "", c.high.map(JSONWriter.formatNumber) ?? "",
                                         c.domain?.description ?? "", c.origin, replaced(effective, id), c.source, c.note ?? ""])
            }
            return out
        case .table, .markdown:
            let headers = [l.pick("系数", "Coefficient"), l.pick("取值", "Value"), l.pick("单位", "Unit"), l.pick("基准年", "Base year"),
                           l.pick("范围", "Range"), l.pick("定义域", "Domain"), l.pick("来源层", "Set"), l.pick("覆盖", "Replaces")]
            let alignments: [TextTable.Alignment] = [.left, .right, .left, .right, .left, .left, .left, .left]
            let rows = ids.map { id -> [String] in
                let c = effective.entries[id]!
                let range = (c.low != nil || c.high != nil) ? "\(c.low.map(JSONWriter.formatNumber) ?? "…")–\(c.high.map(JSONWriter.formatNumber) ?? "…")" : ""
                return [c.id, JSONWriter.formatNumber(c.value), c.unit.symbol, String(c.baseYear), range, c.domain?.description ?? "", c.origin, replaced(effective, id)]
            }
            let title = l.pick("生效系数：", "Effective coefficients: ") + effective.layers.joined(separator: " → ")
                + l.pick("；价格指数 ", "; price index ") + effective.priceIndex.id
            let sources = ids.map { id in "\(id): \(effective.entries[id]!.source)" + (effective.entries[id]!.note.map { " — \($0)" } ?? "") }
            if format == .markdown {
                return "# " + title + "\n\n" + MarkdownTable.render(headers: headers, alignments: alignments, rows: rows)
                    + "\n## " + l.pick("来源", "Sources") + "\n\n" + sources.map { "- " + $0 }.joined(separator: "\n") + "\n"
            }
            var table = TextTable(headers: headers, alignments: alignments)
            for row in rows { table.add(row) }
            return title + "\n\n" + table.render() + "\n" + l.pick("来源", "Sources") + "\n" + sources.map { "  " + $0 }.joined(separator: "\n") + "\n"
        }
    }

    private static func entry(_ c: Coefficient) -> [String: JSON] {
        var object: [String: JSON] = ["id": .string(c.id), "value": .number(c.value), "unit": .string(c.unit.symbol),
                                      "base_year": .number(Double(c.baseYear)), "source": .string(c.source), "origin": .string(c.origin)]
        if let low = c.low { object["low"] = .number(low) }
        if let high = c.high { object["high"] = .number(high) }
        if let domain = c.domain { object["domain"] = .string(domain.description) }
        if let note = c.note { object["note"] = .string(note) }
        if let name = c.nameEN { object["name_en"] = .string(name) }
        if let name = c.nameZH { object["name_zh"] = .string(name) }
        return object
    }

    /// `guangdong: 0.717; national: 0.53` — earlier values this one replaced, latest first.
    private static func replaced(_ effective: EffectiveCoefficients, _ id: String) -> String {
        (effective.history[id] ?? []).dropLast().reversed().map { "\($0.origin): \(JSONWriter.formatNumber($0.value))" }.joined(separator: "; ")
    }
}
