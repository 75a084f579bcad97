/// The independent per-cell parts of the grid account kernel. Each part reads its own layers
/// and per-class numbers and writes its own accumulator quantities, so a part can be folded
/// alone and its sums spliced into an earlier fold: the result is bit-identical to a full
/// fold (same bands, same order of additions).
struct GridAccountParts: OptionSet, Hashable, Sendable {
    let rawValue: Int

    /// Water conservation and water yield (water balance or Fu–Budyko).
    static let water = GridAccountParts(rawValue: 1)
    /// RUSLE soil retention.
    static let soil = GridAccountParts(rawValue: 2)
    /// Rate-based carbon (also feeds oxygen release, which is priced from it).
    static let carbon = GridAccountParts(rawValue: 4)

    /// Each part on its own, in a fixed order.
    static let each: [GridAccountParts] = [.water, .soil, .carbon]

    /// The name of one part: `water`, `soil` or `carbon`.
    var name: String {
        switch self {
        case .water: "water"
        case .soil: "soil"
        default: "carbon"
        }
    }

    /// The accumulator quantities the part writes.
    var quantities: [GridAccumulator.Quantity] {
        var list: [GridAccumulator.Quantity] = []
        if contains(.water) { list += [.waterConserved, .waterYield] }
        if contains(.soil) { list.append(.soilRetained) }
        if contains(.carbon) { list.append(.carbon) }
        return list
    }

    /// The layer roles the part reads besides the land cover, for the water method in use.
    func layerRoles(waterMethod: String?) -> [String] {
        var roles: [String] = []
        if contains(.water), let waterMethod {
            roles.append("precipitation")
            roles += waterMethod == "water_yield"
                ? ["reference_evapotranspiration", "soil_depth", "plant_available_water_content"]
                : ["evapotranspiration"]
        }
        if contains(.soil) { roles += ["rainfall_erosivity", "soil_erodibility", "slope_length_factor"] }
        return roles
    }
}

extension GridParameters {
    /// The per-class numbers one part's cells depend on: two parameter sets with equal keys
    /// give the part identical per-cell values.
    struct PartKey: Hashable, Sendable {
        var part: Int
        var values: [Float]
    }

    /// The key of `part` (one of `GridAccountParts.each`).
    func key(_ part: GridAccountParts) -> PartKey {
        switch part {
        case .water: PartKey(part: part.rawValue, values: mapped + alpha + conserves + kc + rootDepth + vegetated + [seasonality])
        case .soil: PartKey(part: part.rawValue, values: mapped + coverPractice + retainsSoil)
        default: PartKey(part: part.rawValue, values: mapped + carbonRate)
        }
    }
}
