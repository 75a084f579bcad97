import GEPCore
import GEPServices

extension DriverPlan {
    /// The plan for `layers`, with the per-class numbers looked up through `lookup` (so the
    /// account records what it used, by whom, and reports missing coefficients as the county
    /// account does) and, for the water balance without an ET layer, each class's measured ET
    /// from the county input (`ecosystems.<type>.evapotranspiration`).
    ///
    /// - Throws: every missing coefficient and missing per-type ET at once.
    static func reduce(layers: GridAccountLayers, classes: LandCoverClasses, input: GridInput, lookup: inout CoefficientLookup) throws(GEPError) -> DriverPlan {
        let roles = layers.roles
        func index(_ role: String) -> Int { roles.firstIndex(of: role)! }
        let count = (classes.types.keys.max() ?? 0) + 1
        var plan = DriverPlan(roles: roles, water: nil, precipitation: 0, products: [], stock: nil, stockSlot: 0, width: 1,
                              classCount: count, mapped: .init(repeating: false, count: count), alpha: .init(repeating: 0, count: count),
                              conserves: .init(repeating: 0, count: count), classET: .init(repeating: 0, count: count),
                              kc: .init(repeating: 0, count: count), rootDepth: .init(repeating: 1, count: count),
                              vegetated: .init(repeating: false, count: count), seasonality: 0)
        var problems: [Diagnostic] = []
        let user = ServiceID.waterConservation.id
        if let method = layers.waterMethod {
            plan.precipitation = index("precipitation")
            plan.water = method == "water_yield"
                ? .fuBudyko(referenceET: index("reference_evapotranspiration"), soilDepth: index("soil_depth"), pawc: index("plant_available_water_content"))
                : .balance(evapotranspiration: roles.firstIndex(of: "evapotranspiration"))
            plan.width = 3
            if method == "water_yield" { plan.seasonality = Float(lookup.value("water_yield.seasonality_z", in: .dimensionless, for: user)) }
        }
        for (code, type) in classes.types.sorted(by: { $0.key < $1.key }) {
            plan.mapped[code] = true
            guard let method = layers.waterMethod else { continue }
            if lookup.has("runoff_coefficient.\(type.id)") {
                plan.conserves[code] = 1
                plan.alpha[code] = lookup.value("runoff_coefficient.\(type.id)", in: .dimensionless, for: user)
            }
            if method == "water_yield" {
                plan.kc[code] = Float(lookup.value("crop_coefficient.\(type.id)", in: .dimensionless, for: user))
                plan.vegetated[code] = lookup.value("vegetated.\(type.id)", in: .dimensionless, for: user) >= 0.5
                if plan.vegetated[code] { plan.rootDepth[code] = Float(lookup.value("root_depth.\(type.id)", in: .known("mm"), for: user)) }
            } else if plan.water == .balance(evapotranspiration: nil) {
                if let et = input.county?.ecosystemFields[type]?["evapotranspiration"]?.value {
                    plan.classET[code] = et
                } else if !problems.contains(where: { $0.path == "ecosystems.\(type.id).evapotranspiration" }) {
                    problems.append(Diagnostic(file: input.county?.file ?? input.file, path: "ecosystems.\(type.id).evapotranspiration",
                                               message: "missing input (mm), needed by water_conservation on the grid for lucode \(code) (or give layers.evapotranspiration)"))
                }
            }
        }
        for driver in CellDriver.allCases {
            let factors = (driver.productFactors ?? []).compactMap { roles.firstIndex(of: $0.key) }
            guard !factors.isEmpty else { continue }
            plan.products.append(Product(driver: driver, layers: factors, slot: plan.width))
            plan.width += 1
        }
        if let start = roles.firstIndex(of: "forest_stock_start"), let end = roles.firstIndex(of: "forest_stock_end") {
            plan.stock = (start, end)
            plan.stockSlot = plan.width
            plan.width += 1
        }
        plan.waterCoefficients = Set(lookup.usage.keys)
        problems += lookup.diagnostics
        guard problems.isEmpty else { throw .invalidData(problems) }
        return plan
    }
}
