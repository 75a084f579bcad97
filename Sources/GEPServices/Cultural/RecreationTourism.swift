import GEPCore

/// 休闲旅游 — recreation and tourism: nature-based visits valued by what visitors spend to come
/// (travel-cost method proxy: travel, lodging, time and entrance costs per visit;
/// `coefficients/REFERENCES.md` §10 [S1][S7]).
///
/// Q = person-visits in the accounting year; V = Q·c (`price.travel_cost_per_visit`, CNY/visit).
/// Attributed county-wide (not to one ecosystem type).
public enum RecreationTourism: ServiceModel {
    /// The spec.
    public static let spec = ServiceSpec(
        id: .recreationTourism, physicalUnit: .known("visit"),
        methods: [MethodSpec(id: "travel_cost", formula: "V = N_visits × c_visit",
                             source: "travel-cost method, REFERENCES.md §10 [S1][S7]")],
        sectionKeys: ["visits"],
        inputs: ["services.recreation_tourism.visits"],
        coefficients: ["price.travel_cost_per_visit"])

    /// Prices the visits.
    public static func account(method: MethodSpec, section: JSONNode, context: inout ModelContext) -> ServiceAccount {
        CountedQuantity.account(spec: spec, method: method, section: section, key: "visits", unit: "visit", component: "visits",
                                labelZH: "游客人次", labelEN: "Person-visits", priceID: "price.travel_cost_per_visit", context: &context)
    }
}
