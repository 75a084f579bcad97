import GEPCore

/// 洪水调蓄 — flood regulation: storm water held back by vegetation and soil, paddy ridges,
/// marshes and reservoirs, valued at reservoir construction cost (`coefficients/REFERENCES.md` §4, §16 A.6).
///
/// Q = Q_veg + Q_paddy + Q_marsh + Q_res, all in m³:
/// - vegetation (forests, shrub, grassland, orchard): Σᵢ P_storm·(1 − βᵢ)·Aᵢ·10⁻³, βᵢ the
///   storm runoff coefficient (GB/T 46869-2025 A.6 names storm rainfall and storm runoff);
/// - paddy fields: h_paddy·A_paddy (water the field ridges hold);
/// - marshes (wetland): h_marsh·A_wetland (0.3 m ponding depth, [S1] read as a depth);
/// - reservoirs: s·C_t, s = flood-control share of total storage (0.35, [S1]).
/// Lakes are not counted: the only published lake regression is Qinghai-Tibetan (§4).
/// V = Q·P_r (P_r = `price.reservoir_storage_cost`).
/// Vegetation counts for the types with a storm runoff coefficient in force; paddy and marsh
/// storage are declared for those two types; reservoir storage is a county total (a grid
/// allocates it by water area). On a grid the storm rainfall may be a layer (`CellDriver.stormRain`).
public enum FloodRegulation: ServiceModel {
    /// The spec.
    public static let spec = ServiceSpec(
        id: .floodRegulation, physicalUnit: .known("m3"),
        methods: [MethodSpec(id: "storage_capacity",
                             formula: "Q = Σ_veg P_storm·(1 − β_i)·A_i·10⁻³ + h_paddy·A_paddy + h_marsh·A_wetland + s·C_t [m³]; V = Q·P_r",
                             source: "REFERENCES.md §4 [S1] and §16 (GB/T 46869-2025 A.6, secondary)")],
        sectionKeys: [],
        inputs: ["ecosystems.<type>.area", "climate.storm_precipitation", "hydrology.reservoir_total_storage (optional)"],
        coefficients: ["storm_runoff_coefficient.<vegetated type>", "flood.paddy_storage_depth", "flood.marsh_storage_depth",
                       "flood.reservoir_flood_share", "price.reservoir_storage_cost"])

    /// Computes each storage component.
    public static func account(method: MethodSpec, section: JSONNode, context: inout ModelContext) -> ServiceAccount {
        let id = spec.id
        var physical: [(ecosystem: EcosystemType?, quantity: Double)] = []
        var lines: [ValueLine] = []
        func add(_ type: EcosystemType?, _ component: String, _ zh: String, _ en: String, _ volume: Double, _ driver: CellDriver?) {
            physical.append((type, volume))
            lines.append(ValueLine(service: id, component: component, labelZH: zh, labelEN: en, ecosystem: type,
                                   quantity: volume, unit: .known("m3"), priceID: "price.reservoir_storage_cost", driver: driver))
        }
        for type in context.typesWith("storm_runoff_coefficient") {
            let beta = context.coefficient("storm_runoff_coefficient.\(type.id)", "1", for: id)
            add(type, "vegetation", "植被与土壤滞蓄", "Vegetation and soil storage", context.product(.stormRain, type, for: id) * (1 - beta), .stormRain)
        }
        if context.input.area(of: .paddy) > 0 {
            let depth = context.coefficient("flood.paddy_storage_depth", "m", for: id)
            add(.paddy, "paddy", "稻田滞蓄", "Paddy ridge storage", depth * context.input.area(of: .paddy) * 1e4, .area)
        }
        if context.input.area(of: .wetland) > 0 {
            let depth = context.coefficient("flood.marsh_storage_depth", "m", for: id)
            add(.wetland, "marsh", "沼泽滞蓄", "Marsh storage", depth * context.input.area(of: .wetland) * 1e4, .area)
        }
        if let storage = context.input.hydrology["reservoir_total_storage"]?.value {
            let share = context.coefficient("flood.reservoir_flood_share", "1", for: id)
            add(.water, "reservoirs", "水库防洪库容", "Reservoir flood-control storage", share * storage, nil)
        }
        return result(method: method, physical: merged(physical), total: physical.reduce(0) { $0 + $1.quantity }, lines: lines)
    }

    /// Sums components attributed to the same type (catalogue order).
    static func merged(_ parts: [(ecosystem: EcosystemType?, quantity: Double)]) -> [(ecosystem: EcosystemType?, quantity: Double)] {
        var sums: [EcosystemType?: Double] = [:]
        for part in parts { sums[part.ecosystem, default: 0] += part.quantity }
        return EcosystemAttribution.ordered(sums).map { ($0.ecosystem, $0.value) }
    }
}
