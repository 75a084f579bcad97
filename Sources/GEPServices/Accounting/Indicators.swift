import GEPCore

/// The "two mountains" (两山) indicators reported next to GEP, and what the county delivers to
/// its downstream reservoir.
///
/// - `gep_to_gdp` = GEP at current prices / GDP (GDP is nominal, so GEP is taken at current
///   prices whatever the report's basis);
/// - `gep_per_km2` = GEP / area; `gep_per_capita` = GEP / population (at the report's basis);
/// - `regulating_share` = regulating services / Σ services;
/// - with a downstream reservoir: `water_yield` = Σᵢ (P − ETᵢ)·Aᵢ (the region's runoff),
///   `water_delivered_to_reservoir` = water yield × draining share, and
///   `share_of_reservoir_inflow` = delivered / the reservoir's mean inflow.
enum Indicators {
    static func compute(account: Account, context: inout ModelContext) -> [Indicator] {
        var result: [Indicator] = []
        let input = context.input
        let total = account.total
        if let gdp = input.gdp?.value, gdp > 0 {
            let toCurrent = input.year == account.priceYear ? 1 : (context.coefficients.effective.priceIndex.factor(from: account.priceYear, to: account.year) ?? .nan)
            result.append(Indicator(id: "gep_to_gdp", nameZH: "GEP与GDP之比", nameEN: "GEP / GDP", value: total * toCurrent / gdp,
                                    unit: .dimensionless, formula: "GEP (current prices) / GDP"))
        }
        result.append(Indicator(id: "gep_per_km2", nameZH: "单位面积GEP", nameEN: "GEP per km²", value: total / account.areaKm2,
                                unit: .known("CNY/km2"), formula: "GEP / region area"))
        if let population = input.population?.value, population > 0 {
            result.append(Indicator(id: "gep_per_capita", nameZH: "人均GEP", nameEN: "GEP per capita", value: total / population,
                                    unit: .known("CNY/person"), formula: "GEP / population"))
        }
        let gross = account.grossValue
        if gross > 0 {
            result.append(Indicator(id: "regulating_share", nameZH: "调节服务占比", nameEN: "Regulating share", value: account.value(of: .regulating) / gross,
                                    unit: .dimensionless, formula: "regulating services / Σ services"))
        }
        if let reservoir = input.downstreamReservoir, context.grid.map({ $0.folded.contains(.waterYield) }) ?? true {
            let method = input.serviceSections[.waterConservation]?["method"]?.string ?? WaterConservation.spec.defaultMethod.id
            let yield = WaterConservation.waterYield(method: method, context: &context, for: .waterConservation)
            let delivered = yield * reservoir.drainingShare.value
            result.append(Indicator(id: "water_yield", nameZH: "产水量", nameEN: "Water yield", value: yield, unit: .known("m3"),
                                    formula: "Σ_i (P − ET_i)·A_i (\(method))"))
            result.append(Indicator(id: "water_delivered_to_reservoir", nameZH: "入\(reservoir.nameZH)水量", nameEN: "Water delivered to the \(reservoir.nameEN)",
                                    value: delivered, unit: .known("m3"), formula: "water yield × draining share (\(reservoir.drainingShare.value))"))
            if let inflow = reservoir.meanInflow?.value, inflow > 0 {
                result.append(Indicator(id: "share_of_reservoir_inflow", nameZH: "占\(reservoir.nameZH)入库水量比例", nameEN: "Share of the \(reservoir.nameEN)'s inflow",
                                        value: delivered / inflow, unit: .dimensionless, formula: "delivered / mean annual inflow"))
            }
        }
        return result
    }
}
