/// The ecosystem (land-cover) types an account is broken down by.
///
/// The classes follow the first- and second-level ecosystem classes of the national GEP
/// method family (forest, shrub, grassland, wetland, farmland, urban; GB/T 46869-2025 as
/// summarised in `coefficients/REFERENCES.md` §16), with forest split by the types a county forest
/// inventory reports. Raw values are the stable ids used in input files and coefficient ids
/// (for example `runoff_coefficient.coniferous_forest`).
public enum EcosystemType: String, CaseIterable, Sendable, Hashable, Comparable {
    case evergreenBroadleafForest = "evergreen_broadleaf_forest"
    case coniferousForest = "coniferous_forest"
    case mixedForest = "mixed_forest"
    case bambooForest = "bamboo_forest"
    case shrub
    case grassland
    case wetland
    case paddy
    case dryFarmland = "dry_farmland"
    case orchard
    case water
    case builtUp = "built_up"

    /// The stable id.
    public var id: String { rawValue }

    /// Chinese name as used in county accounts.
    public var nameZH: String {
        switch self {
        case .evergreenBroadleafForest: "常绿阔叶林"
        case .coniferousForest: "针叶林"
        case .mixedForest: "针阔混交林"
        case .bambooForest: "竹林"
        case .shrub: "灌丛"
        case .grassland: "草地"
        case .wetland: "湿地"
        case .paddy: "水田"
        case .dryFarmland: "旱地"
        case .orchard: "园地"
        case .water: "水域"
        case .builtUp: "建设用地"
        }
    }

    /// English name.
    public var nameEN: String {
        switch self {
        case .evergreenBroadleafForest: "Evergreen broadleaf forest"
        case .coniferousForest: "Coniferous forest"
        case .mixedForest: "Mixed forest"
        case .bambooForest: "Bamboo forest"
        case .shrub: "Shrubland"
        case .grassland: "Grassland"
        case .wetland: "Wetland"
        case .paddy: "Paddy field"
        case .dryFarmland: "Dry farmland"
        case .orchard: "Orchard"
        case .water: "Water body"
        case .builtUp: "Built-up land"
        }
    }

    /// True for the four forest types (the types a forest inventory reports stock for).
    public var isForest: Bool {
        switch self {
        case .evergreenBroadleafForest, .coniferousForest, .mixedForest, .bambooForest: true
        default: false
        }
    }

    /// Catalogue order.
    public static func < (lhs: EcosystemType, rhs: EcosystemType) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
