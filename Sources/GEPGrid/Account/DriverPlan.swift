import GEPCore
import GEPServices

/// What the grid kernel computes per cell, reduced once from the grid input, the county input
/// and the coefficients into flat per-class arrays, so the cell loop does only loads and
/// arithmetic.
///
/// Slots (per class and zone, summed in Double): 0 cells; then, when water conservation is
/// accounted, the retained depth max(0, P − α·P − ET) and the yield depth P − ET (mm); then
/// each product driver with at least one factor given as a layer (Π layer factors); then the
/// stock-density difference V_end − V_start (m³/ha). `GridAccountAssembly` turns them into
/// `CellDriver` sums with the cell area and each driver's scale.
struct DriverPlan: Sendable {
    /// How the water part computes ET.
    enum Water: Sendable, Equatable {
        /// Water balance with ET from a layer (its index) or per class (`classET`).
        case balance(evapotranspiration: Int?)
        /// InVEST's Fu–Budyko AET from ET0, soil depth and PAWC layers (their indices).
        case fuBudyko(referenceET: Int, soilDepth: Int, pawc: Int)
    }

    /// A product driver folded from layers.
    struct Product: Sendable {
        var driver: CellDriver
        /// Indices of its layer factors.
        var layers: [Int]
        var slot: Int
    }

    /// Layer roles read, in index order (0 is the land cover).
    var roles: [String]
    /// The water part, when water conservation is accounted.
    var water: Water?
    /// Index of the precipitation layer (with `water`).
    var precipitation: Int
    var products: [Product]
    /// Indices of the stock-density layers at the start and end of the year.
    var stock: (start: Int, end: Int)?
    var stockSlot: Int
    /// Slots per class.
    var width: Int

    /// One more than the largest mapped lucode.
    var classCount: Int
    /// Whether each lucode is in the classes table.
    var mapped: [Bool]
    /// Runoff coefficient α where water conservation counts the class's type, else 0.
    var alpha: [Double]
    /// 1 where water conservation counts the class's type, else 0.
    var conserves: [Double]
    /// Measured ET per class (water balance without an ET layer), mm.
    var classET: [Double]
    /// Fu–Budyko: crop coefficient, root depth (mm), vegetated flag, seasonality Z (Float, as InVEST).
    var kc: [Float]
    var rootDepth: [Float]
    var vegetated: [Bool]
    var seasonality: Float
    /// The ids of the coefficients the per-class numbers were read from (all the water part's).
    var waterCoefficients: Set<String> = []

    /// Whether the water part is Fu–Budyko's.
    var isFuBudyko: Bool {
        if case .fuBudyko = water { return true }
        return false
    }

    /// The water slots.
    static let retainedSlot = 1, yieldSlot = 2

    /// The numbers the water part depends on: equal keys give it identical per-cell values.
    var waterKey: [Double] {
        alpha + conserves + classET + kc.map(Double.init) + rootDepth.map(Double.init) + vegetated.map { $0 ? 1 : 0 } + [Double(seasonality)]
    }
}
