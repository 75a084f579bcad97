import GEPCore

/// One factor of a product driver: a county statistic that a grid may replace by a layer of
/// the same name (`layers.<key>` in a grid input).
public struct DriverFactor: Sendable, Hashable {
    /// Where the county account reads the factor.
    public enum Level: Sendable, Hashable {
        /// `climate.<key>`, one value for the region.
        case climate
        /// `ecosystems.<type>.<key>`, one value per ecosystem type.
        case ecosystem
    }

    /// The county field key, which is also the grid layer role.
    public var key: String
    /// Region-wide or per type.
    public var level: Level
}

extension CellDriver {
    /// The factors of a driver that is a product of statistics or layers:
    /// driver = Σ_cells Π factors · `depthScale` · a, with a in m² (or ha when `isPerHectare`).
    /// `nil` for drivers with a formula of their own (retained water, water yield, stock
    /// increment), which their services compute.
    public var productFactors: [DriverFactor]? {
        switch self {
        case .area: []
        case .erosionPotential: [DriverFactor(key: "rainfall_erosivity", level: .climate), DriverFactor(key: "soil_erodibility", level: .climate),
                                 DriverFactor(key: "slope_length_factor", level: .ecosystem)]
        case .stormRain: [DriverFactor(key: "storm_precipitation", level: .climate)]
        case .coolingDayArea: [DriverFactor(key: "cooling_days", level: .climate)]
        case .coolingEvaporation: [DriverFactor(key: "water_surface_evaporation_cooling", level: .climate)]
        case .coolingTranspiration: [DriverFactor(key: "cooling_evapotranspiration", level: .ecosystem)]
        case .retainedWater, .waterYield, .stockIncrement: nil
        }
    }

    /// The unit conversion applied to the product of the factors: 10⁻³ for depths in mm
    /// (mm·m² → m³), else 1.
    public var depthScale: Double {
        switch self {
        case .stormRain, .coolingEvaporation, .coolingTranspiration: 1e-3
        default: 1
        }
    }

    /// Whether the area is counted in ha (RUSLE's t/(ha·a) × ha) rather than m².
    public var isPerHectare: Bool { self == .erosionPotential }
}
