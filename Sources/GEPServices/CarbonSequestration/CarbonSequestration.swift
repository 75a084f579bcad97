import GEPCore

/// 固碳 — carbon sequestration: CO₂ taken up by ecosystems in the accounting year, valued at a
/// carbon price (`coefficients/REFERENCES.md` §7; GB/T 46869-2025 A.7 as summarised in §16).
///
/// Per ecosystem type, by the best data the county has (A.7's order of preference):
/// - `stock_change` (IPCC 2006 AFOLU stock-change, biomass method) for forest types with a
///   forest-inventory increment: ΔC = ΔV·D·BEF·(1 + R)·CF [t C], ΔV the net annual volume
///   increment (m³), D basic wood density (t dry matter/m³), BEF biomass expansion factor,
///   R root:shoot ratio, CF carbon fraction of dry matter (t C/t);
/// - `nep` where a measured NEP is given: ΔC = NEP·A;
/// - `rate` otherwise: ΔCO₂ = rᵢ·Aᵢ with a per-area rate rᵢ (t CO₂/(ha·a)).
/// Carbon is converted with 44/12 t CO₂ per t C (`const.co2_per_c`) and valued at
/// `price.carbon` (CNY/t CO₂; a price in CNY/t C is rejected, not silently converted).
/// The method `rate` forces rates everywhere; `nep` prefers NEP over inventory data.
/// A type counts when it has a carbon rate in force: the shipped sets give none for farmland
/// (paddy, dry: its biomass is harvested and re-emitted within the year), water or built-up land.
public enum CarbonSequestration: ServiceModel {
    /// The spec.
    public static let spec = ServiceSpec(
        id: .carbonSequestration, physicalUnit: .known("t_CO2"),
        methods: [
            MethodSpec(id: "stock_change", formula: "forest: ΔCO2 = ΔV·D·BEF·(1+R)·CF·44/12; others: NEP·A·44/12 or r_i·A_i [t CO2]; V = ΔCO2·P_c",
                       source: "IPCC 2006 GL Vol.4 Ch.2 eq. 2.8/2.10 stock-change (biomass) method; GB/T 46869-2025 A.7 via REFERENCES.md §16"),
            MethodSpec(id: "nep", formula: "ΔCO2 = NEP_i·A_i·44/12 where NEP is given, else as stock_change [t CO2]; V = ΔCO2·P_c",
                       source: "NEP method, REFERENCES.md §7 [S2]"),
            MethodSpec(id: "rate", formula: "ΔCO2 = Σ_i r_i·A_i [t CO2]; V = ΔCO2·P_c",
                       source: "fixation-rate method, GB/T 46869-2025 A.7 via REFERENCES.md §16"),
        ],
        sectionKeys: [],
        inputs: ["ecosystems.<type>.area", "forest_stock.<forest type>.annual_increment (stock_change)",
                 "ecosystems.<type>.net_ecosystem_productivity (nep, optional)"],
        coefficients: ["wood_density.<forest type>", "biomass_expansion_factor.<forest type>", "root_shoot_ratio.<forest type>",
                       "carbon_fraction.<forest type>", "carbon_rate.<type>", "const.co2_per_c", "price.carbon"])

    /// How one type's sequestration was computed.
    enum Basis: String { case stockChange = "stock_change", nep, rate }

    /// One type's sequestration: t CO₂ in the accounting year, how it was computed, and the
    /// driver it is proportional to.
    struct Part {
        var type: EcosystemType
        var tonnes: Double
        var basis: Basis
        var driver: CellDriver?
    }

    /// CO₂ sequestered per type (t CO₂ in the accounting year) and the basis used for each.
    /// Types count when they have a carbon rate in force (the fallback of every method); the
    /// stock change is used where the county gives the type's increment (on a grid, the
    /// stock-density layers' `stock_increment`, or the county's increment allocated by area).
    static func sequestration(method: String, context: inout ModelContext, for user: ServiceID) -> [Part] {
        var excluded: [EcosystemType] = []
        return sequestration(method: method, context: &context, for: user, excluded: &excluded)
    }

    /// As `sequestration(method:context:for:)`, listing the present types without a carbon rate.
    static func sequestration(method: String, context: inout ModelContext, for user: ServiceID, excluded: inout [EcosystemType]) -> [Part] {
        let co2PerC = context.coefficient("const.co2_per_c", "t_CO2/t_C", for: user)
        var result: [Part] = []
        for type in context.typesWith("carbon_rate", excluded: &excluded) {
            let area = context.input.area(of: type)
            let nep = context.input.ecosystemFields[type]?["net_ecosystem_productivity"]?.value
            let increment = context.input.forestStock[type]?["annual_increment"]?.value
            if method == "nep", let nep {
                result.append(Part(type: type, tonnes: nep * 1e-6 * area * 1e4 * co2PerC, basis: .nep, driver: .area))       // g C/m² → t C/m², ha → m²
            } else if method != "rate", let increment {
                let density = context.coefficient("wood_density.\(type.id)", "t_dm/m3", for: user)
                let bef = context.coefficient("biomass_expansion_factor.\(type.id)", "1", for: user)
                let rootShoot = context.coefficient("root_shoot_ratio.\(type.id)", "1", for: user)
                let fraction = context.coefficient("carbon_fraction.\(type.id)", "t_C/t_dm", for: user)
                let (volume, driver) = context.driver(.stockIncrement, type) { _ in increment }
                result.append(Part(type: type, tonnes: volume * density * bef * (1 + rootShoot) * fraction * co2PerC, basis: .stockChange, driver: driver))
            } else if method != "rate", let nep {
                result.append(Part(type: type, tonnes: nep * 1e-6 * area * 1e4 * co2PerC, basis: .nep, driver: .area))
            } else {
                let rate = context.coefficient("carbon_rate.\(type.id)", "t_CO2/(ha*a)", for: user)
                result.append(Part(type: type, tonnes: rate * area, basis: .rate, driver: .area))
            }
        }
        return result
    }

    /// Computes sequestration per type and prices it.
    public static func account(method: MethodSpec, section: JSONNode, context: inout ModelContext) -> ServiceAccount {
        var excluded: [EcosystemType] = []
        let parts = sequestration(method: method.id, context: &context, for: spec.id, excluded: &excluded)
        let lines = parts.map { part in
            ValueLine(service: spec.id, component: part.basis.rawValue, labelZH: "固定二氧化碳", labelEN: "CO₂ sequestered",
                      ecosystem: part.type, quantity: part.tonnes, unit: .known("t_CO2"), priceID: "price.carbon", driver: part.driver)
        }
        let notes = Dictionary(grouping: parts, by: \.basis).sorted { $0.key.rawValue < $1.key.rawValue }
            .map { basis, items in "\(basis.rawValue): \(items.map(\.type.id).joined(separator: ", "))" }
            + ModelContext.exclusionNote(excluded, prefix: "carbon_rate")
        return result(method: method, physical: parts.map { ($0.type, $0.tonnes) }, total: parts.reduce(0) { $0 + $1.tonnes }, lines: lines, notes: notes)
    }
}
