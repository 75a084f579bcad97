import GEPCore

/// 土壤保持 — soil retention: the erosion the vegetation prevents, valued by the reservoir
/// sedimentation it avoids and the nitrogen and phosphorus it keeps out of the water
/// (`coefficients/REFERENCES.md` §3 [S1][S2]).
///
/// Physical (RUSLE, potential minus actual erosion):
/// A_sc,i = R·K·LSᵢ·(1 − Cᵢ·Pᵢ)·Aᵢ  [t of soil per year]
///
/// Value:
/// - sediment: V_sd = λ·(A_sc/ρ)·c_d  (λ share of eroded soil that silts reservoirs, ρ bulk
///   density t/m³, c_d dredging cost CNY/m³);
/// - non-point pollution: V_ncp = Σ_j A_sc·c_j·p_j over j ∈ {N, P} (soil content c_j in
///   t_j per t of soil, p_j CNY per t_j).
/// Water bodies and built-up land are excluded.
public enum SoilRetention: ServiceModel {
    /// Types with soil to retain.
    public static let eligible = EcosystemType.allCases.filter { $0 != .water && $0 != .builtUp }

    /// The spec.
    public static let spec = ServiceSpec(
        id: .soilRetention, physicalUnit: .known("t"),
        methods: [MethodSpec(id: "rusle", formula: "A_sc = Σ_i R·K·LS_i·(1 − C_i·P_i)·A_i [t]; V = λ·A_sc/ρ·c_d + Σ_{N,P} A_sc·c_j·p_j",
                             source: "RUSLE potential − actual erosion; valuation after REFERENCES.md §3 [S1][S2]")],
        sectionKeys: [],
        inputs: ["ecosystems.<type>.area", "ecosystems.<type>.slope_length_factor", "climate.rainfall_erosivity", "climate.soil_erodibility"],
        coefficients: ["cover_management_factor.<type>", "support_practice_factor.<type>", "soil_retention.sediment_deposition_share",
                       "soil.bulk_density", "soil.nitrogen_content", "soil.phosphorus_content", "price.reservoir_dredging_cost",
                       "price.nitrogen_pollution_cost", "price.phosphorus_pollution_cost"])

    /// Computes retained soil per type and its three valued parts.
    public static func account(method: MethodSpec, section: JSONNode, context: inout ModelContext) -> ServiceAccount {
        let id = spec.id
        let r = context.climate("rainfall_erosivity", for: id)          // MJ·mm/(ha·h·a)
        let k = context.climate("soil_erodibility", for: id)            // t·ha·h/(ha·MJ·mm)
        let lambda = context.coefficient("soil_retention.sediment_deposition_share", "1", for: id)
        let density = context.coefficient("soil.bulk_density", "t/m3", for: id)
        let nitrogen = context.coefficient("soil.nitrogen_content", "t_N/t", for: id)
        let phosphorus = context.coefficient("soil.phosphorus_content", "t_P/t", for: id)
        var physical: [(ecosystem: EcosystemType?, quantity: Double)] = []
        var lines: [ValueLine] = []
        for type in context.presentTypes(eligible) {
            let ls = context.ecosystemField(type, "slope_length_factor", for: id)
            let c = context.coefficient("cover_management_factor.\(type.id)", "1", for: id)
            let p = context.coefficient("support_practice_factor.\(type.id)", "1", for: id)
            let retained = r * k * ls * (1 - c * p) * context.input.area(of: type)   // t/(ha·a) × ha
            physical.append((type, retained))
            lines.append(ValueLine(service: id, component: "sediment", labelZH: "减少泥沙淤积", labelEN: "Reservoir sedimentation avoided",
                                   ecosystem: type, quantity: lambda * retained / density, unit: .known("m3"), priceID: "price.reservoir_dredging_cost"))
            lines.append(ValueLine(service: id, component: "nitrogen", labelZH: "减少氮面源污染", labelEN: "Nitrogen kept from water",
                                   ecosystem: type, quantity: retained * nitrogen, unit: .known("t_N"), priceID: "price.nitrogen_pollution_cost"))
            lines.append(ValueLine(service: id, component: "phosphorus", labelZH: "减少磷面源污染", labelEN: "Phosphorus kept from water",
                                   ecosystem: type, quantity: retained * phosphorus, unit: .known("t_P"), priceID: "price.phosphorus_pollution_cost"))
        }
        return result(method: method, physical: physical, total: physical.reduce(0) { $0 + $1.quantity }, lines: lines)
    }
}
