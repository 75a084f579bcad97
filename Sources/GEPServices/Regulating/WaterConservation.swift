import Foundation
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
/// Counted for forests, shrub, grassland, orchards, wetland and water, the classes [S3]'s
/// runoff-coefficient table covers; farmland and built-up land are not counted.
public enum WaterConservation: ServiceModel {
    /// Types counted (those with a runoff coefficient in [S3] Table 2).
    public static let eligible: [EcosystemType] = [.evergreenBroadleafForest, .coniferousForest, .mixedForest, .bambooForest, .shrub, .grassland,
                                            .orchard, .wetland, .water]

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

    /// Computes the conserved volume per ecosystem type.
    public static func account(method: MethodSpec, section: JSONNode, context: inout ModelContext) -> ServiceAccount {
        let id = spec.id
        let p = context.climate("precipitation", for: id)
        var physical: [(ecosystem: EcosystemType?, quantity: Double)] = []
        var lines: [ValueLine] = []
        var floored: [String] = []
        for type in context.presentTypes(eligible) {
            let alpha = context.coefficient("runoff_coefficient.\(type.id)", "1", for: id)
            let et = method.id == "water_yield"
                ? budykoActualET(type, precipitation: p, context: &context)
                : context.ecosystemField(type, "evapotranspiration", for: id)
            let depth = p - p * alpha - et            // mm
            if depth < 0 { floored.append(type.id) }
            let volume = max(0, depth) * 1e-3 * context.input.area(of: type) * 1e4   // mm → m, ha → m²
            physical.append((type, volume))
            lines.append(ValueLine(service: id, component: "retained_water", labelZH: "涵养水量", labelEN: "Water retained",
                                   ecosystem: type, quantity: volume, unit: .known("m3"), priceID: "price.reservoir_storage_cost"))
        }
        let notes = floored.isEmpty ? [] : ["P − R − ET was negative and counted as 0 for: \(floored.joined(separator: ", "))"]
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

/// The Fu–Budyko curve as InVEST's Annual Water Yield model applies it (InVEST 3.20 user guide,
/// Annual Water Yield; Zhang et al. 2004; Donohue et al. 2012).
public enum FuBudyko {
    /// Actual evapotranspiration in mm for a vegetated cell or type.
    ///
    /// AET = P·(1 + PET/P − [1 + (PET/P)^ω]^(1/ω)), ω = Z·AWC/P + 1.25, capped at 5 (InVEST's
    /// upper limit), and AET ≤ PET. Returns NaN for P ≤ 0 (InVEST treats P = 0 as nodata).
    ///
    /// - Parameters:
    ///   - precipitation: P, mm.
    ///   - potentialET: PET = Kc·ET₀, mm.
    ///   - availableWater: AWC = min(root depth, soil depth)·PAWC, mm.
    ///   - seasonality: Z, dimensionless.
    public static func actualET(precipitation p: Double, potentialET pet: Double, availableWater awc: Double, seasonality z: Double) -> Double {
        guard p > 0 else { return .nan }
        let omega = min(z * awc / p + 1.25, 5)
        let ratio = pet / p
        let fraction = 1 + ratio - pow(1 + pow(ratio, omega), 1 / omega)
        return min(fraction * p, pet)
    }
}

extension WaterConservation {
    /// Total water yield of the region, Σᵢ (P − ETᵢ)·Aᵢ·10⁻³ in m³ over every type (built-up
    /// land included), with ETᵢ measured (`water_balance`) or from Fu–Budyko (`water_yield`).
    /// This is the runoff the region sends downstream (quick flow and base flow together).
    static func waterYield(method: String, context: inout ModelContext, for user: ServiceID) -> Double {
        let p = context.climate("precipitation", for: user)
        var total = 0.0
        for type in context.presentTypes() {
            let et = method == "water_yield"
                ? budykoActualET(type, precipitation: p, context: &context)
                : context.ecosystemField(type, "evapotranspiration", for: user)
            total += (p - et) * 1e-3 * context.input.area(of: type) * 1e4
        }
        return total
    }
}
