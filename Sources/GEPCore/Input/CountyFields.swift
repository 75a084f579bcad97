import Foundation

/// The named county-level quantities an input file may give, with the unit each model uses.
///
/// Values in files may be written in any unit of the same dimension (`亿m3`-style scaling is
/// done by the unit, not by the key) and are converted to these units on reading.
public enum CountyFields {
    /// A named input with its unit and meaning.
    public struct Field: Sendable {
        /// JSON key.
        public var key: String
        /// Unit the models use.
        public var unit: PhysicalUnit
        /// What the value means.
        public var about: String
    }

    /// Keys under `climate`.
    public static let climate: [Field] = [
        Field(key: "precipitation", unit: .known("mm"), about: "annual precipitation P of the accounting year"),
        Field(key: "reference_evapotranspiration", unit: .known("mm"), about: "annual reference evapotranspiration ET0 (water-yield method)"),
        Field(key: "storm_precipitation", unit: .known("mm"), about: "annual rainfall from storm events (daily ≥ 50 mm), for flood regulation"),
        Field(key: "rainfall_erosivity", unit: .known("MJ*mm/(ha*h*a)"), about: "RUSLE rainfall erosivity R, county mean"),
        Field(key: "soil_erodibility", unit: .known("t*ha*h/(ha*MJ*mm)"), about: "RUSLE soil erodibility K, county mean"),
        Field(key: "soil_depth", unit: .known("mm"), about: "depth to the root-restricting layer, county mean (water-yield method)"),
        Field(key: "plant_available_water_content", unit: .known("1"), about: "PAWC as a fraction of soil volume (water-yield method)"),
        Field(key: "cooling_days", unit: .known("d"), about: "days per year on which air conditioning would be used (daily mean above 26 °C)"),
        Field(key: "water_surface_evaporation_cooling", unit: .known("mm"), about: "open-water evaporation during the cooling days"),
    ]

    /// Keys under `ecosystems.<type>` besides `area`.
    public static let ecosystem: [Field] = [
        Field(key: "area", unit: .known("ha"), about: "area of the ecosystem type"),
        Field(key: "evapotranspiration", unit: .known("mm"), about: "actual annual evapotranspiration ET (water-balance method)"),
        Field(key: "slope_length_factor", unit: .known("1"), about: "RUSLE slope length and steepness factor LS, area-weighted mean"),
        Field(key: "cooling_evapotranspiration", unit: .known("mm"), about: "actual evapotranspiration during the cooling days, when measured (transpiration cooling from ET instead of the per-type heat)"),
        Field(key: "net_ecosystem_productivity", unit: .known("g_C/(m2*a)"), about: "NEP, when measured (carbon by the NEP method)"),
    ]

    /// Keys under `forest_stock.<forest type>`.
    public static let forestStock: [Field] = [
        Field(key: "standing_volume", unit: .known("m3"), about: "standing timber volume at the end of the year (an asset, not GEP)"),
        Field(key: "annual_increment", unit: .known("m3/a"), about: "net annual increment of standing volume (stock-change carbon method)"),
    ]

    /// Keys under `hydrology`.
    public static let hydrology: [Field] = [
        Field(key: "reservoir_total_storage", unit: .known("m3"), about: "total storage capacity of the reservoirs inside the region"),
    ]

    /// Keys under `socioeconomic`.
    public static let socioeconomic: [Field] = [
        Field(key: "gdp", unit: .known("CNY"), about: "gross domestic product of the accounting year, current prices"),
        Field(key: "population", unit: .known("person"), about: "population (state which: resident or registered)"),
    ]
}

extension PhysicalUnit {
    /// A unit from a literal symbol known to parse (units written in the engine's own code).
    /// Parsed once per symbol and then served from a cache, since models ask for the same
    /// units on every run.
    ///
    /// - Precondition: `symbol` parses; the unit tests parse every symbol the engine uses.
    public static func known(_ symbol: String) -> PhysicalUnit {
        if let unit = KnownUnits.shared.unit(symbol) { return unit }
        do {
            let unit = try PhysicalUnit(parsing: symbol)
            KnownUnits.shared.insert(unit, for: symbol)
            return unit
        } catch {
            preconditionFailure("built-in unit \(symbol) does not parse: \(error)")
        }
    }
}

/// The cache behind `PhysicalUnit.known`, safe to use from several threads.
final class KnownUnits: @unchecked Sendable {
    static let shared = KnownUnits()
    private let lock = NSLock()
    private var units: [String: PhysicalUnit] = [:]

    func unit(_ symbol: String) -> PhysicalUnit? {
        lock.lock()
        defer { lock.unlock() }
        return units[symbol]
    }

    func insert(_ unit: PhysicalUnit, for symbol: String) {
        lock.lock()
        defer { lock.unlock() }
        units[symbol] = unit
    }
}
