import GEPCore

/// 水源涵养 — water conservation: the water an ecosystem retains and releases, valued at the
/// cost of building reservoir storage for the same volume (shadow project).
///
/// Two methods of the national method family, chosen per account and recorded in the output:
/// - `water_balance` (Ouyang group; MEE/NDRC basis, `coefficients/REFERENCES.md` §2 model A [S1][S2][S3]):
///   Qᵢ = max(0, P − Rᵢ − ETᵢ)·Aᵢ·10⁻³, Rᵢ = P·αᵢ, with measured ETᵢ per ecosystem type.
/// - `water_yield` (`coefficients/REFERENCES.md` §2 model B, InVEST Annual Water Yield [S8]): the same
///   balance with ETᵢ from the Fu–Budyko curve, AETᵢ/P = 1 + PETᵢ/P − [1 + (PETᵢ/P)^ω]^(1/ω),
///   PETᵢ = Kcᵢ·ET₀, ω = Z·AWCᵢ/P + 1.25 capped at 5, AWCᵢ = min(root depthᵢ, soil depth)·PAWC;
///   for non-vegetated types AETᵢ = min(Kcᵢ·ET₀, P).
///
/// Value: V = Σ Qᵢ × P_r (P_r = `price.reservoir_storage_cost`, CNY/m³).
/// Counted for the types with a runoff coefficient in force (`runoff_coefficient.<type>`; the
/// shipped sets cover forests, shrub, grassland, orchards, wetland and water, the classes
/// [S3]'s table covers, so farmland and built-up land are not counted unless a set adds them).
/// On a grid, Qᵢ is summed cell by cell (`CellDriver.retainedWater`).
public enum WaterConservation: ServiceModel {
    /// The spec.
    public static let spec = ServiceSpec(
        id: .waterConservation, physicalUnit: .known("m3"),
        methods: [
            MethodSpec(id: "water_balance", formula: "Q = Σ_i max(0, P − P·α_i − ET_i)·A_i·10⁻³ [m³]; V = Q·P_r",
                       source: "water-balance method, REFERENCES.md §2 model A [S1][S2][S3]"),
            MethodSpec(id: "water_yield", formula: "Q = Σ_i max(0, P − P·α_i − AET_i)·A_i·10⁻³, AET_i from Fu–Budyko (InVEST AWY); V = Q·P_r",
                       source: "InVEST 3.20 Annual Water Yield, REFERENCES.md §2 model B [S8]"),
        ],
        sectionKeys: [],
        inputs: ["ecosystems.<type>.area", "climate.precipitation", "ecosystems.<type>.evapotranspiration (water_balance)",
                 "climate.reference_evapotranspiration, climate.soil_depth, climate.plant_available_water_content (water_yield)"],
        coefficients: ["runoff_coefficient.<type>", "price.reservoir_storage_cost",
                       "crop_coefficient.<type>, root_depth.<type>, vegetated.<type>, water_yield.seasonality_z (water_yield only)"])

    /// Computes the conserved volume per ecosystem type: Qᵢ = the `retained_water` driver
    /// (the grid's sum, or `WaterBalance.retainedDepth` on the county's statistics × Aᵢ).
    public static func account(method: MethodSpec, section: JSONNode, context: inout ModelContext) -> ServiceAccount {
        let id = spec.id
        let p = context.grid == nil ? context.climate("precipitation", for: id) : .nan
        var physical: [(ecosystem: EcosystemType?, quantity: Double)] = []
        var lines: [ValueLine] = []
        var floored: [String] = []
        var excluded: [EcosystemType] = []
        for type in context.typesWith("runoff_coefficient", excluded: &excluded) {
            let alpha = context.coefficient("runoff_coefficient.\(type.id)", "1", for: id)
            let (volume, driver) = context.driver(.retainedWater, type) { context in
                let et = method.id == "water_yield"
                    ? budykoActualET(type, precipitation: p, context: &context)
                    : context.ecosystemField(type, "evapotranspiration", for: id)
                let depth = WaterBalance.depth(precipitation: p, runoffCoefficient: alpha, evapotranspiration: et)
                if depth < 0 { floored.append(type.id) }
                return max(0, depth) * 1e-3 * context.input.area(of: type) * 1e4   // mm → m, ha → m²
            }
            physical.append((type, volume))
            lines.append(ValueLine(service: id, component: "retained_water", labelZH: "涵养水量", labelEN: "Water retained",
                                   ecosystem: type, quantity: volume, unit: .known("m3"), priceID: "price.reservoir_storage_cost", driver: driver))
        }
        var notes = floored.isEmpty ? [] : ["P − R − ET was negative and counted as 0 for: \(floored.joined(separator: ", "))"]
        notes += ModelContext.exclusionNote(excluded, prefix: "runoff_coefficient")
        return result(method: method, physical: physical, total: physical.reduce(0) { $0 + $1.quantity }, lines: lines, notes: notes)
    }

    /// InVEST's annual actual evapotranspiration for one type, in mm.
    static func budykoActualET(_ type: EcosystemType, precipitation p: Double, context: inout ModelContext) -> Double {
        let id = spec.id
        let et0 = context.climate("reference_evapotranspiration", for: id)
        let kc = context.coefficient("crop_coefficient.\(type.id)", "1", for: id)
        let vegetated = context.coefficient("vegetated.\(type.id)", "1", for: id)
        guard vegetated >= 0.5 else { return min(kc * et0, p) }
        let rootDepth = context.coefficient("root_depth.\(type.id)", "mm", for: id)
        let soilDepth = context.climate("soil_depth", for: id)
        let pawc = context.climate("plant_available_water_content", for: id)
        let z = context.coefficient("water_yield.seasonality_z", "1", for: id)
        return FuBudyko.actualET(precipitation: p, potentialET: kc * et0, availableWater: min(rootDepth, soilDepth) * pawc, seasonality: z)
    }
}

extension WaterConservation {
    /// Total water yield of the region, Σᵢ (P − ETᵢ)·Aᵢ·10⁻³ in m³ over every type (built-up
    /// land included), with ETᵢ measured (`water_balance`) or from Fu–Budyko (`water_yield`);
    /// on a grid the `water_yield` driver summed cell by cell. This is the runoff the region
    /// sends downstream (quick flow and base flow together).
    static func waterYield(method: String, context: inout ModelContext, for user: ServiceID) -> Double {
        let p = context.grid == nil ? context.climate("precipitation", for: user) : .nan
        var total = 0.0
        for type in context.presentTypes() {
            total += context.driver(.waterYield, type) { context in
                let et = method == "water_yield"
                    ? budykoActualET(type, precipitation: p, context: &context)
                    : context.ecosystemField(type, "evapotranspiration", for: user)
                return (p - et) * 1e-3 * context.input.area(of: type) * 1e4
            }.value
        }
        return total
    }
}
