import GEPAnalysis
import GEPCore

/// The JSON form of a ``CompensationQuote``: money in CNY, shares as fractions, keys sorted.
enum CompensationJSON {
    static func json(_ q: CompensationQuote) -> JSON {
        func part(_ p: QuotePart) -> JSON {
            .object(["symbol": .string(p.symbol), "label": .string(p.label), "value": .number(p.value), "unit": .string(p.unit), "source": .string(p.source)])
        }
        let payers: [JSON] = q.payers.map {
            .object(["id": .string($0.id), "name": .string($0.name), "share": .number($0.share), "share_source": .string($0.shareSource),
                     "exact_yuan": .number($0.exact), "rounded_yuan": .number($0.rounded)])
        }
        let coefficients: [JSON] = q.coefficients.map {
            .object(["id": .string($0.id), "value": .number($0.value), "unit": .string($0.unit), "base_year": .number(Double($0.baseYear)),
                     "source": .string($0.source), "set": .string($0.origin), "low": $0.low.map(JSON.number) ?? .null,
                     "high": $0.high.map(JSON.number) ?? .null])
        }
        return .object([
            "quote_id": .string(q.id), "scheme": .string(q.scheme), "formula": .string(q.formula),
            "direction": q.direction.map(JSON.string) ?? .null,
            "parts": .array(q.parts.map(part)),
            "amount_yuan": .number(q.amount), "rounded_total_yuan": .number(q.roundedTotal),
            "rounding": .object(["unit": .string(q.rounding.unit.rawValue), "rule": .string(q.rounding.rule.rawValue), "text": .string(q.rounding.text)]),
            "payers": .array(payers),
            "bounds": .object(["lower_yuan": .number(q.lowerBound), "lower_parts": .array(q.lowerBoundParts.map(part)),
                               "upper_yuan": .number(q.upperBound), "upper_basis": .string(q.upperBoundBasis.rawValue),
                               "upper_formula": .string(q.upperBoundFormula), "check": .string(q.boundCheck.rawValue)]),
            "band": q.band.map { .object(["low_yuan": .number($0.low), "high_yuan": .number($0.high)]) } ?? .null,
            "band_method": .string(q.bandMethod),
            "price_basis": .object(["basis": .string(q.priceBasis.description), "price_year": .number(Double(q.priceYear))]),
            "coefficient_layers": .array(q.coefficientLayers.map(JSON.string)),
            "coefficients": .array(coefficients),
            "inputs": .object(["files": .array(q.inputFiles.map(JSON.string)), "sha256": .string(q.inputsSHA256)]),
        ])
    }
}
