import GEPCore

/// 水质净化 — water purification: pollutant loads that the region's water bodies and
/// wetlands receive and purify, valued at the cost of treating them
/// (pollution-control cost method, `coefficients/REFERENCES.md` §5 [S1]).
///
/// Q_j = L_j (the load of pollutant j entering the region's waters, t/a, from environmental
/// statistics), for j ∈ {COD, NH₃-N, TP}; V = Σ_j Q_j·c_j (c_j = `price.<j>_treatment_cost`).
/// Quantities are attributed to water and wetland by area. The national capping rule (e.g.
/// the lower of load and environmental capacity) was not available, so no cap is applied:
/// give the load actually purified.
public enum WaterPurification: ServiceModel {
    /// Types that purify water.
    static let purifiers: [EcosystemType] = [.water, .wetland]

    /// The spec.
    public static let spec = ServiceSpec(
        id: .waterPurification, physicalUnit: .known("t"),
        methods: [MethodSpec(id: "pollutant_load", formula: "Q_j = L_j [t]; V = Σ_j Q_j·c_j, j ∈ {COD, NH3-N, TP}",
                             source: "pollution-control cost method, REFERENCES.md §5 [S1]")],
        sectionKeys: ["pollutant_loads"],
        inputs: ["services.water_purification.pollutant_loads.{cod, nh3n, tp}", "ecosystems.{water, wetland}.area"],
        coefficients: Pollutant.water.map { "price.\($0.key)_treatment_cost" })

    /// Prices each pollutant load, split over water and wetland by area.
    public static func account(method: MethodSpec, section: JSONNode, context: inout ModelContext) -> ServiceAccount {
        let id = spec.id
        let base = "services.\(id.id)"
        var reader = FieldReader(file: context.input.file)
        var loads: [(Pollutant, Double)] = []
        if let node = reader.field(section, "pollutant_loads", path: base, required: true), reader.object(node, path: base + ".pollutant_loads") != nil {
            reader.rejectUnknownKeys(node, allowed: Pollutant.water.map(\.key), path: base + ".pollutant_loads", what: "pollutant")
            for pollutant in Pollutant.water {
                if let q = reader.quantity(node, pollutant.key, path: base + ".pollutant_loads", expected: .known(pollutant.tonnes), required: false) {
                    loads.append((pollutant, q.value))
                }
            }
        }
        context.diagnostics += reader.diagnostics
        let shares = AreaShares(context.presentTypes(purifiers), input: context.input)
        // a county needs a water area for its loads; a grid part without water or wetland simply gets none of them
        if shares.types.isEmpty && !loads.isEmpty && context.grid == nil {
            context.missing("ecosystems.water.area", unit: .known("ha"), for: id)
        }
        var lines: [ValueLine] = []
        var sums: [EcosystemType?: Double] = [:]
        for (pollutant, load) in loads {
            for (type, share) in shares.pairs {
                lines.append(ValueLine(service: id, component: pollutant.key, labelZH: pollutant.nameZH, labelEN: pollutant.nameEN,
                                       ecosystem: type, quantity: load * share, unit: .known(pollutant.tonnes),
                                       priceID: "price.\(pollutant.key)_treatment_cost"))
                sums[type, default: 0] += load * share
            }
        }
        let physical = EcosystemAttribution.ordered(sums).map { ($0.ecosystem, $0.value) }
        return result(method: method, physical: physical, total: physical.reduce(0) { $0 + $1.1 }, lines: lines,
                      notes: ["physical total adds the masses of different pollutants; see the lines for each"])
    }
}

/// Area shares of a set of ecosystem types, for attributing a county-wide quantity.
struct AreaShares {
    /// The types with positive area.
    var types: [EcosystemType]
    /// Each type with its share of their total area (shares sum to 1).
    var pairs: [(EcosystemType, Double)]

    init(_ types: [EcosystemType], input: CountyInput) {
        let total = types.reduce(0) { $0 + input.area(of: $1) }
        self.types = types
        self.pairs = types.map { ($0, input.area(of: $0) / total) }
    }
}
