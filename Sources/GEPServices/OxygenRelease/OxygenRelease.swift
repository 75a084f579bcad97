import GEPCore

/// 释氧 — oxygen release: O₂ released with the carbon fixed by photosynthesis, valued at an
/// oxygen price (`coefficients/REFERENCES.md` §8).
///
/// Q_O₂ = ΔCO₂ × 32/44 (`const.o2_per_co2`: one mole of O₂ per mole of CO₂ fixed; consistent
/// with [S4]'s 1.63 t CO₂ and 1.2 t O₂ per t of dry matter), using the sequestration of the
/// carbon service (its method, or its default when the carbon section is absent);
/// V = Q_O₂·P_O (`price.oxygen`, CNY/t O₂).
///
/// Optional: several standards list it as optional and it overlaps with carbon; switch it off
/// with `"oxygen_release": {"enabled": false, "reason": "…"}`.
public enum OxygenRelease: ServiceModel {
    /// The spec.
    public static let spec = ServiceSpec(
        id: .oxygenRelease, physicalUnit: .known("t_O2"),
        methods: [MethodSpec(id: "stoichiometric", formula: "Q_O2 = ΔCO2 × 32/44 [t O2]; V = Q_O2·P_O",
                             source: "photosynthesis stoichiometry; REFERENCES.md §8 [S4][S6]")],
        sectionKeys: ["reason"],
        inputs: ["(the carbon_sequestration inputs)"],
        coefficients: ["const.o2_per_co2", "price.oxygen", "(and the carbon_sequestration coefficients)"])

    /// Converts the carbon account's CO₂ into O₂ per type.
    public static func account(method: MethodSpec, section: JSONNode, context: inout ModelContext) -> ServiceAccount {
        let carbonMethod = context.input.serviceSections[.carbonSequestration]?["method"]?.string ?? CarbonSequestration.spec.defaultMethod.id
        let parts = CarbonSequestration.sequestration(method: carbonMethod, context: &context, for: spec.id)
        let ratio = context.coefficient("const.o2_per_co2", "t_O2/t_CO2", for: spec.id)
        let physical = parts.map { (ecosystem: Optional($0.type), quantity: $0.tonnes * ratio) }
        let lines = zip(parts, physical).map { part, physical in
            ValueLine(service: spec.id, component: "oxygen", labelZH: "释放氧气", labelEN: "O₂ released",
                      ecosystem: physical.ecosystem, quantity: physical.quantity, unit: .known("t_O2"), priceID: "price.oxygen", driver: part.driver)
        }
        return result(method: method, physical: physical, total: physical.reduce(0) { $0 + $1.quantity }, lines: lines,
                      notes: ["from carbon_sequestration computed by \(carbonMethod)"])
    }
}
