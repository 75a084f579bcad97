import GEPCore

/// 休闲旅游 — recreation and tourism: nature-based visits valued by what visitors spend to come
/// (travel-cost method proxy: travel, lodging, time and entrance costs per visit;
/// `gep-methods.md` §10 [S1][S7]).
///
/// Q = person-visits in the accounting year; V = Q·c (`price.travel_cost_per_visit`, CNY/visit).
/// Attributed county-wide (not to one ecosystem type).
public enum RecreationTourism: ServiceModel {
    /// The spec.
    public static let spec = ServiceSpec(
        id: .recreationTourism, physicalUnit: .known("visit"),
        methods: [MethodSpec(id: "travel_cost", formula: "V = N_visits × c_visit",
                             source: "travel-cost method, gep-methods.md §10 [S1][S7]")],
        sectionKeys: ["visits"],
        coefficients: ["price.travel_cost_per_visit"])

    /// Prices the visits.
    public static func account(method: MethodSpec, section: JSONNode, context: inout ModelContext) -> ServiceAccount {
        var reader = FieldReader(file: context.input.file)
        let visits = reader.quantity(section, "visits", path: "services.\(spec.id.id)", expected: .known("visit"))
        context.diagnostics += reader.diagnostics
        let count = visits?.value ?? .nan
        let line = ValueLine(service: spec.id, component: "visits", labelZH: "游客人次", labelEN: "Person-visits", ecosystem: nil,
                             quantity: count, unit: .known("visit"), priceID: "price.travel_cost_per_visit")
        return result(method: method, physical: [(nil, count)], total: count, lines: [line])
    }
}
