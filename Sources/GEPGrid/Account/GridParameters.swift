import GEPCore
import GEPServices

/// The per-class numbers the grid kernel needs, reduced once from the coefficient sets via
/// the land-cover classes table into flat arrays indexed by lucode, so the per-cell loop
/// does only array loads and arithmetic.
///
/// Every coefficient is looked up through a `CoefficientLookup`, so the grid account records
/// `used_by` and reports missing coefficients and unit mismatches exactly like the county account.
struct GridParameters: Sendable {
    /// One more than the largest mapped lucode.
    var classCount: Int
    /// 1 where the lucode is mapped to an ecosystem type.
    var mapped: [Float]
    /// Runoff coefficient α (fraction) where water conservation is counted, else 0.
    var alpha: [Float]
    /// 1 where water conservation is counted for the class.
    var conserves: [Float]
    /// Crop coefficient Kc (water_yield).
    var kc: [Float]
    /// Root depth, mm (water_yield; 1 for non-vegetated classes, as InVEST).
    var rootDepth: [Float]
    /// 1 for vegetated classes (water_yield).
    var vegetated: [Float]
    /// C·P product of RUSLE where soil retention is counted, else 1 (no retention).
    var coverPractice: [Float]
    /// 1 where soil retention is counted.
    var retainsSoil: [Float]
    /// Carbon sequestration rate, t CO₂/(ha·a), where counted, else 0.
    var carbonRate: [Float]
    /// InVEST seasonality constant Z.
    var seasonality: Float

    /// Reduces the coefficients for the classes and methods in use.
    static func reduce(classes: LandCoverClasses, waterMethod: String?, soil: Bool, carbon: Bool,
                       lookup: inout CoefficientLookup) -> GridParameters {
        let count = (classes.types.keys.max() ?? 0) + 1
        var p = GridParameters(classCount: count, mapped: .init(repeating: 0, count: count), alpha: .init(repeating: 0, count: count),
                               conserves: .init(repeating: 0, count: count), kc: .init(repeating: 0, count: count),
                               rootDepth: .init(repeating: 1, count: count), vegetated: .init(repeating: 0, count: count),
                               coverPractice: .init(repeating: 1, count: count), retainsSoil: .init(repeating: 0, count: count),
                               carbonRate: .init(repeating: 0, count: count), seasonality: 0)
        func value(_ id: String, _ unit: String, _ user: ServiceID) -> Float { Float(lookup.value(id, in: .known(unit), for: user.id)) }
        for (code, type) in classes.types.sorted(by: { $0.key < $1.key }) {
            p.mapped[code] = 1
            if let method = waterMethod {
                if lookup.has("runoff_coefficient.\(type.id)") {
                    p.conserves[code] = 1
                    p.alpha[code] = value("runoff_coefficient.\(type.id)", "1", .waterConservation)
                }
                if method == "water_yield" {
                    p.kc[code] = value("crop_coefficient.\(type.id)", "1", .waterConservation)
                    p.vegetated[code] = value("vegetated.\(type.id)", "1", .waterConservation) >= 0.5 ? 1 : 0
                    if p.vegetated[code] == 1 { p.rootDepth[code] = value("root_depth.\(type.id)", "mm", .waterConservation) }
                }
            }
            if soil && lookup.has("cover_management_factor.\(type.id)") {
                p.retainsSoil[code] = 1
                p.coverPractice[code] = value("cover_management_factor.\(type.id)", "1", .soilRetention)
                    * value("support_practice_factor.\(type.id)", "1", .soilRetention)
            }
            if carbon && lookup.has("carbon_rate.\(type.id)") {
                p.carbonRate[code] = value("carbon_rate.\(type.id)", "t_CO2/(ha*a)", .carbonSequestration)
            }
        }
        if waterMethod == "water_yield" { p.seasonality = value("water_yield.seasonality_z", "1", .waterConservation) }
        return p
    }
}
