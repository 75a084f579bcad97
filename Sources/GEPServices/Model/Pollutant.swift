import GEPCore

/// A pollutant a purification service removes, with the ids it is known by in input
/// sections, coefficient ids and unit tags.
struct Pollutant: Sendable {
    /// Key in input sections and coefficient ids, e.g. `cod`.
    var key: String
    /// Substance tag in units, e.g. `COD` (as in `t_COD`).
    var tag: String
    /// Chinese label.
    var nameZH: String
    /// English label.
    var nameEN: String

    /// Mass unit of the pollutant, `t_<tag>`.
    var tonnes: String { "t_\(tag)" }

    /// Water pollutants valued by treatment cost.
    static let water = [
        Pollutant(key: "cod", tag: "COD", nameZH: "化学需氧量", nameEN: "COD"),
        Pollutant(key: "nh3n", tag: "NH3N", nameZH: "氨氮", nameEN: "NH₃-N"),
        Pollutant(key: "tp", tag: "TP", nameZH: "总磷", nameEN: "Total phosphorus"),
    ]

    /// Air pollutants valued by abatement cost.
    static let air = [
        Pollutant(key: "so2", tag: "SO2", nameZH: "二氧化硫", nameEN: "SO₂"),
        Pollutant(key: "nox", tag: "NOx", nameZH: "氮氧化物", nameEN: "NOx"),
        Pollutant(key: "dust", tag: "dust", nameZH: "粉尘", nameEN: "Dust"),
    ]
}
