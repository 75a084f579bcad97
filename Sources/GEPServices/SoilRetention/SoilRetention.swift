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
/// Counted for the types with a cover-management factor in force (the shipped sets leave out
/// water bodies and built-up land). On a grid R, K and LS may each be a layer
/// (`CellDriver.erosionPotential`).
public enum SoilRetention: ServiceModel {
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

    /// Computes retained soil per type and its three valued parts: A_sc,i = the
    /// `erosion_potential` driver (R·K·LS·Aᵢ, or its per-cell sum on a grid) × (1 − Cᵢ·Pᵢ).
    public static func account(method: MethodSpec, section: JSONNode, context: inout ModelContext) -> ServiceAccount {
        let id = spec.id
        let lambda = context.coefficient("soil_retention.sediment_deposition_share", "1", for: id)
        let density = context.coefficient("soil.bulk_density", "t/m3", for: id)
        let nitrogen = context.coefficient("soil.nitrogen_content", "t_N/t", for: id)
        let phosphorus = context.coefficient("soil.phosphorus_content", "t_P/t", for: id)
        var physical: [(ecosystem: EcosystemType?, quantity: Double)] = []
        var lines: [ValueLine] = []
        var excluded: [EcosystemType] = []
        for type in context.typesWith("cover_management_factor", excluded: &excluded) {
            let c = context.coefficient("cover_management_factor.\(type.id)", "1", for: id)
            let p = context.coefficient("support_practice_factor.\(type.id)", "1", for: id)
            let retained = context.product(.erosionPotential, type, for: id) * (1 - c * p)   // t/(ha·a) × ha
            physical.append((type, retained))
            func line(_ component: String, _ zh: String, _ en: String, _ quantity: Double, _ unit: String, _ price: String) {
                lines.append(ValueLine(service: id, component: component, labelZH: zh, labelEN: en, ecosystem: type, quantity: quantity,
                                       unit: .known(unit), priceID: price, driver: .erosionPotential))
            }
            line("sediment", "减少泥沙淤积", "Reservoir sedimentation avoided", lambda * retained / density, "m3", "price.reservoir_dredging_cost")
            line("nitrogen", "减少氮面源污染", "Nitrogen kept from water", retained * nitrogen, "t_N", "price.nitrogen_pollution_cost")
            line("phosphorus", "减少磷面源污染", "Phosphorus kept from water", retained * phosphorus, "t_P", "price.phosphorus_pollution_cost")
        }
        return result(method: method, physical: physical, total: physical.reduce(0) { $0 + $1.quantity }, lines: lines,
                      notes: ModelContext.exclusionNote(excluded, prefix: "cover_management_factor"))
    }
}
