/// A physical quantity that a spatial service's lines are proportional to, summed over the
/// cells of one ecosystem type (and of one zone or land-cover class).
///
/// A grid sums each driver cell by cell from its layers; a county account evaluates the same
/// formula once per ecosystem type with the county's statistics in place of the layers and the
/// type's area in place of the cell area. A service's value lines are the driver sums times
/// per-type coefficients, so the same line formula serves both, and a grid whose every cell of
/// a type carries the county's figures gives the county account (the county account is the
/// aggregated grid).
///
/// Where a line is a county total with no per-cell basis (a product's output, a pollutant load,
/// reservoir storage), it has no driver; a grid allocates it by the area of its ecosystem type.
public enum CellDriver: String, CaseIterable, Sendable, Hashable {
    /// Σ a, m² (the area itself: per-area rates, capacities and depths).
    case area
    /// Σ max(0, P − α·P − ET)·a·10⁻³, m³: water retained (water conservation; α per type).
    case retainedWater = "retained_water"
    /// Σ (P − ET)·a·10⁻³, m³: water yield, the runoff sent downstream (every type).
    case waterYield = "water_yield"
    /// Σ R·K·LS·a·10⁻⁴, t: RUSLE potential erosion (soil retention multiplies by 1 − C·P).
    case erosionPotential = "erosion_potential"
    /// Σ P_storm·a·10⁻³, m³: storm rainfall (flood regulation multiplies by 1 − β).
    case stormRain = "storm_rain"
    /// Σ d·a, d·m²: cooling days times area (transpiration cooling).
    case coolingDayArea = "cooling_day_area"
    /// Σ e·a·10⁻³, m³: open-water evaporation during the cooling days.
    case coolingEvaporation = "cooling_evaporation"
    /// Σ T·a·10⁻³, m³: water transpired by vegetation during the cooling days (T the actual
    /// evapotranspiration of the cooling period, mm), for transpiration cooling from measured ET.
    case coolingTranspiration = "cooling_transpiration"
    /// Σ (V_end − V_start)·a·10⁻⁴, m³: growing-stock increment of the year (stock-change carbon).
    case stockIncrement = "stock_increment"

    /// The unit of the summed driver.
    public var unit: PhysicalUnit {
        switch self {
        case .area: .known("m2")
        case .retainedWater, .waterYield, .stormRain, .coolingEvaporation, .coolingTranspiration, .stockIncrement: .known("m3")
        case .erosionPotential: .known("t")
        case .coolingDayArea: .known("d*m2")
        }
    }
}
