import GEPCore

/// 空气净化 — air purification: SO₂ and NOx absorbed and dust retained by vegetation, valued at
/// the cost of abating the same emissions (`coefficients/REFERENCES.md` §6 [S1][S2]).
///
/// Q_x = Σᵢ q_x,i·Aᵢ (q_x,i the per-hectare absorption or retention rate of type i), or
/// min(Σᵢ q_x,i·Aᵢ, E_x) when the region's emission E_x is given in `emission_caps` (a
/// remote county cannot purify more than is emitted; [S1]'s Garzê account is capped so);
/// V = Σ_x Q_x·c_x (c_x = `price.<x>_abatement_cost`). Types: those with a rate for the
/// pollutant in force (the shipped sets have sourced per-hectare rates for the four forest
/// types only). On a grid the areas are the grid's (`CellDriver.area`) and a cap scales
/// every cell alike.
public enum AirPurification: ServiceModel {
    /// The spec.
    public static let spec = ServiceSpec(
        id: .airPurification, physicalUnit: .known("t"),
        methods: [MethodSpec(id: "absorption_capacity", formula: "Q_x = min(Σ_i q_x,i·A_i, E_x) [t]; V = Σ_x Q_x·c_x, x ∈ {SO2, NOx, dust}",
                             source: "REFERENCES.md §6 [S1][S2]")],
        sectionKeys: ["emission_caps"],
        inputs: ["ecosystems.<forest type>.area", "services.air_purification.emission_caps.{so2, nox, dust} (optional)"],
        coefficients: Pollutant.air.map { "air_purification.\($0.key).<type>" } + Pollutant.air.map { "price.\($0.key)_abatement_cost" })

    /// Computes capacity per type and pollutant, capped by emissions where given.
    public static func account(method: MethodSpec, section: JSONNode, context: inout ModelContext) -> ServiceAccount {
        let id = spec.id
        let base = "services.\(id.id)"
        var reader = FieldReader(file: context.input.file)
        var caps: [String: Double] = [:]
        if let node = reader.field(section, "emission_caps", path: base, required: false), reader.object(node, path: base + ".emission_caps") != nil {
            reader.rejectUnknownKeys(node, allowed: Pollutant.air.map(\.key), path: base + ".emission_caps", what: "pollutant")
            for pollutant in Pollutant.air {
                if let q = reader.quantity(node, pollutant.key, path: base + ".emission_caps", expected: .known(pollutant.tonnes), required: false) {
                    caps[pollutant.key] = q.value
                }
            }
        }
        context.diagnostics += reader.diagnostics
        var lines: [ValueLine] = []
        var sums: [EcosystemType?: Double] = [:]
        var notes = ["physical total adds the masses of different pollutants; see the lines for each"]
        for pollutant in Pollutant.air {
            let types = context.typesWith("air_purification.\(pollutant.key)")
            let capacity = types.map { type in
                context.coefficient("air_purification.\(pollutant.key).\(type.id)", "\(pollutant.tonnes)/(ha*a)", for: id)
                    * context.input.area(of: type)
            }
            let total = capacity.reduce(0, +)
            var scale = 1.0
            if let cap = caps[pollutant.key], total > cap {
                scale = total > 0 ? cap / total : 0
                notes.append("\(pollutant.nameEN): capacity \(total) t capped at the emission \(cap) t")
            }
            for (type, amount) in zip(types, capacity) {
                lines.append(ValueLine(service: id, component: pollutant.key, labelZH: pollutant.nameZH, labelEN: pollutant.nameEN,
                                       ecosystem: type, quantity: amount * scale, unit: .known(pollutant.tonnes),
                                       priceID: "price.\(pollutant.key)_abatement_cost", driver: .area))
                sums[type, default: 0] += amount * scale
            }
        }
        let physical = EcosystemAttribution.ordered(sums).map { ($0.ecosystem, $0.value) }
        return result(method: method, physical: physical, total: physical.reduce(0) { $0 + $1.1 }, lines: lines, notes: notes)
    }
}
