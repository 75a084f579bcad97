import GEPCore

/// The model of every service in the catalogue.
public enum ServiceCatalogue {
    /// The model type for a service.
    public static func model(for id: ServiceID) -> any ServiceModel.Type {
        switch id {
        case .agriculturalProducts: AgriculturalProducts.self
        case .forestryProducts: ForestryProducts.self
        case .livestockProducts: LivestockProducts.self
        case .fisheryProducts: FisheryProducts.self
        case .waterSupply: WaterSupply.self
        case .hydropower: Hydropower.self
        case .waterConservation: WaterConservation.self
        case .soilRetention: SoilRetention.self
        case .floodRegulation: FloodRegulation.self
        case .waterPurification: WaterPurification.self
        case .airPurification: AirPurification.self
        case .carbonSequestration: CarbonSequestration.self
        case .oxygenRelease: OxygenRelease.self
        case .climateRegulation: ClimateRegulation.self
        case .recreationTourism: RecreationTourism.self
        case .landscapePremium: LandscapePremium.self
        }
    }

    /// The spec of a service.
    public static func spec(for id: ServiceID) -> ServiceSpec { model(for: id).spec }
}
