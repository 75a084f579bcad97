import GEPCore

/// 气候调节 — local climate regulation: the heat absorbed by plant transpiration and water-surface
/// evaporation on hot days, valued as the electricity air conditioners would use to remove the
/// same heat (`coefficients/REFERENCES.md` §9 [S1][S2]; GB/T 46869-2025 A.11 via §16).
///
/// E = E_veg + E_water (+ E_hum), in kWh:
/// - vegetation (forests, shrub, grassland): E_veg = Σᵢ Hᵢ·Aᵢ·d / r, Hᵢ the heat consumed by
///   transpiration per unit area and day, d the cooling days, r the air conditioners' energy
///   efficiency ratio; where the actual evapotranspiration T of the cooling days is measured
///   (`ecosystems.<type>.cooling_evapotranspiration`, or a grid layer of that name, per cell),
///   the latent heat of the water transpired instead: E_veg = Σᵢ Tᵢ·Aᵢ·ρ·λ / r;
/// - water surfaces (water, wetland): E_water = e·A·ρ·λ / r, e the evaporation during the cooling
///   days, ρ water density, λ latent heat of vaporisation;
/// - humidification (only when `"include_humidification": true`): E_hum = e·A·γ, γ the
///   humidifier's electricity per m³ evaporated. Off by default: a humid subtropical county
///   does not humidify, and no sourced γ was found.
/// V = E·P_e (`price.electricity`, CNY/kWh).
///
/// Vegetation counts for the types with a transpiration heat in force; the evaporating
/// surfaces are declared below. On a grid the cooling days and the evaporation may be layers
/// (`CellDriver.coolingDayArea`, `CellDriver.coolingEvaporation`).
public enum ClimateRegulation: ServiceModel {
    /// Evaporating surfaces.
    static let waterSurfaces: [EcosystemType] = [.water, .wetland]

    /// The spec.
    public static let spec = ServiceSpec(
        id: .climateRegulation, physicalUnit: .known("kWh"),
        methods: [MethodSpec(id: "evapotranspiration_energy",
                             formula: "E = Σ_veg H_i·A_i·d/r (or, with measured cooling-period ET T, Σ_veg T_i·A_i·ρ·λ/r) + e·A_water·ρ·λ/r [kWh]; V = E·P_e",
                             source: "REFERENCES.md §9 [S1][S2]; GB/T 46869-2025 A.11 (secondary, §16)")],
        sectionKeys: ["include_humidification"],
        inputs: ["ecosystems.<type>.area", "climate.cooling_days", "climate.water_surface_evaporation_cooling",
                 "ecosystems.<vegetated type>.cooling_evapotranspiration (optional)"],
        coefficients: ["climate.transpiration_heat.<vegetated type>", "climate.ac_energy_efficiency_ratio", "const.water_density",
                       "const.latent_heat_vaporization", "climate.humidifier_energy (only with humidification)", "price.electricity"])

    /// Computes cooling energy per type from the `cooling_day_area` (d·A) and
    /// `cooling_evaporation` (e·A) drivers.
    public static func account(method: MethodSpec, section: JSONNode, context: inout ModelContext) -> ServiceAccount {
        let id = spec.id
        var reader = FieldReader(file: context.input.file)
        let humidify = reader.bool(section, "include_humidification", path: "services.\(id.id)", required: false) ?? false
        context.diagnostics += reader.diagnostics
        var physical: [(ecosystem: EcosystemType?, quantity: Double)] = []
        var lines: [ValueLine] = []
        let vegetated = context.typesWith("climate.transpiration_heat")
        let surfaces = context.presentTypes(waterSurfaces)
        guard !vegetated.isEmpty || !surfaces.isEmpty else { return result(method: method, physical: [], total: 0, lines: []) }
        let eer = context.coefficient("climate.ac_energy_efficiency_ratio", "1", for: id)
        let measuredET = CellDriver.coolingTranspiration.productFactors![0].key
        var gridHasET = false
        if let grid = context.grid { gridHasET = grid.layers.contains(measuredET) }
        var fromET: [EcosystemType] = []
        for type in vegetated {
            let energy: Double, driver: CellDriver
            if gridHasET || context.input.ecosystemFields[type]?[measuredET] != nil {
                let density = context.coefficient("const.water_density", "kg/m3", for: id)
                let latent = context.coefficient("const.latent_heat_vaporization", "kWh/kg", for: id)
                energy = context.product(.coolingTranspiration, type, for: id) * density * latent / eer
                driver = .coolingTranspiration
                fromET.append(type)
            } else {
                let heat = context.coefficient("climate.transpiration_heat.\(type.id)", "kWh/(m2*d)", for: id)
                energy = heat * context.product(.coolingDayArea, type, for: id) / eer
                driver = .coolingDayArea
            }
            physical.append((type, energy))
            lines.append(ValueLine(service: id, component: "transpiration", labelZH: "植被蒸腾降温", labelEN: "Transpiration cooling",
                                   ecosystem: type, quantity: energy, unit: .known("kWh"), priceID: "price.electricity", driver: driver))
        }
        let etNote = fromET.isEmpty ? [] : ["transpiration from the measured cooling-period evapotranspiration (T·A·ρ·λ/r) for: \(fromET.map(\.id).joined(separator: ", "))"]
        if !surfaces.isEmpty {
            let density = context.coefficient("const.water_density", "kg/m3", for: id)
            let latent = context.coefficient("const.latent_heat_vaporization", "kWh/kg", for: id)
            let gamma = humidify ? context.coefficient("climate.humidifier_energy", "kWh/m3", for: id) : 0
            for type in surfaces {
                let volume = context.product(.coolingEvaporation, type, for: id)
                let cooling = volume * density * latent / eer
                let humidification = volume * gamma
                physical.append((type, cooling + humidification))
                lines.append(ValueLine(service: id, component: "evaporation", labelZH: "水面蒸发降温", labelEN: "Evaporation cooling",
                                       ecosystem: type, quantity: cooling, unit: .known("kWh"), priceID: "price.electricity", driver: .coolingEvaporation))
                if humidify {
                    lines.append(ValueLine(service: id, component: "humidification", labelZH: "水面蒸发增湿", labelEN: "Humidification",
                                           ecosystem: type, quantity: humidification, unit: .known("kWh"), priceID: "price.electricity",
                                           driver: .coolingEvaporation))
                }
            }
        }
        return result(method: method, physical: physical, total: physical.reduce(0) { $0 + $1.quantity }, lines: lines,
                      notes: etNote + (humidify ? [] : ["humidification not counted (include_humidification is false)"]))
    }
}
