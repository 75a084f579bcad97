import GEPCore
import GEPServices

extension QuoteEngine {
    /// `water_quantity_quality`: T = Q · P_w · f_q · k_c with P = K₀·Σ wᵢ·(Cᵢ/Cᵢ₀), f_q = max(0, 2 − P).
    static func water(_ inputs: WaterQuantityQualityInputs, spec: QuoteSpec, file: String, input: QuoteRegion, account: Account,
                      coefficients: EffectiveCoefficients) throws(GEPError) -> Figures {
        let delivered: (value: Double, source: String)
        if let grid = inputs.gridWater {
            delivered = (grid.value, grid.source ?? "grid zone water yield")
        } else if let indicator = account.indicators.first(where: { $0.id == "water_delivered_to_reservoir" }) {
            delivered = (indicator.value, "county account indicator water_delivered_to_reservoir: \(indicator.formula)")
        } else {
            throw .invalidData([Diagnostic(file: input.name, path: "downstream_reservoir",
                                           message: "the quote \(file) needs the water delivered to the reservoir, which the account computes only when the county input names a \"downstream_reservoir\"")])
        }
        var users: Set<String> = ["indicators"]
        let price: Double, priceSource: String
        switch inputs.price {
        case let .coefficient(id):
            var lookup = CoefficientLookup(effective: coefficients, priceYear: account.priceYear)
            price = lookup.value(id, in: .known("CNY/m3"), for: "compensation")
            if !lookup.diagnostics.isEmpty {
                throw .invalidData(lookup.diagnostics.map { Diagnostic(file: file, path: "water_quantity_quality.water_price", message: $0.message) })
            }
            if price < 0 {
                throw .invalidData([Diagnostic(file: file, path: "water_quantity_quality.water_price", message: "coefficient \(id) is negative (\(price) CNY/m3)")])
            }
            users.insert(id)
            priceSource = "coefficient \(id) (\(coefficients.entries[id]?.origin ?? "")), indexed to \(account.priceYear) prices (factor \(lookup.indexFactors[id] ?? 1))"
        case let .quantity(q):
            price = q.value
            priceSource = q.source ?? "no source given"
        }
        var parts = [
            QuotePart(symbol: "Q", label: "water delivered to the reservoir", value: delivered.value, unit: "m3", source: delivered.source),
            QuotePart(symbol: "P_w", label: "water price", value: price, unit: "CNY/m3", source: priceSource),
            QuotePart(symbol: "K0", label: "index stability coefficient", value: inputs.k0.value, unit: "1", source: inputs.k0.source ?? "no source given"),
        ]
        var sum = 0.0
        for p in inputs.pollutants {
            let ratio = p.concentration.value / p.standard.value
            sum += p.weight.value * ratio
            parts.append(QuotePart(symbol: "C/C0_\(p.id)", label: "\(p.id): \(p.concentration.value) / \(p.standard.value) mg/L, weight \(p.weight.value)",
                                   value: ratio, unit: "1",
                                   source: "C: \(p.concentration.source ?? "no source given"); C0: \(p.standard.source ?? "no source given"); w: \(p.weight.source ?? "no source given")"))
        }
        let index = inputs.k0.value * sum
        let quality = max(0, 2 - index)
        parts.append(QuotePart(symbol: "P", label: "water-quality index K0·Σ w_i·C_i/C0_i", value: index, unit: "1", source: "computed"))
        parts.append(QuotePart(symbol: "f_q", label: "quality factor max(0, 2 − P)", value: quality, unit: "1", source: "computed"))
        let capacity: Double
        switch inputs.capacity {
        case let .gdpRatio(payer, payee):
            capacity = payer.value / payee.value
            parts.append(QuotePart(symbol: "k_c", label: "payment capacity: payer GDP/cap \(payer.value) ÷ payee GDP/cap \(payee.value) CNY/person",
                                   value: capacity, unit: "1", source: "payer: \(payer.source ?? "no source given"); payee: \(payee.source ?? "no source given")"))
        case let .given(q):
            capacity = q.value
            parts.append(QuotePart(symbol: "k_c", label: "payment-capacity (development-stage) coefficient", value: capacity, unit: "1", source: q.source ?? "no source given"))
        }
        let direction = index <= 1 ? "downstream pays upstream (P ≤ 1)" : "upstream pays downstream (P > 1)"
        var f = Figures(amount: delivered.value * price * quality * capacity,
                        formula: "T = Q × P_w × f_q × k_c;  P = K0 × Σ_i w_i·(C_i/C0_i);  f_q = max(0, 2 − P);  P ≤ 1: downstream pays upstream, P > 1: upstream pays downstream",
                        direction: direction, parts: parts, upper: 0, upperFormula: "", account: account, previous: nil, users: users)
        try upper(&f, spec: spec, input: input, file: file)
        return f
    }
}
