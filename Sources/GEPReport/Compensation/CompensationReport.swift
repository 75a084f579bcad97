import GEPAnalysis
import GEPCore

/// Renders a ``CompensationQuote`` as an aligned table, Markdown or stable JSON.
///
/// Table and Markdown show the formula, every part with unit and source, the amount and its
/// rounding rule, the payer split, the bounds and the low–high band (money in CNY and 万元),
/// the coefficients with sources, the coefficient layers and the inputs' SHA-256. JSON carries
/// the same in base units (CNY) with sorted keys, so equal quotes give equal bytes.
public enum CompensationReport {
    /// The report text in `format` (`csv` is rendered as the table).
    public static func render(_ quote: CompensationQuote, format: ReportFormat) -> String {
        switch format {
        case .json: return JSONWriter.string(CompensationJSON.json(quote))
        case .markdown: return text(quote, markdown: true)
        case .table, .csv: return text(quote, markdown: false)
        }
    }

    private static func money(_ yuan: Double) -> String { NumberText.grouped(yuan, decimals: 2) }

    static func text(_ q: CompensationQuote, markdown: Bool) -> String {
        var out = markdown ? "# Ecological-compensation quote \(q.id)\n\n" : "Ecological-compensation quote \(q.id)\n"
        let facts = [
            "Scheme: \(q.scheme)",
            "Formula: \(q.formula)",
            "Price basis: \(q.priceBasis) (\(q.priceYear) prices); coefficient sets: \(q.coefficientLayers.joined(separator: " → "))",
        ] + (q.direction.map { ["Direction: \($0)"] } ?? [])
        out += facts.map { markdown ? "- \($0)\n" : "\($0)\n" }.joined() + "\n"
        out += section("Formula parts", markdown: markdown, headers: ["symbol", "what", "value", "unit", "source"],
                       alignments: [.left, .left, .right, .left, .left],
                       rows: q.parts.map { [$0.symbol, $0.label, NumberText.quantity($0.value), $0.unit, $0.source] })
        var amountRows = [["amount (unrounded)", money(q.amount), NumberText.wan(q.amount)],
                          ["rounded total", money(q.roundedTotal), NumberText.wan(q.roundedTotal)]]
        if let band = q.band {
            amountRows.append(["band low (coefficients at low)", money(band.low), NumberText.wan(band.low)])
            amountRows.append(["band high (coefficients at high)", money(band.high), NumberText.wan(band.high)])
        } else {
            amountRows.append(["band", "n/a", "n/a"])
        }
        amountRows.append(["lower bound (opportunity cost)", money(q.lowerBound), NumberText.wan(q.lowerBound)])
        amountRows.append(["upper bound (\(q.upperBoundBasis.rawValue))", money(q.upperBound), NumberText.wan(q.upperBound)])
        out += section("Amount (CNY)", markdown: markdown, headers: ["item", "CNY", "万元"], alignments: [.left, .right, .right], rows: amountRows)
        let flag = switch q.boundCheck {
        case .within: "within [lower, upper]"
        case .below_lower: "FLAG: below the lower bound (does not cover the opportunity cost)"
        case .above_upper: "FLAG: above the upper bound (exceeds the ecosystem-service value)"
        }
        let notes = ["Bounds check: \(flag)", "Upper bound: \(q.upperBoundFormula)", "Rounding: \(q.rounding.text)", "Band: \(q.bandMethod)"]
        out += notes.map { markdown ? "- \($0)\n" : "\($0)\n" }.joined() + "\n"
        out += section("Opportunity cost (lower bound)", markdown: markdown, headers: ["line", "CNY", "source"], alignments: [.left, .right, .left],
                       rows: q.lowerBoundParts.map { [$0.label, money($0.value), $0.source] })
        var payerRows = q.payers.map { [$0.name, $0.id, NumberText.quantity($0.share), money($0.exact), money($0.rounded), $0.shareSource] }
        payerRows.append(["total", "", NumberText.quantity(q.payers.reduce(0) { $0 + $1.share }), money(q.amount), money(q.payers.reduce(0) { $0 + $1.rounded }), ""])
        out += section("Payers", markdown: markdown, headers: ["payer", "id", "share", "exact (CNY)", "rounded (CNY)", "share source"],
                       alignments: [.left, .left, .right, .right, .right, .left], rows: payerRows)
        out += section("Coefficients", markdown: markdown, headers: ["id", "value", "unit", "base year", "low", "high", "set", "source"],
                       alignments: [.left, .right, .left, .right, .right, .right, .left, .left],
                       rows: q.coefficients.map { [$0.id, JSONWriter.formatNumber($0.value), $0.unit, String($0.baseYear),
                                                   $0.low.map(JSONWriter.formatNumber) ?? "", $0.high.map(JSONWriter.formatNumber) ?? "", $0.origin, $0.source] })
        let hash = ["Inputs hashed: \(q.inputFiles.joined(separator: " + "))", "SHA-256: \(q.inputsSHA256)"]
        out += hash.map { markdown ? "- \($0)\n" : "\($0)\n" }.joined()
        return out
    }

    private static func section(_ title: String, markdown: Bool, headers: [String], alignments: [TextTable.Alignment], rows: [[String]]) -> String {
        if markdown { return "## \(title)\n\n" + MarkdownTable.render(headers: headers, alignments: alignments, rows: rows) + "\n" }
        var table = TextTable(headers: headers, alignments: alignments)
        for row in rows { table.add(row) }
        return "\(title)\n" + table.render() + "\n"
    }
}
