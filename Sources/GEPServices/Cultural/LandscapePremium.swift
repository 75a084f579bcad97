import GEPCore

/// 景观价值 — landscape premium: the part of property value (or rent) owed to a nearby natural
/// landscape, as Shenzhen's account reports it (`coefficients/REFERENCES.md` §10).
///
/// Q = floor area of homes within the landscape's influence (m²); V = Q·u, u the annual
/// hedonic premium per m² of floor area (`price.landscape_premium`, CNY/m² per year, from a
/// local hedonic study). The national formula was not found, so this is the simplest
/// defensible form: the county must supply both the area and a local premium.
public enum LandscapePremium: ServiceModel {
    /// The spec.
    public static let spec = ServiceSpec(
        id: .landscapePremium, physicalUnit: .known("m2"),
        methods: [MethodSpec(id: "hedonic_premium", formula: "V = A_floor × u_premium",
                             source: "hedonic pricing; Shenzhen 2020 reports a natural-landscape premium (REFERENCES.md §10); formula not found in the national texts")],
        sectionKeys: ["benefiting_floor_area"],
        inputs: ["services.landscape_premium.benefiting_floor_area"],
        coefficients: ["price.landscape_premium"])

    /// Prices the benefiting floor area.
    public static func account(method: MethodSpec, section: JSONNode, context: inout ModelContext) -> ServiceAccount {
        CountedQuantity.account(spec: spec, method: method, section: section, key: "benefiting_floor_area", unit: "m2",
                                component: "floor_area", labelZH: "受益建筑面积", labelEN: "Benefiting floor area",
                                priceID: "price.landscape_premium", context: &context)
    }
}
