/// The stable ids of the ecosystem services in the catalogue, in catalogue order.
///
/// The list follows the national GEP method family (GB/T 46869-2025, the NDRC/NBS 2022
/// specification, the MEE 2020 guideline): six material products, eight regulating
/// services and two cultural services. Supporting services (NPP, nutrient cycling) are
/// excluded because their effect is already embodied in the others (`coefficients/REFERENCES.md` §0.1).
public enum ServiceID: String, CaseIterable, Sendable, Hashable, Comparable {
    case agriculturalProducts = "agricultural_products"
    case forestryProducts = "forestry_products"
    case livestockProducts = "livestock_products"
    case fisheryProducts = "fishery_products"
    case waterSupply = "water_supply"
    case hydropower
    case waterConservation = "water_conservation"
    case soilRetention = "soil_retention"
    case floodRegulation = "flood_regulation"
    case waterPurification = "water_purification"
    case airPurification = "air_purification"
    case carbonSequestration = "carbon_sequestration"
    case oxygenRelease = "oxygen_release"
    case climateRegulation = "climate_regulation"
    case recreationTourism = "recreation_tourism"
    case landscapePremium = "landscape_premium"

    /// The stable id.
    public var id: String { rawValue }

    /// The category the service's value is counted in.
    public var category: ServiceCategory {
        switch self {
        case .agriculturalProducts, .forestryProducts, .livestockProducts, .fisheryProducts, .waterSupply, .hydropower:
            .provisioning
        case .waterConservation, .soilRetention, .floodRegulation, .waterPurification, .airPurification,
             .carbonSequestration, .oxygenRelease, .climateRegulation:
            .regulating
        case .recreationTourism, .landscapePremium:
            .cultural
        }
    }

    /// Chinese name.
    public var nameZH: String {
        switch self {
        case .agriculturalProducts: "农业产品"
        case .forestryProducts: "林业产品"
        case .livestockProducts: "畜牧业产品"
        case .fisheryProducts: "渔业产品"
        case .waterSupply: "水资源供给"
        case .hydropower: "水能（水电）"
        case .waterConservation: "水源涵养"
        case .soilRetention: "土壤保持"
        case .floodRegulation: "洪水调蓄"
        case .waterPurification: "水质净化"
        case .airPurification: "空气净化"
        case .carbonSequestration: "固碳"
        case .oxygenRelease: "释氧"
        case .climateRegulation: "气候调节"
        case .recreationTourism: "休闲旅游"
        case .landscapePremium: "景观价值"
        }
    }

    /// English name.
    public var nameEN: String {
        switch self {
        case .agriculturalProducts: "Agricultural products"
        case .forestryProducts: "Forestry products"
        case .livestockProducts: "Livestock products"
        case .fisheryProducts: "Fishery products"
        case .waterSupply: "Water supply"
        case .hydropower: "Hydropower"
        case .waterConservation: "Water conservation"
        case .soilRetention: "Soil retention"
        case .floodRegulation: "Flood regulation"
        case .waterPurification: "Water purification"
        case .airPurification: "Air purification"
        case .carbonSequestration: "Carbon sequestration"
        case .oxygenRelease: "Oxygen release"
        case .climateRegulation: "Climate regulation"
        case .recreationTourism: "Recreation and tourism"
        case .landscapePremium: "Landscape premium"
        }
    }

    /// Catalogue order.
    public static func < (lhs: ServiceID, rhs: ServiceID) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
